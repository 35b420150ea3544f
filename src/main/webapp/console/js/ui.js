// Small DOM helpers shared by the pages: elements, forms that show the API's errors next to
// their fields, tables paged by cursor, and the "show JSON" toggle. No framework, no build step.
import { ApiError, page, PAGE_SIZE } from './api.js';

/** h('tag.class', {attributes, on: {event: handler}}, ...children) */
export function h(spec, attributes = {}, ...children) {
    const [tag, ...classes] = spec.split('.');
    const element = document.createElement(tag);
    if (classes.length) {
        element.className = classes.join(' ');
    }
    for (const [name, value] of Object.entries(attributes || {})) {
        if (name === 'on') {
            for (const [event, handler] of Object.entries(value)) {
                element.addEventListener(event, handler);
            }
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (name === 'text') {
            element.textContent = value;
        } else if (value === true) {
            element.setAttribute(name, '');
        } else if (value !== false && value !== null && value !== undefined) {
            element.setAttribute(name, value);
        }
    }
    for (const child of children.flat()) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

export function clear(element, ...children) {
    element.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
    return element;
}

export function panel(title, ...children) {
    return h('section.panel', {}, title ? h('h2', { text: title }) : null, ...children);
}

export function notice(text, error = false) {
    return h(error ? 'div.notice.error' : 'div.notice', { role: error ? 'alert' : 'status', text });
}

export function stateBadge(state) {
    return h('span.state-' + state, { text: state });
}

export function time(iso) {
    if (!iso) {
        return '';
    }
    const date = new Date(iso);
    return isNaN(date) ? iso : date.toLocaleString();
}

export function jsonToggle(value) {
    return h('details.json', {}, h('summary', { text: 'Show JSON' }), h('pre', { text: JSON.stringify(value, null, 2) }));
}

export function props(pairs) {
    return h('dl.props', {}, pairs.filter(p => p[1] !== undefined && p[1] !== null && p[1] !== '')
        .flatMap(([name, value]) => [h('dt', { text: name }), h('dd', {}, value)]));
}

/**
 * A form whose fields are [{name, label, type, options, value, placeholder, rows, required}];
 * submit(values) runs the API call; an ApiError is shown next to the field it names, else above
 * the buttons. Returns the form element, with .values(), .set(name, value) and .reset().
 */
export function form({ fields, submitLabel, submit, inline = false, extraButtons = [] }) {
    const inputs = {};
    const errors = {};
    const formError = h('div.form-error', { role: 'alert' });
    const element = h(inline ? 'form.form.inline' : 'form.form', { novalidate: true });
    for (const field of fields) {
        const id = 'f-' + field.name + '-' + Math.random().toString(36).slice(2, 8);
        let input;
        if (field.type === 'select') {
            input = h('select', { id, name: field.name },
                field.options.map(o => Array.isArray(o) ? h('option', { value: o[0], text: o[1] }) : h('option', { value: o, text: o })));
        } else if (field.type === 'textarea') {
            input = h('textarea', { id, name: field.name, rows: field.rows || 5, placeholder: field.placeholder, readonly: field.readonly });
        } else {
            input = h('input', { id, name: field.name, type: field.type || 'text', placeholder: field.placeholder,
                autocomplete: field.autocomplete || 'off', readonly: field.readonly, min: field.min, max: field.max });
        }
        if (field.value !== undefined && field.value !== null) {
            input.value = field.value;
        }
        inputs[field.name] = input;
        errors[field.name] = h('div.field-error', { dataset: { errorFor: field.name } });
        const label = h('label', { for: id, text: field.label });
        if (inline) {
            element.append(h('div.field', {}, label, input, errors[field.name]));
        } else {
            element.append(label, h('div', {}, input, field.hint ? h('div.muted', { text: field.hint }) : null, errors[field.name]));
        }
    }
    const button = h('button', { type: 'submit', text: submitLabel });
    element.append(formError, h('div.actions', {}, button, ...extraButtons));
    const clearErrors = () => {
        formError.textContent = '';
        for (const name of Object.keys(inputs)) {
            errors[name].textContent = '';
            inputs[name].classList.remove('invalid');
        }
    };
    element.values = () => Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value.trim()]));
    element.set = (name, value) => { inputs[name].value = value ?? ''; };
    element.input = name => inputs[name];
    element.showError = error => {
        clearErrors();
        const message = error instanceof ApiError ? error.message + ' (' + error.code + ')' : String(error.message || error);
        const name = error instanceof ApiError ? fieldOf(error, Object.keys(inputs)) : error.field;
        if (name && inputs[name]) {
            errors[name].textContent = message;
            inputs[name].classList.add('invalid');
            inputs[name].focus();
        } else {
            formError.textContent = message;
        }
    };
    element.addEventListener('submit', async event => {
        event.preventDefault();
        clearErrors();
        button.disabled = true;
        try {
            await submit(element.values(), element);
        } catch (error) {
            element.showError(error);
        } finally {
            button.disabled = false;
        }
    });
    return element;
}

/** The field an error is about: details.field, else a field the message quotes or starts with. */
function fieldOf(error, names) {
    const named = error.details && (error.details.field || error.details.pointer);
    if (named) {
        const last = String(named).split(/[/.]/).filter(Boolean).pop();
        if (names.includes(last)) {
            return last;
        }
    }
    const message = error.message || '';
    return names.find(n => message.includes("'" + n + "'"))
        || names.find(n => message.startsWith(n + ' ') || message.startsWith(n + ':'))
        || names.find(n => new RegExp('\\b' + n + '\\b').test(message));
}

/** A field-level error raised by the console itself, before any call. */
export function fieldError(field, message) {
    const error = new Error(message);
    error.field = field;
    return error;
}

/**
 * A table of at most PAGE_SIZE rows, paged with the API's cursor. columns: [{label, value(row)}];
 * load(after) answers {rows, next} (defaults to api.page(path, params)). Returns the element with
 * .reload().
 */
export function pagedTable({ columns, path, params = () => ({}), load, onRow, empty = 'Nothing to show.', id }) {
    const body = h('tbody');
    const status = h('span.muted');
    const previous = h('button.secondary', { type: 'button', text: 'Previous' });
    const next = h('button.secondary', { type: 'button', text: 'Next' });
    const error = h('div');
    const cursors = [null];
    let current = 0;
    let nextCursor = null;
    const fetchPage = load || (after => page(path, params(), after, PAGE_SIZE));
    async function show(index) {
        error.replaceChildren();
        try {
            const result = await fetchPage(cursors[index]);
            current = index;
            nextCursor = result.next;
            cursors.length = index + 1;
            clear(body, result.rows.length ? result.rows.map(row => {
                const tr = h(onRow ? 'tr.clickable' : 'tr', {}, columns.map(c => {
                    const value = c.value(row);
                    return h(c.mono ? 'td.mono' : 'td', {}, value instanceof Node ? value : String(value ?? ''));
                }));
                if (onRow) {
                    tr.addEventListener('click', () => {
                        body.querySelectorAll('tr.selected').forEach(r => r.classList.remove('selected'));
                        tr.classList.add('selected');
                        onRow(row, tr);
                    });
                }
                return tr;
            }) : h('tr', {}, h('td.muted', { colspan: columns.length, text: empty })));
            status.textContent = 'Page ' + (index + 1) + (result.rows.length ? ' · ' + result.rows.length + ' row(s)' : '');
            previous.disabled = index === 0;
            next.disabled = !nextCursor;
        } catch (e) {
            clear(body);
            error.replaceChildren(notice(e.message + (e.code ? ' (' + e.code + ')' : ''), true));
        }
    }
    previous.addEventListener('click', () => show(Math.max(0, current - 1)));
    next.addEventListener('click', () => {
        cursors[current + 1] = nextCursor;
        show(current + 1);
    });
    const element = h('div', { id },
        h('table', {}, h('thead', {}, h('tr', {}, columns.map(c => h('th', { text: c.label })))), body),
        error, h('div.pager', {}, previous, next, status));
    element.reload = () => show(0);
    element.reload();
    return element;
}

/** A one-time secret: shown once in a box the operator dismisses; the console keeps no copy. */
export function onceBox(title, secret, note) {
    const box = h('div.once', { role: 'status' },
        h('strong', { text: title }), h('div.secret', { text: secret, dataset: { secret: 'true' } }),
        h('div.muted', { text: note || 'Copy it now: it is not shown again.' }));
    box.append(h('button.secondary', { type: 'button', text: 'Done', on: { click: () => box.remove() } }));
    return box;
}
