// The index page (/) below the code field: the coming evenings (GET /api/public/evenings) and a sign-up
// form per evening (POST /api/evenings/:id/registrations). A sign-up is never linked to a vote: this form
// sends no participant token and stores nothing on the phone.
import { api } from './api.js';
import { fill, h } from './dom.js';
import { formatDateTime } from './format.js';
import { GROUPS } from './tenant-join.js';

/** Kept across re-renders (a language switch redraws the page): the list, and what was typed. */
const memory = { evenings: null, failed: false, open: null, done: new Set(), fields: {} };

export function comingEvenings(t) {
  const section = h('section', { class: 'evenings', 'aria-labelledby': 'evenings-title' });
  const draw = () => fill(section, h('h2', { id: 'evenings-title', text: t('eveningsTitle') }), body(t, draw));
  draw();
  if (!memory.evenings && !memory.failed) {
    api('/api/public/evenings').then(
      (evenings) => {
        memory.evenings = evenings.filter((e) => e.status === 'published' || e.status === 'live');
        draw();
      },
      () => {
        memory.failed = true;
        draw();
      },
    );
  }
  return section;
}

function body(t, draw) {
  if (memory.failed) return h('p', { text: t('eveningsFailed') });
  if (!memory.evenings) return h('p', { text: t('loading') });
  if (memory.evenings.length === 0) return h('p', { text: t('eveningsNone') });
  return memory.evenings.map((evening) => eveningCard(evening, t, draw));
}

function eveningCard(evening, t, draw) {
  const place = [evening.venue, evening.municipalities.join(', ')].filter(Boolean).join(' · ');
  let action = null;
  if (memory.done.has(evening.id)) action = h('p', { class: 'message ok', role: 'status', text: t('signupDone') });
  else if (evening.status === 'live') action = h('p', { class: 'hint', text: t('eveningLive') });
  else if (!evening.registrationOpen || evening.seatsLeft === 0) action = h('p', { class: 'hint', text: t('signupClosed') });
  else if (memory.open === evening.id) action = signupForm(evening, t, draw);
  else
    action = h('button', {
      type: 'button',
      class: 'secondary',
      text: t('signup'),
      'aria-label': `${t('signup')}: ${evening.title}`,
      onclick: () => {
        memory.open = evening.id;
        draw();
        document.getElementById('signup-name')?.focus();
      },
    });
  return h(
    'article',
    { class: 'evening-card' },
    h('h3', { text: evening.title }),
    h('p', { text: formatDateTime(evening.startsAt) }),
    place ? h('p', { text: place }) : null,
    evening.seatsLeft !== null && evening.seatsLeft > 0 ? h('p', { text: t('seatsLeft', { n: evening.seatsLeft }) }) : null,
    action,
  );
}

/** The consent sentence with the server's REGISTRATION_RETENTION_DAYS ("tot 45 dagen na de avond"). */
function consentText(evening, t) {
  const days = evening.registrationRetentionDays;
  const until = days === 0 ? t('keep.end') : days === 1 ? t('keep.day') : t('keep.days', { n: days });
  return t('signupConsent', { until });
}

function signupForm(evening, t, draw) {
  const fields = (memory.fields[evening.id] ??= { name: '', email: '', group: 'tenant', consent: false });
  const error = h('p', { class: 'message error', role: 'alert', hidden: true });
  const name = h('input', { id: 'signup-name', type: 'text', autocomplete: 'name', maxlength: '200', value: fields.name });
  const email = h('input', { id: 'signup-email', type: 'email', autocomplete: 'email', maxlength: '254', value: fields.email });
  const consent = h('input', { id: 'signup-consent', type: 'checkbox', checked: fields.consent });
  name.addEventListener('input', () => (fields.name = name.value));
  email.addEventListener('input', () => (fields.email = email.value));
  consent.addEventListener('change', () => (fields.consent = consent.checked));
  const groups = GROUPS.map((group) => {
    const radio = h('input', {
      type: 'radio',
      name: 'signup-group',
      value: group,
      id: `signup-group-${group}`,
      checked: fields.group === group,
    });
    radio.addEventListener('change', () => (fields.group = group));
    return h('label', { class: 'check', for: `signup-group-${group}` }, radio, h('span', { text: t(`group.${group}`) }));
  });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('signupSend') });
  const form = h(
    'form',
    { class: 'stack signup', novalidate: true },
    h('label', { for: 'signup-name', class: 'label', text: t('signupName') }),
    name,
    h('label', { for: 'signup-email', class: 'label', text: t('signupEmail') }),
    h('p', { id: 'signup-email-help', class: 'hint', text: t('signupEmailHelp') }),
    email,
    h('fieldset', {}, h('legend', { text: t('signupGroup') }), groups),
    h('label', { class: 'check', for: 'signup-consent' }, consent, h('span', { text: consentText(evening, t) })),
    error,
    submit,
    h('button', {
      type: 'button',
      class: 'secondary',
      text: t('back'),
      onclick: () => {
        memory.open = null;
        draw();
      },
    }),
  );
  email.setAttribute('aria-describedby', 'signup-email-help');
  const fail = (key) => {
    error.textContent = t(key);
    error.hidden = false;
    submit.disabled = false;
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!fields.name.trim()) return fail('signupErr.name');
    if (fields.email.trim() && !email.checkValidity()) return fail('signupErr.email');
    if (!fields.consent) return fail('signupErr.consent');
    submit.disabled = true;
    const body = { name: fields.name.trim(), group: fields.group, consent: true };
    if (fields.email.trim()) body.email = fields.email.trim();
    try {
      await api(`/api/evenings/${encodeURIComponent(evening.id)}/registrations`, { method: 'POST', body });
      memory.done.add(evening.id);
      memory.open = null;
      delete memory.fields[evening.id];
      draw();
    } catch (failure) {
      fail(signupErrorKey(failure));
    }
  });
  return form;
}

/** The server's error code, in the tenant's language (never its Dutch message). */
function signupErrorKey(error) {
  if (error.status === 0) return 'err.network';
  if (error.code === 'EVENING_FULL') return 'signupErr.full';
  if (error.code === 'REGISTRATION_EXISTS') return 'signupErr.exists';
  if (error.code === 'EVENING_NOT_OPEN_FOR_REGISTRATION' || error.status === 404) return 'signupErr.closed';
  if (error.status === 429) return 'err.rateLimited';
  if (error.status === 400) return 'signupErr.fields';
  return 'err.generic';
}
