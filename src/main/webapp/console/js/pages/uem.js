// The BlackBerry UEM connector: its settings, and a one-time password for a user, shown once.
import * as api from '../api.js';
import { h, clear, panel, form, notice, onceBox, time, fieldError } from '../ui.js';

function render(container) {
    container.append(h('h1', { text: 'UEM connector' }));
    const settingsPanel = panel('Settings', h('p.muted', { text: 'Loading…' }));
    const otpResult = h('div', { id: 'otp-result' });
    const otpForm = form({
        fields: [
            { name: 'user', label: 'User', placeholder: 'alice@example.com' },
            { name: 'validitySeconds', label: 'Valid for (s)', type: 'number', value: 86400 }
        ],
        submitLabel: 'Issue one-time password',
        submit: async values => {
            if (!values.user) {
                throw fieldError('user', 'A user is required');
            }
            const issued = await api.post('/admin/uem/users/' + encodeURIComponent(values.user) + '/otp',
                { validitySeconds: Number(values.validitySeconds) });
            clear(otpResult, onceBox('One-time password of ' + values.user, issued.otp,
                'Valid until ' + time(issued.expires) + ', once. It is stored only as a hash and not shown again.'));
            otpForm.set('user', '');
        }
    });
    otpForm.id = 'otp-form';
    container.append(settingsPanel, panel('One-time password for a user', otpResult, otpForm));
    loadSettings(settingsPanel);
}

async function loadSettings(target) {
    let settings;
    try {
        settings = await api.get('/admin/uem/settings');
    } catch (e) {
        clear(target, h('h2', { text: 'Settings' }), notice(e.message, true));
        return;
    }
    const status = h('div');
    const settingsForm = form({
        fields: [
            { name: 'caKey', label: 'CA key', value: settings.caKey, hint: 'Label of the CA key that issues user certificates' },
            { name: 'keyAlgorithm', label: 'User key', type: 'select', options: [['RSA_2048', 'RSA 2048'], ['RSA_3072', 'RSA 3072'], ['EC_P256', 'EC P-256']] },
            { name: 'poolSize', label: 'Key pool size', type: 'number', value: settings.poolSize },
            { name: 'passwordMode', label: 'PKCS#12 password', type: 'select', options: [['random', 'random (sent as decryptionPassword)'], ['otp', 'the one-time password']] },
            { name: 'validityDays', label: 'Certificate validity (days)', type: 'number', value: settings.validityDays }
        ],
        submitLabel: 'Save settings',
        submit: async values => {
            const saved = await api.put('/admin/uem/settings', { caKey: values.caKey || null, keyAlgorithm: values.keyAlgorithm,
                poolSize: Number(values.poolSize), passwordMode: values.passwordMode, validityDays: Number(values.validityDays) });
            clear(status, notice('Saved: CA key ' + (saved.caKey || 'none') + ', ' + saved.keyAlgorithm + '.'));
        }
    });
    settingsForm.id = 'uem-settings-form';
    settingsForm.set('keyAlgorithm', settings.keyAlgorithm);
    settingsForm.set('passwordMode', settings.passwordMode);
    clear(target, h('h2', { text: 'Settings' }), status, settingsForm);
}

export default { title: 'UEM connector', render };
