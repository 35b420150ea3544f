// API clients: list, create (the key is made here, in the browser, and shown once), edit the
// callback and attestation keys (JWK or PEM), delete, and each client's automatic enrollment.
import * as api from '../api.js';
import { h, clear, panel, form, pagedTable, jsonToggle, notice, onceBox, time, fieldError } from '../ui.js';

/** 32 random bytes, base64url: what the client will present as its key. */
function newKey() {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Pasted attestation keys: JSON (a JWK or an array of them) and/or PEM certificates. */
export function parseAttestationKeys(text) {
    const trimmed = text.trim();
    if (!trimmed) {
        return [];
    }
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        try {
            const parsed = JSON.parse(trimmed);
            return Array.isArray(parsed) ? parsed : [parsed];
        } catch (e) {
            throw fieldError('attestationKeys', 'Not valid JSON: ' + e.message);
        }
    }
    const pems = trimmed.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
    if (!pems) {
        throw fieldError('attestationKeys', 'Paste a public JWK (JSON) or PEM certificates');
    }
    return pems;
}

function keysText(keys) {
    if (!keys || !keys.length) {
        return '';
    }
    return keys.every(k => typeof k === 'string') ? keys.join('\n') : JSON.stringify(keys.length === 1 ? keys[0] : keys, null, 2);
}

const clientFields = (client = {}) => [
    { name: 'callbackUrl', label: 'Callback URL', value: client.callbackUrl, placeholder: 'https://app.example/hermod' },
    { name: 'callbackBasicAuth', label: 'Callback Basic auth', placeholder: client.callbackBasicAuth ? '(kept; type user:password to replace)' : 'user:password (optional)' },
    { name: 'attestationKeys', label: 'Attestation keys', type: 'textarea', rows: 6, value: keysText(client.attestationKeys),
        hint: 'Public JWK (JSON object or array) or PEM certificates of the credential app' }
];

function body(values) {
    const result = { attestationKeys: parseAttestationKeys(values.attestationKeys) };
    if (values.callbackUrl) {
        result.callbackUrl = values.callbackUrl;
    }
    if (values.callbackBasicAuth) {
        result.callbackBasicAuth = values.callbackBasicAuth;
    }
    return result;
}

function render(container) {
    container.append(h('h1', { text: 'API clients' }));
    const detail = h('div', { id: 'client-detail' });
    const created = h('div');
    const table = pagedTable({
        id: 'clients-table',
        path: '/admin/clients',
        columns: [
            { label: 'Client', value: c => c.clientId },
            { label: 'Callback URL', value: c => c.callbackUrl || '–', mono: true },
            { label: 'Basic auth', value: c => c.callbackBasicAuth ? 'yes' : 'no' },
            { label: 'Attestation keys', value: c => (c.attestationKeys || []).length },
            { label: 'Updated', value: c => time(c.updatedAt) }
        ],
        onRow: client => showClient(detail, client, () => table.reload()),
        empty: 'No API clients yet.'
    });
    const createForm = form({
        fields: [{ name: 'clientId', label: 'Client id', placeholder: 'portal' }, ...clientFields()],
        submitLabel: 'Create client',
        submit: async values => {
            if (!values.clientId) {
                throw fieldError('clientId', 'A client id is required');
            }
            const key = newKey();
            const saved = await api.put('/admin/clients/' + encodeURIComponent(values.clientId), { key, ...body(values) });
            clear(created, onceBox('API key of ' + values.clientId, key,
                'Give it to the application server as X-Api-Key: base64(' + values.clientId + ':key). It is stored only as a hash and not shown again.'));
            createForm.reset();
            table.reload();
            showClient(detail, saved, () => table.reload());
        }
    });
    createForm.id = 'create-client-form';
    container.append(panel('Clients', table), detail, panel('New client', created, createForm));
}

function showClient(target, client, changed) {
    const path = '/admin/clients/' + encodeURIComponent(client.clientId);
    const status = h('div');
    const editForm = form({
        fields: clientFields(client),
        submitLabel: 'Save',
        submit: async values => {
            const saved = await api.put(path, body(values));
            clear(status, notice('Saved ' + saved.clientId + '.'));
            changed();
        },
        extraButtons: [h('button.danger', { type: 'button', text: 'Delete client', on: { click: async () => {
            if (!confirm('Delete API client ' + client.clientId + '?')) {
                return;
            }
            try {
                await api.del(path);
                clear(target, notice('Deleted ' + client.clientId + '.'));
                changed();
            } catch (e) {
                clear(status, notice(e.message, true));
            }
        } } })]
    });
    editForm.id = 'edit-client-form';
    const enrollment = h('div');
    clear(target, panel('Client ' + client.clientId, status, editForm, jsonToggle(client)),
        panel('Automatic enrollment of ' + client.clientId, enrollment));
    showEnrollment(enrollment, path + '/enrollment');
}

async function showEnrollment(target, path) {
    let policy = null;
    try {
        policy = await api.get(path);
    } catch (e) {
        if (e.status !== 404) {
            clear(target, notice(e.message, true));
            return;
        }
    }
    const status = h('div', {}, h('p.muted', { text: policy ? 'Provisionings of this client are followed by their certificates.'
        : 'Off: provisionings of this client get no certificates.' }));
    const list = text => text ? text.split(',').map(s => s.trim()).filter(Boolean) : [];
    const policyForm = form({
        fields: [
            { name: 'caKey', label: 'CA key', value: policy && policy.caKey, placeholder: 'label of a CA key without approvals' },
            { name: 'validity', label: 'Validity (days)', type: 'number', value: policy ? policy.validity : 365 },
            { name: 'keyUsage', label: 'Key usage', value: policy ? (policy.keyUsage || []).join(', ') : 'DIGITAL_SIGNATURE' },
            { name: 'extendedKeyUsage', label: 'Extended key usage', value: policy ? (policy.extendedKeyUsage || []).join(', ') : 'CLIENT_AUTH' },
            { name: 'lifespan', label: 'Lifespan (s)', type: 'number', value: policy ? policy.lifespan : 3600 },
            { name: 'timeout', label: 'Timeout (s)', type: 'number', value: policy ? policy.timeout : 3600 }
        ],
        submitLabel: policy ? 'Save enrollment' : 'Turn on enrollment',
        submit: async values => {
            await api.put(path, { caKey: values.caKey, validity: Number(values.validity), keyUsage: list(values.keyUsage),
                extendedKeyUsage: list(values.extendedKeyUsage), lifespan: Number(values.lifespan), timeout: Number(values.timeout) });
            showEnrollment(target, path);
        },
        extraButtons: policy ? [h('button.secondary', { type: 'button', text: 'Turn off', on: { click: async () => {
            try {
                await api.del(path);
                showEnrollment(target, path);
            } catch (e) {
                status.append(notice(e.message, true));
            }
        } } })] : []
    });
    policyForm.id = 'enrollment-form';
    clear(target, status, policyForm);
}

export default { title: 'API clients', render };
