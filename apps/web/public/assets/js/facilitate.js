// The facilitator's console (/facilitate/:eveningId): the evening and its transitions, the live
// dilemma with its tally and presence, the agenda, new dilemmas, check-in cards, the projector screen.
// Socket events: see live.js and libs/contracts/src/live-events.ts.
import { api, readsPolicyOnly } from './api.js';
import { fill, h, show } from './dom.js';
import { agenda } from './facilitate-agenda.js';
import { cardsForm, dilemmaForm } from './facilitate-forms.js';
import { bankPicker } from './facilitate-bank.js';
import { handCounts } from './facilitate-hands.js';
import { bindKeys, helpDialog } from './facilitate-keys.js';
import { actionsFor, drawLivePanel, move, nextQuestion, tickCountdown, toggleCountdown } from './facilitate-live.js';
import { formatDateTime } from './format.js';
import { onLangChange } from './i18n.js';
import { connectLive } from './live.js';
import { act, errorText, staffPage, t } from './staff.js';

// The console is for those who run evenings; the API refuses the rest (no join codes, no live socket).
const signedIn = staffPage('console.title');
const session = signedIn && readsPolicyOnly(signedIn.user?.role) ? null : signedIn;
if (signedIn && !session) location.replace('/policy');
const eveningId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const app = document.getElementById('app');

const ctx = {
  token: session?.accessToken,
  eveningId,
  evening: null,
  eveningError: null,
  themes: [],
  dilemmas: null,
  dilemmasError: null,
  currentId: null,
  tallies: {},
  presence: null,
  online: false,
  /** The countdown settings of the live panel, kept across redraws. */
  countdownSeconds: 60,
  countdownClose: true,
  openHelp: () => help.open(),
  handCounts: (dilemma) => handCounts(dilemma, ctx),
  select: (id) => {
    ctx.currentId = id;
    drawLive();
    drawAgenda();
    parts.live.querySelector('h2')?.focus?.();
  },
  onChanged: (dilemma) => {
    upsert(dilemma);
    if (dilemma.status === 'open' || ctx.currentId === dilemma.id) ctx.currentId = dilemma.id;
    drawAgenda();
    drawLive();
  },
  onCreated: (dilemma) => ctx.onChanged(dilemma),
};

const help = helpDialog();

const parts = {
  header: h('section', { class: 'card evening-head' }),
  live: h('section', { class: 'card live-panel', 'aria-label': t('live.title') }),
  agenda: h('section', { class: 'card' }),
  tools: h('section', { class: 'card' }),
  form: h('div'),
};

function upsert(dilemma) {
  if (!ctx.dilemmas) ctx.dilemmas = [];
  const i = ctx.dilemmas.findIndex((d) => d.id === dilemma.id);
  if (i >= 0) ctx.dilemmas[i] = dilemma;
  else ctx.dilemmas.push(dilemma);
}

async function load() {
  const [evening, dilemmas, themes] = await Promise.allSettled([
    api(`/api/evenings/${encodeURIComponent(eveningId)}`, { token: ctx.token }),
    api(`/api/evenings/${encodeURIComponent(eveningId)}/dilemmas`, { token: ctx.token }),
    api('/api/themes'),
  ]);
  if (evening.status === 'fulfilled') ctx.evening = evening.value;
  else ctx.eveningError = errorText(evening.reason);
  if (dilemmas.status === 'fulfilled') ctx.dilemmas = dilemmas.value;
  else ctx.dilemmasError = errorText(dilemmas.reason);
  if (themes.status === 'fulfilled') ctx.themes = themes.value;
  else ctx.themesError = errorText(themes.reason);
  ctx.currentId ??= ctx.dilemmas?.find((d) => d.status === 'open')?.id ?? null;
  render();
}

function connect() {
  connectLive(
    { token: ctx.token, eveningId },
    {
      connect: () => setOnline(true),
      disconnect: () => setOnline(false),
      error: () => setOnline(false),
      unauthorized: () => setOnline(false),
      state: ({ evening, dilemma, results }) => {
        if (ctx.evening) Object.assign(ctx.evening, evening);
        if (dilemma) {
          upsert(dilemma);
          ctx.currentId = dilemma.id;
        }
        if (results) ctx.tallies[results.dilemmaId] = results;
        refresh();
      },
      dilemma: ({ dilemma }) => ctx.onChanged(dilemma),
      tally: (tally) => {
        ctx.tallies[tally.dilemmaId] = tally;
        drawLive();
      },
      presence: (presence) => {
        ctx.presence = presence;
        drawLive();
      },
      evening: ({ evening }) => {
        if (ctx.evening) Object.assign(ctx.evening, evening);
        drawHeader();
        drawAgenda();
      },
    },
  );
}

function setOnline(online) {
  ctx.online = online;
  drawLive();
}

// ---------- the evening ----------

const TRANSITIONS = { draft: ['publish'], published: ['start'], live: ['end'], ended: [] };

function transitionButton(action) {
  const button = h('button', { type: 'button', class: action === 'end' ? 'danger' : 'primary', text: t(`evening.${action}`) });
  button.addEventListener('click', async () => {
    if (action === 'end' && !window.confirm(t('evening.endConfirm'))) return;
    const updated = await act(
      button,
      () => api(`/api/evenings/${encodeURIComponent(eveningId)}/${action}`, { method: 'POST', token: ctx.token }),
      t(`evening.${action}.done`),
    );
    if (updated) {
      ctx.evening = updated;
      drawHeader();
      drawAgenda();
    }
  });
  return button;
}

function openScreen(live) {
  // The token travels in the fragment, which never reaches a server or a log; the screen moves it
  // to its own sessionStorage and removes it from the address (see docs/WEB.md).
  const url = `/screen/${encodeURIComponent(eveningId)}${live ? '?live=1' : ''}#token=${encodeURIComponent(ctx.token)}`;
  window.open(url, `hs-screen-${eveningId}`, 'noopener');
}

function drawHeader() {
  const e = ctx.evening;
  if (!e) {
    show(
      parts.header,
      h('h1', { text: t('console.title') }),
      ctx.eveningError ? h('p', { class: 'message error', text: ctx.eveningError }) : h('p', { text: t('loading') }),
    );
    return;
  }
  // The address phones get (PUBLIC_URL, as in the QR code), not this laptop's own: at a venue they differ.
  if (ctx.joinUrl === undefined) {
    ctx.joinUrl = null;
    api(`/api/evenings/${encodeURIComponent(eveningId)}/join-link`, { token: ctx.token }).then(
      (link) => ((ctx.joinUrl = link.url), drawHeader()),
      () => undefined,
    );
  }
  const joinUrl = ctx.joinUrl ?? `${location.origin}/join/${e.joinCode}`;
  fill(
    parts.header,
    h(
      'div',
      { class: 'head-main' },
      h('h1', { text: e.title }),
      h('p', { text: `${e.municipality} · ${e.venue} · ${formatDateTime(e.startsAt)}` }),
      h('span', { class: `badge status-${e.status}`, text: t(`status.${e.status}`) }),
      e.joinMode === 'cards' ? h('span', { class: 'badge', text: t('joinMode.cards') }) : null,
    ),
    h(
      'div',
      { class: 'head-code' },
      h('span', { class: 'hint', text: t('evening.joinCode') }),
      h('span', { class: 'join-code', text: e.joinCode }),
      h('span', { class: 'hint mono', text: joinUrl }),
    ),
    h('div', { class: 'actions' }, TRANSITIONS[e.status].map(transitionButton)),
  );
}

// ---------- live ----------

function drawLive() {
  drawLivePanel(ctx, parts.live);
}

function drawAgenda() {
  fill(parts.agenda, h('h2', { text: t('agenda.title') }), agenda(ctx));
}

function drawTools() {
  const liveToggle = h('input', { type: 'checkbox', id: 'live-before-reveal' });
  const screenButton = h('button', {
    type: 'button',
    class: 'primary',
    id: 'open-screen',
    text: t('tools.screen'),
    'aria-keyshortcuts': 'S',
    title: t('keys.hint', { key: 'S' }),
  });
  screenButton.addEventListener('click', () => openScreen(liveToggle.checked));
  fill(
    parts.tools,
    h('h2', { text: t('tools.title') }),
    h(
      'div',
      { class: 'actions' },
      screenButton,
      h('label', { class: 'check', for: 'live-before-reveal' }, liveToggle, t('tools.liveBeforeReveal')),
    ),
    h('h3', { text: t('cards.title') }),
    h('p', { class: 'hint', text: t('cards.help') }),
    cardsForm(ctx),
  );
}

/** After live news: everything but the forms, so nothing typed is lost. */
function refresh() {
  drawHeader();
  drawLive();
  drawAgenda();
}

function render() {
  // The live panel's kept parts carry texts of the language they were made in.
  ctx.liveParts = null;
  ctx.countdownPart = null;
  refresh();
  drawTools();
  fill(
    parts.form,
    ctx.themes.length
      ? [bankPicker(ctx), dilemmaForm(ctx)]
      : h('p', { class: ctx.themesError ? 'message error' : 'hint', text: ctx.themesError ?? t('loading') }),
  );
  help.redraw();
  if (!app.contains(parts.header)) {
    show(
      app,
      parts.header,
      h(
        'div',
        { class: 'console-grid' },
        h('div', { class: 'live-column' }, parts.live),
        h('div', {}, parts.agenda, parts.tools, parts.form),
      ),
      help.element,
    );
  }
}

/** The current dilemma of the live panel, if one is selected. */
function current() {
  return ctx.dilemmas?.find((d) => d.id === ctx.currentId) ?? null;
}

/** A key for a transition works only when the panel offers that button (and it is not disabled). */
function keyMove(action) {
  return () => {
    const dilemma = current();
    const allowed =
      dilemma && actionsFor(dilemma, ctx.evening?.status === 'live').find(([a, , disabled]) => a === action && !disabled);
    if (allowed) void move(ctx, dilemma, action, null);
  };
}

if (session) {
  onLangChange(render);
  render();
  void load().then(connect);
  bindKeys(
    {
      next: () => ctx.evening?.status === 'live' && void nextQuestion(ctx, null),
      open: keyMove('open'),
      close: keyMove('close'),
      reveal: keyMove('reveal'),
      revote: keyMove('revote'),
      countdown: () => void toggleCountdown(ctx, current(), null),
      hands: () => {
        const hands = parts.live.querySelector('.hand-counts');
        if (!hands) return;
        hands.open = true;
        // The counts load when the section opens: focus the first field once it is there.
        const focus = (tries) => {
          const input = hands.querySelector('.hand-input');
          if (input) input.focus();
          else if (tries > 0) setTimeout(() => focus(tries - 1), 150);
        };
        focus(20);
      },
      screen: () => openScreen(document.getElementById('live-before-reveal')?.checked ?? false),
      help: () => help.open(),
    },
    help,
  );
  setInterval(() => tickCountdown(ctx, parts.live), 250);
}
