// Enrolling a user at the desk: a provisioning in a client's name, its QR code large enough to
// scan from the screen, and its state followed by long polls until the device has answered.
import * as api from '../api.js';
import { h, clear, panel, form, notice, stateBadge, fieldError } from '../ui.js';
import { TEMPLATES, provisioning } from '../templates.js';

function render(container) {
    container.append(h('h1', { text: 'Enroll a user' }));
    const result = h('div', { id: 'enrollment' });
    const clientSelect = { name: 'clientId', label: 'API client', placeholder: 'client id', hint: 'Type or pick one' };
    const enrollForm = form({
        fields: [
            clientSelect,
            { name: 'template', label: 'Profile template', type: 'select', options: TEMPLATES.map(t => [t.id, t.label]) },
            { name: 'userid', label: 'User id', placeholder: 'alice@example.com' },
            { name: 'timeout', label: 'Valid for (s)', type: 'number', value: 600 }
        ],
        submitLabel: 'Show QR code',
        submit: async values => {
            if (!values.clientId) {
                throw fieldError('clientId', 'Pick an API client');
            }
            if (!values.userid) {
                throw fieldError('userid', 'A user id is required');
            }
            const seconds = Number(values.timeout) || 600;
            const envelope = await api.post('/admin/clients/' + encodeURIComponent(values.clientId) + '/provision',
                provisioning(values.template, values.userid, { lifespan: seconds, timeout: seconds }));
            follow(result, envelope, values.userid);
        }
    });
    enrollForm.id = 'enroll-form';
    container.append(h('div.row', {}, panel('Who and how', enrollForm), result));
    const known = h('datalist', { id: 'enroll-clients' });
    enrollForm.input('clientId').setAttribute('list', 'enroll-clients');
    enrollForm.append(known);
    api.page('/admin/clients', {}, null, 100).then(page => {
        clear(known, page.rows.map(c => h('option', { value: c.clientId })));
    }).catch(e => enrollForm.showError(e));
    let stop = () => {};
    function follow(target, envelope, userid) {
        stop();
        let active = true;
        stop = () => { active = false; };
        const commandId = envelope.commandId;
        const destination = envelope.destinations[0];
        const state = h('div.big-state', { id: 'enrollment-state' });
        const setState = value => {
            clear(state, stateBadge(value === 'COMPLETED' ? 'completed' : value));
            state.className = 'big-state state-' + value;
            state.dataset.state = value;
        };
        setState(envelope.state);
        const image = h('img', { id: 'enrollment-qr', alt: 'QR code of the provisioning of ' + userid,
            src: api.restUrl('/admin/commands/' + encodeURIComponent(commandId) + '/qr?format=svg'),
            dataset: { uri: destination.uri, commandId } });
        clear(target, panel('Scan with the credential app', h('div.qr', {}, image, h('div.qr-info', {},
            h('span', { text: 'User ' + userid }), state,
            h('a', { href: '#/commands?id=' + encodeURIComponent(commandId), text: 'Open the command' })))));
        (async () => {
            while (active) {
                try {
                    const current = await api.get('/admin/commands/' + encodeURIComponent(commandId) + '?wait=25');
                    if (!active) {
                        return;
                    }
                    setState(current.state);
                    if (current.state !== 'IN_PROGRESS') {
                        image.classList.add('done');
                        return;
                    }
                } catch (e) {
                    if (active) {
                        target.append(notice(e.message, true));
                    }
                    return;
                }
            }
        })();
    }
    return () => stop();
}

export default { title: 'Enroll a user', render };
