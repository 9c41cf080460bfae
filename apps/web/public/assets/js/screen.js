// The projector view (/screen/:eveningId): join code and QR code, the current question with its options
// and consequences, the count or the chart, presence and the countdown. No controls but the screen's own
// (full screen, join panel). It needs a staff token: the console opens it with the token in the address
// fragment (#token=…), which this page moves to its own sessionStorage and wipes from the address.
// Everything fits the viewport (1024×768 up to 3840×2160, up to 8 options) without scrolling: see screen.css.
// Socket events: see live.js and libs/contracts/src/live-events.ts.
import { api, staffSession } from './api.js';
import { h, show } from './dom.js';
import { formatNumber, formatPercent } from './format.js';
import { localDilemma } from './content-lang.js';
import { onLangChange, useLangForThisPage } from './i18n.js';
import { connectLive } from './live.js';
import { errorText, t } from './staff.js';

const KEY = 'hs.screenToken';
const JOIN_KEY = 'hs.screen.joinHidden';
const app = document.getElementById('app');
const eveningId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const liveBeforeReveal = new URLSearchParams(location.search).get('live') === '1';
// ?lang=fy (or en): the projector in that language, texts and content, without changing the console's choice.
useLangForThisPage(new URLSearchParams(location.search).get('lang'));

const view = {
  link: null,
  qr: null,
  evening: null,
  dilemma: null,
  tally: null,
  /** The tally of the round before (after a revote), to show beside the current one. */
  previous: null,
  presence: null,
  online: false,
  problem: null,
  joinHidden: readJoinHidden(),
};

function readJoinHidden() {
  try {
    return localStorage.getItem(JOIN_KEY) === '1';
  } catch {
    return false;
  }
}

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

/** A tally belongs to the current round or to the one before it; anything else is stale. */
function takeTally(tally) {
  const dilemma = view.dilemma;
  if (!tally || tally.dilemmaId !== dilemma?.id) return;
  if (tally.round === dilemma.round) view.tally = tally;
  else if (tally.round === dilemma.round - 1) view.previous = tally;
}

function connect(token) {
  connectLive(
    { token, eveningId },
    {
      connect: () => ((view.online = true), render()),
      disconnect: () => ((view.online = false), render()),
      unauthorized: () => ((view.problem = t('err.signIn')), render()),
      state: ({ evening, dilemma, results, previousResults }) => {
        view.evening = evening;
        view.dilemma = dilemma;
        view.tally = null;
        view.previous = null;
        takeTally(results);
        takeTally(previousResults);
        render();
      },
      dilemma: ({ dilemma }) => {
        const before = view.dilemma;
        if (before?.id !== dilemma.id) {
          view.tally = null;
          view.previous = null;
        } else if (before.round !== dilemma.round) {
          // A revote: this round's tally becomes the one to compare with.
          view.previous = before.round === dilemma.round - 1 ? view.tally : null;
          view.tally = null;
        }
        view.dilemma = dilemma;
        render();
      },
      tally: (tally) => {
        takeTally(tally);
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

// ---------- dilemma content ----------

/**
 * Every text of a dilemma the room reads (question, description, option labels, consequences), in one
 * place: translations of dilemma content plug in here, so the whole screen follows the chosen language.
 */
function dilemmaText(original) {
  const dilemma = localDilemma(original);
  if (dilemma.kind === 'scale') {
    return {
      question: dilemma.question,
      description: dilemma.description ?? null,
      options: [1, 2, 3, 4, 5].map((v) => ({ key: String(v), label: `${v} · ${t(`scale${v}`)}`, consequence: null })),
    };
  }
  return {
    question: dilemma.question,
    description: dilemma.description ?? null,
    options: dilemma.options.map((o) => ({ key: o.id, label: o.label, consequence: o.consequence ?? null })),
  };
}

/** Share of each option in a tally: of the people (choice, multi, scale) or of all points (budget). */
function shares(dilemma, options, tally) {
  const counts = tally?.counts ?? {};
  const denominator = dilemma.kind === 'budget' ? options.reduce((sum, o) => sum + (counts[o.key] ?? 0), 0) : (tally?.total ?? 0);
  return new Map(
    options.map((o) => {
      const value = counts[o.key] ?? 0;
      return [o.key, { value, share: denominator > 0 ? value / denominator : 0 }];
    }),
  );
}

function valueText(dilemma, cell) {
  return dilemma.kind === 'budget'
    ? t('points', { n: formatNumber(cell.value, 0) })
    : `${formatPercent(cell.share)} (${formatNumber(cell.value, 0)})`;
}

/**
 * "32 stemmen: 25 via telefoon, 7 met de hand" (people, also for a budget); while voting the big count
 * says the total already, so only "25 via telefoon, 7 met de hand".
 */
function totalsText(tally, withTotal) {
  const total = tally?.total ?? 0;
  const hand = tally?.manual?.total ?? 0;
  const split = t('screen.split', { phone: total - hand, hand });
  return withTotal ? `${t(total === 1 ? 'live.totalOne' : 'live.total', { n: total })}: ${split}` : split;
}

// ---------- parts ----------

function joinPanel(large) {
  const link = view.link;
  const site = link ? link.url.replace(/^https?:\/\//, '').replace(/\/join\/.*$/, '') : '';
  return h(
    'aside',
    { class: `join ${large ? 'large' : ''}`, 'aria-label': t('screen.join') },
    view.qr ? h('img', { class: 'qr', src: view.qr, alt: t('screen.qrAlt') }) : h('div', { class: 'qr' }),
    h(
      'div',
      { class: 'join-text' },
      h('p', { class: 'join-title', text: t('screen.join') }),
      // The address on a line of its own, so that it breaks (if at all) between its parts, never inside a number.
      h('p', { class: 'join-url', text: t('screen.goTo') }),
      h('p', { class: 'join-site', text: site }),
      h('p', { class: 'join-code-label', text: t('screen.code') }),
      h('p', { class: 'join-code', text: link?.joinCode ?? '······' }),
    ),
  );
}

function screenButtons() {
  const join = h('button', {
    type: 'button',
    class: 'screen-btn',
    'aria-pressed': String(!view.joinHidden),
    text: t(view.joinHidden ? 'screen.showJoin' : 'screen.hideJoin'),
    onclick: toggleJoin,
  });
  const full = document.fullscreenElement
    ? h('button', {
        type: 'button',
        class: 'screen-btn',
        text: t('screen.exitFullscreen'),
        onclick: () => void document.exitFullscreen(),
      })
    : h('button', { type: 'button', class: 'screen-btn', text: t('screen.fullscreen'), onclick: enterFullscreen });
  return h('div', { class: 'screen-buttons' }, join, document.fullscreenEnabled === false ? null : full);
}

function toggleJoin() {
  view.joinHidden = !view.joinHidden;
  try {
    localStorage.setItem(JOIN_KEY, view.joinHidden ? '1' : '0');
  } catch {
    /* kept for this page only */
  }
  render();
}

function enterFullscreen() {
  document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** mm:ss left on the dilemma's countdown, or null when none runs. */
function remainingText(countdown) {
  if (!countdown?.endsAt) return null;
  const left = Math.max(0, Math.ceil((Date.parse(countdown.endsAt) - Date.now()) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

function timer(dilemma) {
  const text = dilemma.status === 'open' ? remainingText(dilemma.countdown) : null;
  if (text === null) return null;
  return h(
    'p',
    { class: `timer ${text === '0:00' ? 'done' : ''}`, role: 'timer', 'aria-label': t('screen.timeLeft') },
    h('span', { class: 'timer-label', text: t('screen.timeLeft') }),
    h('span', { class: 'timer-value', text }),
  );
}

/**
 * The options as rows: while voting, label and consequence (people voting by hand read them here);
 * once shown, a bar per round (after a revote the round before beside this one).
 */
function optionRows(dilemma, texts, showBars) {
  const current = shares(dilemma, texts.options, view.tally);
  const before = showBars && dilemma.round > 1 && view.previous ? shares(dilemma, texts.options, view.previous) : null;
  const all = [...current.values(), ...(before?.values() ?? [])];
  const max = Math.max(0, ...all.map((c) => c.share));
  const bar = (cell, round, older) =>
    h(
      'div',
      { class: `bar-line ${older ? 'older' : ''}` },
      before ? h('span', { class: 'bar-round', text: t('round', { n: round }) }) : null,
      h(
        'div',
        { class: 'bar-track' },
        h('span', { class: 'bar-fill', style: { width: `${max > 0 ? (cell.share / max) * 100 : 0}%` } }),
        h('span', { class: 'bar-value', text: valueText(dilemma, cell) }),
      ),
    );
  const list = h(
    'ol',
    { class: `options ${showBars ? (before ? 'mode-compare' : 'mode-bars') : 'mode-list'}` },
    texts.options.map((option, i) =>
      h(
        'li',
        { class: 'option' },
        h(
          'p',
          { class: 'option-text' },
          h('span', { class: 'option-mark', text: dilemma.kind === 'scale' ? '' : `${String.fromCharCode(65 + i)}` }),
          h('span', { class: 'option-label', text: option.label }),
          option.consequence ? h('span', { class: 'option-consequence', text: option.consequence }) : null,
        ),
        showBars && before ? bar(before.get(option.key), dilemma.round - 1, true) : null,
        showBars ? bar(current.get(option.key), dilemma.round, false) : null,
      ),
    ),
  );
  // The rows share the list's height; screen.css sizes their type from it (a custom property, so not Object.assign).
  list.style.setProperty('--n', String(texts.options.length));
  return list;
}

function stage(dilemma) {
  const texts = dilemmaText(dilemma);
  const showBars = dilemma.revealed || liveBeforeReveal;
  const total = view.tally?.total ?? 0;
  const status =
    dilemma.status === 'closed' ? t('screen.closed') : dilemma.round > 1 ? t('screen.revote', { n: dilemma.round }) : null;
  return h(
    'section',
    { class: `stage ${view.joinHidden ? 'no-join' : ''}` },
    h(
      'div',
      { class: 'question-panel' },
      h(
        'div',
        { class: 'question-head' },
        h(
          'div',
          { class: 'question-text' },
          dilemma.round > 1 ? h('p', { class: 'round-label', text: t('round', { n: dilemma.round }) }) : null,
          h('h1', { class: 'screen-question', text: texts.question }),
          status ? h('p', { class: `screen-status ${dilemma.status === 'closed' ? 'closed' : ''}`, text: status }) : null,
        ),
        timer(dilemma),
      ),
      optionRows(dilemma, texts, showBars),
      h(
        'div',
        { class: 'screen-foot' },
        showBars
          ? null
          : h(
              'p',
              { class: 'count' },
              h('span', { class: 'count-n', text: String(total) }),
              h('span', { class: 'count-label', text: t(total === 1 ? 'screen.votesOne' : 'screen.votes') }),
            ),
        h('p', {
          class: 'screen-total',
          text: `${totalsText(view.tally, showBars)}${
            showBars && dilemma.kind === 'scale' && typeof view.tally?.mean === 'number'
              ? ` · ${t('live.mean', { mean: formatNumber(view.tally.mean, 1) })}`
              : ''
          }`,
        }),
      ),
    ),
    view.joinHidden ? null : joinPanel(false),
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
    screenButtons(),
  );
  if (evening?.status === 'ended')
    return show(app, top, h('section', { class: 'centered' }, h('h1', { class: 'huge', text: t('screen.thanks') })));
  if (!dilemma || dilemma.status === 'draft') {
    return show(
      app,
      top,
      h(
        'section',
        { class: 'welcome' },
        h('h1', { class: 'huge', text: t('screen.welcome') }),
        view.joinHidden ? null : joinPanel(true),
      ),
    );
  }
  show(app, top, stage(dilemma));
  fitText();
}

/**
 * The CSS sizes the type from the viewport and the number of options; long labels, consequences or a long
 * question can still need more lines than it reckoned with. Then their type shrinks (--fit, in steps of 5%)
 * until nothing overflows, down to a floor below which the text is cut with an ellipsis instead.
 */
function fitText() {
  const overflows = (els) => els.some((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
  const shrink = (box, parts, floor) => {
    if (!box) return;
    let scale = 1;
    box.style.setProperty('--fit', '1');
    while (scale > floor && overflows(parts())) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      box.style.setProperty('--fit', String(scale));
    }
  };
  const list = app.querySelector('.options');
  shrink(list, () => [...list.querySelectorAll('.option, .option-text')], 0.5);
  const question = app.querySelector('.screen-question');
  shrink(question, () => [question], 0.6);
}

/** The countdown ticks without redrawing the page: only its figure changes. */
function tick() {
  const value = document.querySelector('.timer-value');
  if (!value || !view.dilemma) return;
  const text = remainingText(view.dilemma.countdown);
  if (text !== null && value.textContent !== text) {
    value.textContent = text;
    value.parentElement.classList.toggle('done', text === '0:00');
  }
}

const token = takeToken();
onLangChange(render);
document.addEventListener('fullscreenchange', render);
window.addEventListener('resize', () => fitText());
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.target?.closest?.('input, textarea')) return;
  if (event.key === 'f') enterFullscreen();
  if (event.key === 'q') toggleJoin();
});
setInterval(tick, 250);
if (!token) {
  view.problem = t('screen.noToken');
  render();
} else {
  render();
  void load(token);
  connect(token);
}
