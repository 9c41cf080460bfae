// The facilitator's console (/facilitate/:eveningId): the evening and its transitions, the live
// dilemma with its tally and presence, the agenda, new dilemmas, check-in cards, the projector screen.
// Socket events: see live.js and libs/contracts/src/live-events.ts.
import { api } from './api.js';
import { barChart, tallyRows } from './chart.js';
import { fill, h, show } from './dom.js';
import { agenda } from './facilitate-agenda.js';
import { cardsForm, dilemmaForm } from './facilitate-forms.js';
import { bankPicker } from './facilitate-bank.js';
import { formatDateTime, formatNumber } from './format.js';
import { onLangChange } from './i18n.js';
import { connectLive } from './live.js';
import { act, errorText, staffPage, t } from './staff.js';

const session = staffPage('console.title');
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
  onChanged: (dilemma) => {
    upsert(dilemma);
    if (dilemma.status === 'open' || ctx.currentId === dilemma.id) ctx.currentId = dilemma.id;
    drawAgenda();
    drawLive();
  },
  onCreated: (dilemma) => ctx.onChanged(dilemma),
};

const parts = {
  header: h('section', { class: 'card evening-head' }),
  live: h('section', { class: 'card live-panel', 'aria-live': 'off' }),
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
  const current = ctx.dilemmas?.find((d) => d.id === ctx.currentId);
  // A tally of an earlier round (before a revote) is not this round's.
  const stored = current ? ctx.tallies[current.id] : null;
  const tally = stored && stored.round === current.round ? stored : null;
  const presence = ctx.presence;
  const scaleLabels = [1, 2, 3, 4, 5].map((v) => t(`scale${v}`));
  fill(
    parts.live,
    h('h2', { text: t('live.title') }),
    h(
      'p',
      { class: 'presence' },
      h('span', { class: `dot ${ctx.online ? 'on' : 'off'}`, 'aria-hidden': 'true' }),
      ctx.online ? t('live.connected') : t('live.offline'),
      presence ? ` · ${t('live.presence', { connected: presence.connected, voted: presence.voted })}` : '',
    ),
    current
      ? h(
          'div',
          {},
          h('p', { class: 'live-question', text: current.question }),
          h('p', {
            class: 'hint',
            text: `${t(`dstatus.${current.status}`)} · ${t('round', { n: current.round })}${current.revealed ? ` · ${t('dilemma.revealed')}` : ''}`,
          }),
          barChart(tallyRows(current, tally, scaleLabels), {
            valueText: current.kind === 'budget' ? (r) => t('points', { n: r.value }) : undefined,
          }),
          h('p', { class: 'total', text: t(tally?.total === 1 ? 'live.totalOne' : 'live.total', { n: tally?.total ?? 0 }) }),
          current.kind === 'scale' && typeof tally?.mean === 'number'
            ? h('p', { text: t('live.mean', { mean: formatNumber(tally.mean, 2) }) })
            : null,
          tally?.manual?.total ? h('p', { class: 'hint', text: t('live.manual', { n: tally.manual.total }) }) : null,
        )
      : h('p', { class: 'hint', text: t('live.none') }),
  );
}

function drawAgenda() {
  fill(parts.agenda, h('h2', { text: t('agenda.title') }), agenda(ctx));
}

function drawTools() {
  const liveToggle = h('input', { type: 'checkbox', id: 'live-before-reveal' });
  const screenButton = h('button', { type: 'button', class: 'primary', text: t('tools.screen') });
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
  refresh();
  drawTools();
  fill(
    parts.form,
    ctx.themes.length
      ? [bankPicker(ctx), dilemmaForm(ctx)]
      : h('p', { class: ctx.themesError ? 'message error' : 'hint', text: ctx.themesError ?? t('loading') }),
  );
  if (!app.contains(parts.header)) {
    show(
      app,
      parts.header,
      h('div', { class: 'console-grid' }, h('div', {}, parts.live, parts.tools), h('div', {}, parts.agenda, parts.form)),
    );
  }
}

if (session) {
  onLangChange(render);
  render();
  void load().then(connect);
}
