// The console's shell: the sign-in form, the navigation between pages (#/page), sign-out, and
// the return to the sign-in form when the server ends the session (idle timeout, sign-out elsewhere).
import * as api from './api.js';
import { h, clear, form, notice } from './ui.js';
import dashboard from './pages/dashboard.js';
import clients from './pages/clients.js';
import commands from './pages/commands.js';
import enroll from './pages/enroll.js';
import keys from './pages/keys.js';
import uem from './pages/uem.js';
import audit from './pages/audit.js';

const pages = { dashboard, clients, commands, enroll, keys, uem, audit };
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');

let session = null;
let idleTimer = null;
let cleanup = null;

function leavePage() {
    if (cleanup) {
        cleanup();
        cleanup = null;
    }
}

function showSignIn(message) {
    leavePage();
    session = null;
    clearTimeout(idleTimer);
    nav.hidden = true;
    signOutButton.hidden = true;
    who.textContent = '';
    document.title = 'Sign in · Hermod operator console';
    const signInForm = form({
        fields: [
            { name: 'user', label: 'User', autocomplete: 'username' },
            { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' }
        ],
        submitLabel: 'Sign in',
        submit: async values => {
            started(await api.signIn(values.user, values.password));
        }
    });
    signInForm.id = 'sign-in-form';
    clear(main, h('section.panel.sign-in', {}, h('h1', { text: 'Sign in' }),
        message ? notice(message, true) : null, signInForm));
    signInForm.querySelector('input').focus();
}

function started(newSession) {
    session = newSession;
    nav.hidden = false;
    signOutButton.hidden = false;
    who.textContent = session.user;
    activity();
    route();
}

/** Each successful call restarts the idle clock; when it runs out, the server has ended the session. */
function activity() {
    if (!session) {
        return;
    }
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => showSignIn('Signed out after ' + Math.round(session.idleTimeoutSeconds / 60)
        + ' minutes without activity.'), (session.idleTimeoutSeconds || 900) * 1000 + 2000);
}

function route() {
    if (!session) {
        return;
    }
    leavePage();
    const name = (location.hash.match(/^#\/([a-z]+)/) || [])[1] || 'dashboard';
    const page = pages[name] || dashboard;
    nav.querySelectorAll('a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
    const container = h('div', { id: 'page-' + name });
    clear(main, container);
    document.title = page.title + ' · Hermod operator console';
    main.dataset.page = name;
    try {
        cleanup = page.render(container, new URLSearchParams(location.hash.split('?')[1] || '')) || null;
    } catch (e) {
        container.append(notice(e.message, true));
    }
}

signOutButton.addEventListener('click', async () => {
    try {
        await api.signOut();
    } finally {
        location.hash = '';
        showSignIn('Signed out.');
    }
});
window.addEventListener('hashchange', route);
api.onSignedOut(message => { if (session) { showSignIn(message); } });
api.onActivity(activity);

api.currentSession().then(existing => existing ? started(existing) : showSignIn(null))
    .catch(e => showSignIn('The server cannot be reached: ' + e.message));
