// The live screens of the tenant page: waiting, voting, sending, received, results, ended.
// They read the page state and call back into tenant.js through `actions` (vote, deliver, edit).
import { barChart, tallyRows } from './chart.js';
import { h } from './dom.js';
import { formatNumber } from './format.js';
import { clearSession } from './tenant-join.js';
import { SCALE_KEYS, describeChoice, voteControl } from './tenant-vote.js';

let state;
let t;
let actions;

/** Wires the screens to the page: its state object, translator and actions. */
export function bindScreens(pageState, translate, pageActions) {
  state = pageState;
  t = translate;
  actions = pageActions;
}

export function spinner() {
  return h('div', { class: 'spinner', 'aria-hidden': 'true' });
}

export function liveScreen() {
  const { evening, dilemma } = state;
  if (!evening) return [h('h1', { class: 'center', text: t('connecting') }), spinner()];
  const top = h('p', { class: 'crumb', text: t('participating', { title: evening.title }) });
  if (evening.status === 'ended') {
    clearSession();
    return [
      h('div', { class: 'big-icon', 'aria-hidden': 'true', text: '✓' }),
      h('h1', { text: t('endedTitle') }),
      h('p', { class: 'lead', text: t('endedText') }),
      // What came of the evening is published later on the public feedback page ("u zei, wij deden").
      h('p', {}, t('endedFeedback'), ' ', h('a', { href: '/terugkoppeling', text: t('endedFeedbackLink') })),
    ];
  }
  if (!dilemma) return [top, waiting('waitNext')];
  if (dilemma.status !== 'open') {
    if (dilemma.revealed && state.results) return [top, resultsView()];
    return [
      top,
      h('h2', { class: 'question small', text: dilemma.question }),
      waiting(dilemma.status === 'closed' ? 'waitClosed' : 'waitNext'),
    ];
  }
  if (state.sending) return [top, sendingView()];
  if (state.myVote && !state.editing) return [top, receivedView()];
  return [top, voteView()];
}

function waiting(key) {
  return h(
    'section',
    { class: 'waiting' },
    h('h1', { text: t('waitTitle') }),
    spinner(),
    h('p', { class: 'lead', text: t(key) }),
  );
}

function questionHeader(dilemma) {
  return [
    dilemma.round > 1 ? h('p', { class: 'message info', text: t('revote', { round: dilemma.round }) }) : null,
    h('h1', { class: 'question', text: dilemma.question }),
    dilemma.description ? h('p', { class: 'description', text: dilemma.description }) : null,
  ];
}

function voteView() {
  const dilemma = state.dilemma;
  // Changing a vote: the current choice is marked, and "Niet wijzigen" keeps it as it is.
  const current = state.editing && state.myVote ? state.myVote.choice : null;
  return [
    ...questionHeader(dilemma),
    current ? h('p', { class: 'message info', role: 'status', text: t('changing') }) : null,
    state.voteError ? h('p', { class: 'message error', role: 'alert', text: t(state.voteError) }) : null,
    h(
      'section',
      { class: 'vote' },
      voteControl(dilemma, state.draft, t, (choice) => void actions.vote(choice), current),
    ),
    current ? h('button', { type: 'button', class: 'secondary', text: t('keepVote'), onclick: actions.cancelEdit }) : null,
  ];
}

function sendingView() {
  const { phase, payload } = state.sending;
  if (phase === 'failed') {
    return [
      h('h1', { text: t('sendFailed') }),
      h('p', { class: 'lead', text: t('err.network') }),
      // The same clientVoteId again: if the first one did arrive, the server answers "duplicate".
      h('button', { type: 'button', class: 'primary', text: t('tryAgain'), onclick: () => void actions.deliver(payload) }),
    ];
  }
  return [h('h1', { class: 'center', text: t(phase === 'retrying' ? 'retrying' : 'sending') }), spinner()];
}

function receivedView() {
  const dilemma = state.dilemma;
  const chosen = describeChoice(dilemma, state.myVote.choice, t);
  return [
    h('div', { class: 'big-icon ok', 'aria-hidden': 'true', text: '✓' }),
    h('h1', { class: 'received', text: t('received') }),
    h('p', { class: 'question small', text: dilemma.question }),
    chosen.length
      ? h(
          'div',
          { class: 'your-choice' },
          h('p', { text: t('yourChoice') }),
          h(
            'ul',
            {},
            chosen.map((c) => h('li', { text: c })),
          ),
        )
      : null,
    dilemma.revealed && state.results ? resultsView(true) : null,
    h('p', { class: 'hint', text: t('changeHint') }),
    h('button', {
      type: 'button',
      class: 'secondary',
      text: t('change'),
      onclick: actions.edit,
    }),
  ];
}

function resultsView(compact = false) {
  const { dilemma, results } = state;
  const scaleLabels = SCALE_KEYS.map((k) => t(k));
  const rows = tallyRows(dilemma, results, scaleLabels);
  return h(
    'section',
    { class: 'results' },
    compact
      ? h('h2', { text: t('resultsTitle') })
      : [h('p', { class: 'crumb', text: t('resultsTitle') }), h('h1', { class: 'question', text: dilemma.question })],
    barChart(rows, {
      valueText: dilemma.kind === 'budget' ? (row) => t('points', { n: row.value }) : undefined,
    }),
    h('p', { class: 'total', text: t(results.total === 1 ? 'votesTotalOne' : 'votesTotal', { n: results.total }) }),
    dilemma.kind === 'scale' && typeof results.mean === 'number'
      ? h('p', { class: 'total', text: t('mean', { mean: formatNumber(results.mean, 1) }) })
      : null,
    !compact && state.myVote
      ? h('p', { class: 'hint', text: `${t('yourChoice')} ${describeChoice(dilemma, state.myVote.choice, t).join(', ')}` })
      : null,
  );
}
