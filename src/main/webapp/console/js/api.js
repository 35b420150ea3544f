// The operator API as the console uses it: same-origin calls with the session cookie, the CSRF
// token on every change, JSON errors turned into ApiError, and lists paged by Hermod-Next-Cursor.

const REST = new URL('../rest', document.baseURI).pathname;
export const PAGE_SIZE = 25;

let csrfToken = null;
let signedOut = () => {};
let activity = () => {};

export function onSignedOut(handler) { signedOut = handler; }
export function onActivity(handler) { activity = handler; }
export function restUrl(path) { return REST + path; }

/** An error answer of the API: {code, message, details} (or TSB's {errorCode, reason}). */
export class ApiError extends Error {
    constructor(status, body) {
        super((body && (body.message || body.reason)) || ('HTTP ' + status));
        this.status = status;
        this.code = body && (body.code || body.errorCode) || String(status);
        this.details = body && body.details || {};
        this.body = body;
    }
}

async function send(method, path, body, accept) {
    const headers = { Accept: accept };
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    if (method !== 'GET' && csrfToken) {
        headers['X-CSRF-Token'] = csrfToken;
    }
    const response = await fetch(REST + path, {
        method, headers, credentials: 'same-origin', cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) {
        let error = null;
        try { error = await response.json(); } catch (e) { error = null; }
        if (response.status === 401 && path !== '/admin/session') {
            csrfToken = null;
            signedOut('Your session has ended. Sign in again.');
        }
        throw new ApiError(response.status, error);
    }
    activity();
    return response;
}

export async function call(method, path, body) {
    const response = await send(method, path, body, 'application/json');
    if (response.status === 204) {
        return null;
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
}

export const get = path => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
export const put = (path, body) => call('PUT', path, body);
export const del = path => call('DELETE', path);

export async function text(path) {
    return (await send('GET', path, undefined, 'text/plain')).text();
}

/** One page of a list: {rows, next}; next is the cursor of the following page, or null on the last. */
export async function page(path, params = {}, after = null, limit = PAGE_SIZE) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            query.set(name, value);
        }
    }
    query.set('limit', String(limit));
    if (after) {
        query.set('after', after);
    }
    const response = await send('GET', path + '?' + query, undefined, 'application/json');
    const rows = await response.json();
    return { rows: rows.slice(0, limit), next: response.headers.get('Hermod-Next-Cursor') };
}

export async function signIn(user, password) {
    const session = await call('POST', '/admin/session', { user, password });
    csrfToken = session.csrfToken;
    return session;
}

/** The session the cookie still holds, or null. */
export async function currentSession() {
    try {
        const session = await call('GET', '/admin/session');
        csrfToken = session.csrfToken;
        return session;
    } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
            return null;
        }
        throw e;
    }
}

export async function signOut() {
    try {
        await call('DELETE', '/admin/session');
    } finally {
        csrfToken = null;
    }
}
