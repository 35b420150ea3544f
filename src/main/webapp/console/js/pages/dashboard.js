// Health of the database, messaging and HSM; commands of the last hour by state; callbacks
// pending and dead; expiry lag; key requests waiting for approval. Refreshes every 15 seconds.
import * as api from '../api.js';
import { h, clear, panel, notice } from '../ui.js';

const STATES = ['IN_PROGRESS', 'COMPLETED', 'FAILED', 'EXPIRED', 'CANCELLED'];

function tile(label, value, className) {
    return h('div.tile', {}, h(className ? 'div.value.' + className : 'div.value', { text: value }), h('div.label', { text: label }));
}

/** Counts up to 100 with one page; "100+" when the list goes on. */
async function countOf(path, params) {
    const result = await api.page(path, params, null, 100);
    return result.next ? result.rows.length + '+' : String(result.rows.length);
}

/** The sample of a Prometheus text line, summed over its labels. */
function metric(text, name, labelFilter) {
    let sum = null;
    for (const line of text.split('\n')) {
        if (line.startsWith(name) && (line[name.length] === ' ' || line[name.length] === '{')
            && (!labelFilter || line.includes(labelFilter))) {
            const value = parseFloat(line.slice(line.lastIndexOf(' ') + 1));
            if (!isNaN(value)) {
                sum = (sum || 0) + value;
            }
        }
    }
    return sum;
}

async function section(target, title, load) {
    const body = h('div.tiles', {}, h('span.muted', { text: 'Loading…' }));
    target.append(panel(title, body));
    try {
        clear(body, await load());
    } catch (e) {
        clear(body, notice(e.message, true));
    }
}

function render(container) {
    container.append(h('h1', { text: 'Dashboard' }));
    const grid = h('div');
    container.append(grid);
    const refresh = () => {
        clear(grid);
        section(grid, 'Health', async () => {
            let health;
            try {
                health = await api.get('/health');
            } catch (e) {
                health = e.body;
                if (!health || !health.checks) {
                    throw e;
                }
            }
            return Object.entries(health.checks).map(([name, check]) =>
                h('div.tile', { dataset: { check: name } }, h('div.value.status-' + check.status, { text: check.status }),
                    h('div.label', { text: name + (check.reason ? ': ' + check.reason : '') })));
        });
        const from = new Date(Date.now() - 3600 * 1000).toISOString();
        section(grid, 'Commands of the last hour', async () =>
            Promise.all(STATES.map(async state => tile(state, await countOf('/admin/commands', { state, from }), 'state-' + state))));
        section(grid, 'Callbacks, expiry and approvals', async () => {
            const [callbacks, metrics, waiting] = await Promise.all([
                api.get('/admin/callbacks/summary'), api.text('/metrics'), countOf('/admin/key-requests', {})]);
            const lagMax = metric(metrics, 'hermod_expiry_lag_seconds_max');
            const lagSum = metric(metrics, 'hermod_expiry_lag_seconds_sum');
            const lagCount = metric(metrics, 'hermod_expiry_lag_seconds_count');
            return [
                tile('callbacks pending', String(callbacks.pending)),
                tile('callbacks dead', String(callbacks.dead), callbacks.dead > 0 ? 'bad' : null),
                tile('expiry lag, max (s)', lagMax === null ? '–' : lagMax.toFixed(3)),
                tile('expiry lag, mean (s)', lagCount ? (lagSum / lagCount).toFixed(3) : '–'),
                tile('key requests waiting for approval', waiting)
            ];
        });
    };
    refresh();
    const timer = setInterval(refresh, 15000);
    return () => clearInterval(timer);
}

export default { title: 'Dashboard', render };
