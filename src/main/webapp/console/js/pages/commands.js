// Commands across clients: filter by client, state, type, user and time; a command's envelope,
// its messages per destination, its callback with last error and each attempt; cancel; redeliver
// a dead callback.
import * as api from '../api.js';
import { h, clear, panel, form, pagedTable, jsonToggle, notice, props, stateBadge, time } from '../ui.js';

const STATES = ['', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'EXPIRED', 'CANCELLED'];
const TYPES = ['', 'PROV', 'CERT', 'SIGN', 'AUTH', 'DELETE', 'PING', 'SPIN', 'EPIN'];

function iso(local) {
    return local ? new Date(local).toISOString() : '';
}

function render(container, query) {
    container.append(h('h1', { text: 'Commands' }));
    let filter = {};
    const detail = h('div', { id: 'command-detail' });
    const filterForm = form({
        inline: true,
        fields: [
            { name: 'clientId', label: 'Client', value: query.get('clientId') },
            { name: 'state', label: 'State', type: 'select', options: STATES.map(s => [s, s || 'any']) },
            { name: 'type', label: 'Type', type: 'select', options: TYPES.map(t => [t, t || 'any']) },
            { name: 'user', label: 'User' },
            { name: 'from', label: 'From', type: 'datetime-local' },
            { name: 'to', label: 'To', type: 'datetime-local' }
        ],
        submitLabel: 'Filter',
        submit: async values => {
            filter = { ...values, from: iso(values.from), to: iso(values.to) };
            table.reload();
        }
    });
    filterForm.id = 'command-filter';
    const table = pagedTable({
        id: 'commands-table',
        path: '/admin/commands',
        params: () => filter,
        columns: [
            { label: 'Command', value: c => c.commandId, mono: true },
            { label: 'Client', value: c => c.clientId },
            { label: 'Type', value: c => c.commandType },
            { label: 'State', value: c => stateBadge(c.state) },
            { label: 'External id', value: c => c.externalId || '' },
            { label: 'Callback', value: c => c.callback ? stateBadge(c.callback.state) : '' }
        ],
        onRow: command => showCommand(detail, command.commandId, () => table.reload()),
        empty: 'No command matches.'
    });
    container.append(panel('Filter', filterForm), panel('Commands', table), detail);
    if (query.get('id')) {
        showCommand(detail, query.get('id'), () => table.reload());
    }
}

export async function showCommand(target, commandId, changed) {
    const path = '/admin/commands/' + encodeURIComponent(commandId);
    let envelope;
    try {
        envelope = await api.get(path);
    } catch (e) {
        clear(target, panel('Command ' + commandId, notice(e.message, true)));
        return;
    }
    const status = h('div');
    const refresh = () => { showCommand(target, commandId, changed); changed(); };
    const actions = h('div.actions');
    if (envelope.state === 'IN_PROGRESS') {
        actions.append(h('button.danger', { type: 'button', id: 'cancel-command', text: 'Cancel command', on: { click: async () => {
            try {
                await api.del(path);
                refresh();
            } catch (e) {
                clear(status, notice(e.message, true));
            }
        } } }));
    }
    const destinations = h('table', {}, h('thead', {}, h('tr', {}, ['To', 'Mailbox', 'Message', 'Profile', 'State', 'Error']
        .map(t => h('th', { text: t })))), h('tbody', {}, (envelope.destinations || []).map(d => h('tr', {},
        h('td', { text: d.to }), h('td.mono', { text: d.bid }), h('td.mono', { text: d.mid }), h('td.mono', { text: d.pid || '' }),
        h('td', {}, stateBadge(d.state || '')), h('td', { text: d.error ? d.error.code + ': ' + d.error.message : '' })))));
    const callback = h('div', { id: 'command-callback' });
    clear(target, panel('Command ' + commandId,
        props([
            ['State', stateBadge(envelope.state)],
            ['Type', envelope.commandType],
            ['Client', envelope.clientId],
            ['External id', envelope.externalId],
            ['Error', envelope.error ? envelope.error.code + ': ' + envelope.error.message : null],
            ['Enrollment', envelope.enrollment ? envelope.enrollment.state : null]
        ]),
        status, actions, h('h2', { text: 'Messages per destination' }), destinations,
        h('h2', { text: 'Callback' }), callback, jsonToggle(envelope)));
    target.scrollIntoView({ block: 'start' });
    if (envelope.callback) {
        showCallback(callback, path + '/callback', refresh);
    } else {
        callback.append(h('p.muted', { text: 'No callback: the command is not final, or its client has no callback URL.' }));
    }
}

async function showCallback(target, path, refresh) {
    let delivery;
    try {
        delivery = await api.get(path);
    } catch (e) {
        clear(target, h('p.muted', { text: e.status === 404 ? 'No callback (the command is not final, or its client has no callback URL).' : e.message }));
        return;
    }
    if (delivery.state === 'PENDING') {
        setTimeout(() => target.isConnected && showCallback(target, path, refresh), 2000);
    }
    const status = h('div');
    const redeliver = delivery.state === 'DEAD' ? h('button', { type: 'button', id: 'redeliver-callback', text: 'Redeliver', on: { click: async () => {
        try {
            await api.post(path + '/redeliver');
            showCallback(target, path, refresh);
        } catch (e) {
            clear(status, notice(e.message, true));
        }
    } } }) : null;
    const attempts = pagedTable({
        id: 'callback-attempts',
        path: path + '/attempts',
        columns: [
            { label: '#', value: a => String(a.attempt) },
            { label: 'Started', value: a => time(a.startedAt) },
            { label: 'Duration', value: a => a.durationMs + ' ms' },
            { label: 'HTTP status', value: a => a.httpStatus === undefined ? 'none' : String(a.httpStatus) },
            { label: 'Error', value: a => a.error || '' },
            { label: 'Node', value: a => a.node, mono: true }
        ],
        empty: 'No attempt yet.'
    });
    clear(target, props([
        ['State', stateBadge(delivery.state)],
        ['Attempts', String(delivery.attempts)],
        ['Last error', delivery.lastError],
        ['Last attempt', time(delivery.lastAttemptAt)],
        ['Next attempt', time(delivery.nextAttemptAt)],
        ['Delivered', time(delivery.deliveredAt)],
        ['Delivery id', h('span.mono', { text: delivery.deliveryId })]
    ]), status, redeliver, h('h3', { text: 'Attempts' }), attempts);
}

export default { title: 'Commands', render };
