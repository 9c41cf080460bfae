// What every staff page shares: the sign-in check, the top bar (navigation, language, sign-out)
// and one status line for the outcome of actions.
import { ApiError, clearStaffSession, requireStaff } from './api.js';
import { fill, h } from './dom.js';
import { mountLanguageSwitch, onLangChange, translator } from './i18n.js';
import { STAFF_TEXTS } from './i18n-staff.js';

export const t = translator(STAFF_TEXTS);

/** Signs in (or goes to /login) and draws the top bar; returns the session or null while redirecting. */
export function staffPage(titleKey) {
  const session = requireStaff();
  if (!session) return null;
  const bar = document.getElementById('topbar');
  const drawBar = () => {
    document.title = `Huurdersstem – ${t(titleKey)}`;
    const role = session.user?.role;
    const langs = h('nav', { class: 'lang-switch', 'aria-label': 'Taal / Language' });
    mountLanguageSwitch(langs);
    fill(
      bar,
      h('a', { class: 'brand', href: role === 'analyst' ? '/policy' : '/facilitate', text: 'Huurdersstem' }),
      h(
        'nav',
        { class: 'staff-nav', 'aria-label': t('navigation') },
        role !== 'analyst' ? h('a', { href: '/facilitate', text: t('nav.evenings') }) : null,
        role !== 'facilitator' ? h('a', { href: '/policy', text: t('nav.policy') }) : null,
        role !== 'facilitator' ? h('a', { href: '/register', text: t('nav.register') }) : null,
      ),
      h('span', { class: 'who', text: session.user ? `${session.user.name} (${t(`role.${session.user.role}`)})` : '' }),
      langs,
      h('button', {
        type: 'button',
        class: 'signout',
        text: t('signOut'),
        onclick: () => {
          clearStaffSession();
          location.assign('/login');
        },
      }),
    );
  };
  drawBar();
  onLangChange(drawBar);
  return session;
}

/** Shows the outcome of an action in the page's status line (role=status, so it is read out). */
export function say(text, kind = 'info') {
  const line = document.getElementById('status');
  if (!line) return;
  line.className = `message ${kind}`;
  line.textContent = text;
  line.hidden = !text;
}

/** A friendly line for a failed API call: the server's (Dutch) message where it gave one. */
export function errorText(error) {
  if (!(error instanceof ApiError)) return t('err.generic');
  if (error.status === 0) return t('err.network');
  if (error.status === 401) return t('err.signIn');
  if (error.status === 403) return t('err.forbidden');
  // Nest's answer for a route this server does not have (a part not deployed or not merged yet).
  if (error.status === 404 && !error.code && /^Cannot [A-Z]+ \//.test(error.message)) return t('err.notAvailable');
  if (error.status === 429) return t('err.rateLimited');
  if (error.status >= 500) return t('err.server');
  return error.message || t('err.generic');
}

/** Runs an action of a button: disables it meanwhile, reports failure in the status line. */
export async function act(button, fn, okText) {
  if (button) button.disabled = true;
  try {
    const result = await fn();
    if (okText) say(okText, 'ok');
    return result;
  } catch (error) {
    say(errorText(error), 'error');
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

/** A labelled form field. */
export function field(label, control, help) {
  return h(
    'label',
    { class: 'field' },
    h('span', { class: 'field-label', text: label }),
    control,
    help ? h('span', { class: 'hint', text: help }) : null,
  );
}
