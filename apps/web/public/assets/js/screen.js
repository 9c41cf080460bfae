// The projector view (/screen/:eveningId): join code and QR code, the current question, the chart,
// presence. No controls. It needs a staff token: the console opens it with the token in the address
// fragment (#token=…), which this page moves to its own sessionStorage and wipes from the address.
// Socket events: see live.js and libs/contracts/src/live-events.ts.
import { api, staffSession } from './api.js';
import { barChart, tallyRows } from './chart.js';
import { h, show } from './dom.js';
import { formatNumber } from './format.js';
import { onLangChange } from './i18n.js';
import { connectLive } from './live.js';
import { errorText, t } from './staff.js';

const KEY = 'hs.screenToken';
const app = document.getElementById('app');
const eveningId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const liveBeforeReveal = new URLSearchParams(location.search).get('live') === '1';

const view = { link: null, qr: null, evening: null, dilemma: null, tally: null, presence: null, online: false, problem: null };

function takeToken() {
  const fromHash = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (fromHash) {
    sessionStorage.setItem(KEY, decodeURIComponent(fromHash[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(KEY) ?? staffSession()?.accessToken ?? null;
}

async function load(token) {
  try {
    view.link = await api(`/api/evenings/${encodeURIComponent(eveningId)}/join-link`, { token });
    const svg = await api(`/api/evenings/${encodeURIComponent(eveningId)}/join-qr.svg`, { token, accept: 'image/svg+xml' });
    // As an <img> from a data: URL (allowed by the CSP): the markup is never put into the page.
    view.qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  } catch (error) {
    view.problem = errorText(error);
  }
  render();
}

function connect(token) {
  connectLive(
    { token, eveningId },
    {
      connect: () => ((view.online = true), render()),
      disconnect: () => ((view.online = false), render()),
      unauthorized: () => ((view.problem = t('err.signIn')), render()),
      state: ({ evening, dilemma, results }) => {
        view.evening = evening;
        view.dilemma = dilemma;
        view.tally = results;
        render();
      },
      dilemma: ({ dilemma }) => {
        if (view.dilemma?.id !== dilemma.id || view.dilemma.round !== dilemma.round) view.tally = null;
        view.dilemma = dilemma;
        render();
      },
      tally: (tally) => {
        if (tally.dilemmaId !== view.dilemma?.id) return;
        view.tally = tally;
        render();
      },
      presence: (presence) => {
        view.presence = presence;
        render();
      },
      evening: ({ evening }) => {
        view.evening = evening;
        render();
      },
    },
  );
}

function joinPanel(large) {
  const link = view.link;
  const site = link ? link.url.replace(/^https?:\/\//, '').replace(/\/join\/.*$/, '') : '';
  return h(
    'aside',
    { class: `join ${large ? 'large' : ''}` },
    view.qr ? h('img', { class: 'qr', src: view.qr, alt: t('screen.qrAlt') }) : null,
    h(
      'div',
      { class: 'join-text' },
      h('p', { class: 'join-title', text: t('screen.join') }),
      h('p', { class: 'join-url', text: t('screen.goTo', { site }) }),
      h('p', { class: 'join-code-label', text: t('screen.code') }),
      h('p', { class: 'join-code', text: link?.joinCode ?? '······' }),
    ),
  );
}

function chartOrCount() {
  const { dilemma, tally } = view;
  const total = tally?.total ?? 0;
  if (!dilemma.revealed && !liveBeforeReveal) {
    return h(
      'div',
      { class: 'count' },
      h('span', { class: 'count-n', text: String(total) }),
      h('span', { class: 'count-label', text: t(total === 1 ? 'screen.votesOne' : 'screen.votes') }),
    );
  }
  const scaleLabels = [1, 2, 3, 4, 5].map((v) => t(`scale${v}`));
  return h(
    'div',
    { class: 'screen-chart' },
    barChart(tallyRows(dilemma, tally, scaleLabels), {
      valueText: dilemma.kind === 'budget' ? (r) => t('points', { n: r.value }) : undefined,
    }),
    h('p', {
      class: 'screen-total',
      text: `${t(total === 1 ? 'live.totalOne' : 'live.total', { n: total })}${dilemma.kind === 'scale' && typeof tally?.mean === 'number' ? ` · ${t('live.mean', { mean: formatNumber(tally.mean, 1) })}` : ''}`,
    }),
  );
}

function render() {
  document.title = `Huurdersstem – ${t('screen.title')}`;
  if (view.problem) {
    return show(
      app,
      h(
        'section',
        { class: 'centered' },
        h('h1', { text: t('screen.title') }),
        h('p', { class: 'message error', text: view.problem }),
        h('p', { text: t('screen.openFromConsole') }),
        h('a', { href: `/login?next=${encodeURIComponent(location.pathname + location.search)}`, text: t('login.title') }),
      ),
    );
  }
  const { evening, dilemma, presence } = view;
  const top = h(
    'header',
    { class: 'screen-top' },
    h('span', { class: 'screen-title', text: evening?.title ?? '' }),
    h('span', {
      class: 'screen-presence',
      text: presence
        ? t('screen.presence', { connected: presence.connected, voted: presence.voted })
        : view.online
          ? ''
          : t('live.offline'),
    }),
  );
  if (evening?.status === 'ended')
    return show(app, top, h('section', { class: 'centered' }, h('h1', { class: 'huge', text: t('screen.thanks') })));
  if (!dilemma || dilemma.status === 'draft') {
    return show(
      app,
      top,
      h('section', { class: 'welcome' }, h('h1', { class: 'huge', text: t('screen.welcome') }), joinPanel(true)),
    );
  }
  return show(
    app,
    top,
    h(
      'section',
      { class: 'stage' },
      h(
        'div',
        { class: 'question-panel' },
        h('h1', { class: 'screen-question', text: dilemma.question }),
        dilemma.status === 'closed' ? h('p', { class: 'closed', text: t('screen.closed') }) : null,
        chartOrCount(),
      ),
      joinPanel(false),
    ),
  );
}

const token = takeToken();
onLangChange(render);
if (!token) {
  view.problem = t('screen.noToken');
  render();
} else {
  render();
  void load(token);
  connect(token);
}
