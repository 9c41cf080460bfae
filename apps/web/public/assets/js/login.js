// Staff sign-in (/login): POST /api/auth/login, the access token goes to this tab's sessionStorage,
// then on to ?next= (a path on this site only) or the page for the role.
import { ApiError, api, homeFor, saveStaffSession } from './api.js';
import { h, show } from './dom.js';
import { mountLanguageSwitch, onLangChange } from './i18n.js';
import { t } from './staff.js';

const app = document.getElementById('app');
let problem = null;
let typedEmail = ''; // kept when the form is drawn again (wrong password, language switch)

function nextPath(role) {
  const next = new URLSearchParams(location.search).get('next');
  // Only a path on this origin. Judged the way the browser will read it: URL parsing drops tabs and
  // newlines, so "/\t/evil.example" is "//evil.example", another host. Go to the parsed path, never the raw text.
  if (next && next.startsWith('/')) {
    try {
      const url = new URL(next, location.origin);
      if (url.origin === location.origin) return url.pathname + url.search + url.hash;
    } catch {
      // not a URL at all: the home page of the role
    }
  }
  return homeFor(role);
}

function render() {
  document.title = `Huurdersstem – ${t('login.title')}`;
  const email = h('input', {
    type: 'email',
    name: 'email',
    autocomplete: 'username',
    required: true,
    id: 'email',
    value: typedEmail,
  });
  email.addEventListener('input', () => (typedEmail = email.value));
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
    id: 'password',
  });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('login.submit') });
  const form = h(
    'form',
    { class: 'card login' },
    h('h1', { text: t('login.title') }),
    problem ? h('p', { class: 'message error', role: 'alert', text: problem }) : null,
    h('label', { class: 'field', for: 'email' }, h('span', { class: 'field-label', text: t('login.email') }), email),
    h('label', { class: 'field', for: 'password' }, h('span', { class: 'field-label', text: t('login.password') }), password),
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const session = await api('/api/auth/login', {
        method: 'POST',
        body: { email: email.value.trim(), password: password.value },
      });
      saveStaffSession(session);
      location.assign(nextPath(session.user.role));
    } catch (error) {
      const status = error instanceof ApiError ? error.status : -1;
      problem = t(
        status === 401
          ? 'login.wrong'
          : status === 429
            ? 'err.rateLimited'
            : status === 400
              ? 'login.invalid'
              : status === 0
                ? 'err.network'
                : 'err.generic',
      );
      render();
    }
  });
  show(app, form);
  (typedEmail ? password : email).focus();
}

mountLanguageSwitch(document.getElementById('lang'));
onLangChange(render);
render();
