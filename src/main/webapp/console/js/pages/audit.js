// The audit trail: paged, optionally of one subject, and the check of its hash chain.
import * as api from '../api.js';
import { h, clear, panel, form, pagedTable, notice, time } from '../ui.js';

function render(container) {
    container.append(h('h1', { text: 'Audit' }));
    let filter = {};
    const verification = h('div', { id: 'audit-verification' });
    const verify = h('button', { type: 'button', id: 'verify-audit', text: 'Verify the chain', on: { click: async () => {
        verify.disabled = true;
        try {
            const result = await api.get('/admin/audit/verify');
            clear(verification, result.valid
                ? notice('The chain is intact: ' + result.entries + ' entries verified.')
                : notice('The chain is broken at entry ' + result.firstBrokenSeq + ': ' + result.reason, true));
        } catch (e) {
            clear(verification, notice(e.message, true));
        } finally {
            verify.disabled = false;
        }
    } } });
    const table = pagedTable({
        id: 'audit-table',
        path: '/admin/audit',
        params: () => filter,
        columns: [
            { label: '#', value: e => e.seq },
            { label: 'When', value: e => time(e.time) },
            { label: 'Actor', value: e => e.actor },
            { label: 'Subject', value: e => e.subjectType + ' ' + e.subjectId, mono: true },
            { label: 'Action', value: e => e.action },
            { label: 'Detail', value: e => typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail || ''), mono: true }
        ],
        empty: 'No entries.'
    });
    const filterForm = form({
        inline: true,
        fields: [
            { name: 'subjectType', label: 'Subject type', placeholder: 'command, api-client, key…' },
            { name: 'subjectId', label: 'Subject id' }
        ],
        submitLabel: 'Filter',
        submit: async values => {
            filter = values;
            table.reload();
        }
    });
    container.append(panel('Chain', verification, verify), panel('Entries', filterForm, table));
}

export default { title: 'Audit', render };
