// Joining an evening: the code (typed, or from /join/CODE), then optionally group and age band,
// then POST /api/join. One question per screen, big buttons, everything skippable but the code.
import { api } from './api.js';
import { h } from './dom.js';

/** The join-code alphabet (docs/API.md, "Join codes"): no look-alikes 0/O, 1/I/L. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LOOKALIKES = /[0O1IL]/;
export const GROUPS = ['tenant', 'tenant_org', 'stakeholder'];
export const AGE_BANDS = ['<30', '30-49', '50-64', '65-79', '80+'];
const SESSION_KEY = 'hs.participant';

/** Upper-cases and keeps only characters a code can hold; `dropped` says whether a look-alike was typed. */
export function normalizeCode(raw) {
  const upper = String(raw ?? '').toUpperCase();
  const kept = [...upper]
    .filter((c) => ALPHABET.includes(c))
    .join('')
    .slice(0, 6);
  return { code: kept, dropped: LOOKALIKES.test(upper) };
}

/** An evening is over well within this; a token kept longer is forgotten rather than tried. */
const SESSION_HOURS = 12;

// The participant token lives in localStorage for the evening: a reload, a wifi drop, or a closed tab and a
// second scan of the QR code rejoin as the same participant (one vote, not two), who sees its own vote again.
// "Dit is niet mijn telefoon" and the end of the evening forget it.
export function loadSession() {
  try {
    const value = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null');
    if (!value || typeof value.token !== 'string' || typeof value.joinCode !== 'string') return null;
    if (!(Date.now() - Number(value.savedAt) < SESSION_HOURS * 3600_000)) {
      clearSession();
      return null;
    }
    return value;
  } catch {
    return null;
  }
}
export function saveSession(session) {
  try {
    localStorage.setItem(SESSION_KEY, JSON.stringify({ ...session, savedAt: Date.now() }));
  } catch {
    /* still works until the tab closes */
  }
}
export function clearSession() {
  try {
    localStorage.removeItem(SESSION_KEY);
  } catch {
    /* nothing to forget */
  }
}

/**
 * Friendly text key for a failed GET or POST /api/join: the server's error code, never its (Dutch) message,
 * so every tenant reads it in their own language.
 */
export function joinErrorKey(error) {
  if (error.status === 0) return 'err.network';
  if (error.status === 404) return 'err.codeUnknown';
  if (error.code === 'CARD_REQUIRED' || error.status === 403) return 'err.cardRequired';
  if (error.code === 'CARD_USED') return 'err.cardUsed';
  if (error.code === 'MUNICIPALITY_NOT_SERVED') return 'err.municipality';
  if (error.status === 409) return 'err.notLive';
  if (error.status === 429) return 'err.rateLimited';
  return 'err.generic';
}

/** GET /api/join/:code: {state: live | not-started | ended, cardRequired, title, startsAt}, before any question. */
export function checkCode(code) {
  return api(`/api/join/${encodeURIComponent(code)}`);
}

/** What the check means for this phone: null to go on, else the text key of the problem, said at once. */
export function checkProblem(check, card) {
  if (check.state === 'ended') return 'err.ended';
  if (check.cardRequired && !card) return 'err.cardRequired';
  return null;
}

export async function join({ code, card, group, ageBand, municipality }) {
  const body = { joinCode: code };
  if (card) body.cardCode = card;
  if (group) body.group = group;
  if (ageBand) body.ageBand = ageBand;
  if (municipality) body.municipality = municipality;
  const result = await api('/api/join', { method: 'POST', body });
  return { token: result.participantToken, participantId: result.participantId, eveningId: result.eveningId, joinCode: code };
}

function message(t, key) {
  return key ? h('p', { class: 'message error', role: 'alert', text: t(key) }) : null;
}

export function codeScreen(state, t, onDone) {
  const hint = h('p', { class: 'hint', 'aria-live': 'polite' });
  const input = h('input', {
    id: 'code',
    class: 'code-input',
    name: 'code',
    type: 'text',
    inputmode: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    autocorrect: 'off',
    spellcheck: 'false',
    maxlength: '12',
    'aria-describedby': 'code-help',
    value: state.code ?? '',
  });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('next') });
  const update = () => {
    const { code, dropped } = normalizeCode(input.value);
    if (input.value !== code) input.value = code;
    hint.textContent = dropped ? t('codeLookalike') : '';
    submit.disabled = code.length !== 6;
  };
  input.addEventListener('input', update);
  update();
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h('label', { for: 'code', class: 'label', text: t('codeLabel') }),
    input,
    hint,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { code } = normalizeCode(input.value);
    if (code.length === 6) onDone(code);
  });
  setTimeout(() => input.focus(), 0);
  return [
    h('h1', { text: t('codeTitle') }),
    state.card ? h('p', { class: 'message info', text: t('cardSeen') }) : null,
    message(t, state.message),
    h('p', { id: 'code-help', class: 'lead', text: t('codeIntro') }),
    form,
  ];
}

/** A question with one big button per answer and "skip" (group, age band). */
export function pickScreen({ title, intro, choices, t, onPick, onBack, code }) {
  return [
    code ? h('p', { class: 'crumb', text: t('codeShown', { code }) }) : null,
    h('h1', { text: title }),
    h('p', { class: 'lead', text: intro }),
    h(
      'div',
      { class: 'options' },
      choices.map(([value, label]) =>
        h('button', { type: 'button', class: 'option', text: label, onclick: () => onPick(value) }),
      ),
    ),
    h(
      'div',
      { class: 'row' },
      onBack ? h('button', { type: 'button', class: 'secondary', text: t('back'), onclick: onBack }) : null,
      h('button', { type: 'button', class: 'secondary', text: t('skip'), onclick: () => onPick(null) }),
    ),
  ];
}

/** The municipalities to pick from when the evening serves several (a 400 MUNICIPALITY_REQUIRED), else null. */
export function municipalityChoices(error) {
  const choices = error?.body?.choices;
  return error?.code === 'MUNICIPALITY_REQUIRED' && Array.isArray(choices) && choices.length > 1 ? choices.map(String) : null;
}

/** One tap on the tenant's municipality: it decides which municipality the votes count for, so there is no skip. */
export function municipalityScreen({ choices, t, onPick, code }) {
  return [
    code ? h('p', { class: 'crumb', text: t('codeShown', { code }) }) : null,
    h('h1', { text: t('municipalityTitle') }),
    h('p', { class: 'lead', text: t('municipalityIntro') }),
    h(
      'div',
      { class: 'options' },
      choices.map((name) => h('button', { type: 'button', class: 'option', text: name, onclick: () => onPick(name) })),
    ),
  ];
}
