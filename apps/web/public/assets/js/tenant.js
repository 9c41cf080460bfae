// The tenant page (/, /join/:code, ?card=CODE): join, then follow the evening live and vote.
// Socket events: see live.js and libs/contracts/src/live-events.ts.
import { api } from './api.js';
import { localDilemma } from './content-lang.js';
import { h, show } from './dom.js';
import { formatDateTime } from './format.js';
import { adoptBrowserLanguage, mountLanguageSwitch, onLangChange, translator } from './i18n.js';
import { TENANT_TEXTS } from './i18n-tenant.js';
import { connectLive, sendVote } from './live.js';
import {
  AGE_BANDS,
  GROUPS,
  checkCode,
  checkProblem,
  clearSession,
  codeScreen,
  join,
  joinErrorKey,
  municipalityChoices,
  municipalityScreen,
  loadSession,
  normalizeCode,
  pickScreen,
  saveSession,
} from './tenant-join.js';
import { showCountdown } from './tenant-countdown.js';
import { comingEvenings } from './tenant-evenings.js';
import { bindScreens, liveScreen, spinner } from './tenant-screens.js';
import { mountTextSize } from './tenant-text-size.js';
import { newDraft } from './tenant-vote.js';

const t = translator(TENANT_TEXTS);
const app = document.getElementById('app');
const banner = document.getElementById('banner');

const state = {
  screen: 'code', // code | checking | group | age | municipality | joining | waiting | live
  /** From the code check: the evening has not started yet ({title, startsAt}); the phone joins when it does. */
  notStarted: null,
  code: null,
  card: null,
  group: null,
  ageBand: null,
  /** Only for an evening that serves several municipalities: the tenant's pick and the list to pick from. */
  municipality: null,
  municipalityChoices: null,
  message: null,
  session: null,
  socket: null,
  online: false,
  /** The socket has connected at least once since the page opened; failures before that may be the address. */
  everConnected: false,
  connectFailures: 0,
  /** The socket refuses this page's address: PUBLIC_URL to use instead. */
  refusedAddress: null,
  // live
  evening: null,
  dilemma: null,
  myVote: null,
  results: null,
  draft: null,
  draftKey: null,
  editing: false,
  sending: null, // {phase: 'sending' | 'retrying' | 'failed', payload}
  voteError: null,
};

function boot() {
  adoptBrowserLanguage();
  mountLanguageSwitch(document.getElementById('lang'));
  mountTextSize(document.getElementById('text-size'), t);
  onLangChange(() => {
    // The dilemma's own texts follow the language too (translations, else the Dutch).
    state.dilemma = localDilemma(state.rawDilemma);
    render();
  });
  const match = /^\/join\/([^/]+)\/?$/.exec(location.pathname);
  const fromUrl = match ? normalizeCode(decodeURIComponent(match[1])).code : '';
  const card = new URLSearchParams(location.search).get('card');
  state.card = card ? card.trim().toUpperCase().slice(0, 64) : null;
  const stored = loadSession();
  if (stored && (!fromUrl || stored.joinCode === fromUrl)) {
    state.session = stored;
    state.code = stored.joinCode;
    goLive();
    return;
  }
  if (fromUrl.length === 6) return void checkThenAsk(fromUrl);
  render();
}

// ---------- the code, checked before any question ----------

/** A wrong code, an ended evening or a missing card is said at once; an evening not yet begun is said too. */
async function checkThenAsk(code) {
  state.code = code;
  state.message = null;
  state.screen = 'checking';
  render();
  try {
    const check = await checkCode(code);
    const problem = checkProblem(check, state.card);
    if (problem) return backToCode(problem);
    state.notStarted = check.state === 'not-started' ? check : null;
    state.screen = 'group';
    render();
  } catch (error) {
    backToCode(joinErrorKey(error));
  }
}

function backToCode(messageKey) {
  state.message = messageKey;
  state.screen = 'code';
  render();
}

// ---------- joining ----------

async function doJoin(ageBand) {
  state.ageBand = ageBand;
  // Not begun at the check: wait for the start rather than ask the server for a 409 first.
  if (state.notStarted) return waitForStart();
  state.screen = 'joining';
  render();
  try {
    const { municipality } = state;
    state.session = await join({ code: state.code, card: state.card, group: state.group, ageBand, municipality });
    saveSession(state.session);
    state.message = null;
    goLive();
  } catch (error) {
    if (askMunicipality(error)) return;
    if (error.code === 'EVENING_NOT_LIVE') return waitForStart();
    state.message = joinErrorKey(error);
    state.screen = state.message === 'err.network' || state.message === 'err.rateLimited' ? 'age' : 'code';
    render();
  }
}

// ---------- the waiting room: joins by itself when the evening starts ----------

const WAIT_POLL_MS = 5000;
let waitTimer = null;

function waitForStart() {
  state.screen = 'waiting';
  render();
  clearTimeout(waitTimer);
  waitTimer = setTimeout(pollStart, WAIT_POLL_MS);
}

async function pollStart() {
  if (state.screen !== 'waiting') return;
  let check = null;
  try {
    check = await checkCode(state.code);
  } catch {
    /* wifi or a busy server: ask again at the next tick */
  }
  if (state.screen !== 'waiting') return;
  if (check?.state === 'live') {
    state.notStarted = null;
    return void doJoin(state.ageBand);
  }
  if (check?.state === 'ended') return backToCode('err.ended');
  if (check) state.notStarted = check;
  waitTimer = setTimeout(pollStart, WAIT_POLL_MS);
}

/** An evening for several municipalities asks the tenant's own in one tap, then joins again. */
function askMunicipality(error) {
  const choices = municipalityChoices(error);
  if (!choices) return false;
  state.municipalityChoices = choices;
  state.screen = 'municipality';
  render();
  return true;
}

function signedOut() {
  leave();
  backToCode('err.sessionExpired');
}

/** Forgets this phone's participant: for the end of a token, and for "this is not my phone". */
function leave() {
  state.socket?.disconnect();
  state.socket = null;
  state.session = null;
  clearSession();
  Object.assign(state, {
    evening: null,
    dilemma: null,
    rawDilemma: null,
    myVote: null,
    results: null,
    draft: null,
    draftKey: null,
  });
  Object.assign(state, { group: null, ageBand: null, municipality: null, editing: false, refusedAddress: null });
}

/** A shared phone: the next person starts as a new participant (the code stays filled in). */
function notMyPhone() {
  leave();
  state.message = null;
  state.screen = 'code';
  state.freshStart = true;
  render();
}

// ---------- live ----------

function goLive() {
  state.screen = 'live';
  state.everConnected = false;
  state.connectFailures = 0;
  render();
  state.socket = connectLive(
    { token: state.session.token },
    {
      connect: () => {
        state.everConnected = true;
        state.connectFailures = 0;
        setOnline(true);
      },
      disconnect: () => setOnline(false),
      error: () => {
        setOnline(false);
        state.connectFailures += 1;
        if (!state.everConnected && state.connectFailures === 2) void checkAddress();
      },
      unauthorized: signedOut,
      state: (payload) => {
        state.evening = payload.evening;
        setDilemma(payload.dilemma, payload.myVote);
        state.results = payload.results;
        render();
      },
      dilemma: ({ dilemma }) => {
        setDilemma(dilemma, sameRound(dilemma) ? state.myVote : null);
        render();
      },
      tally: (tally) => {
        if (tally.dilemmaId !== state.dilemma?.id) return;
        state.results = tally;
        render();
      },
      evening: ({ evening }) => {
        state.evening = evening;
        render();
      },
    },
  );
}

/**
 * A socket that never connected while HTTP works may be refused for the page's address (a phone that opened
 * the laptop's LAN address when ALLOWED_ORIGINS did not list it). Then say which address to open instead.
 */
async function checkAddress() {
  try {
    const check = await api(`/api/live/origin-check?origin=${encodeURIComponent(location.origin)}`);
    if (check.allowed || state.everConnected || !state.socket) return;
    state.socket.disconnect();
    state.refusedAddress = check.publicUrl;
    render();
  } catch {
    /* no answer either: the wifi, which the offline banner already says */
  }
}

function sameRound(dilemma) {
  return dilemma && state.dilemma && dilemma.id === state.dilemma.id && dilemma.round === state.dilemma.round;
}

function setDilemma(dilemma, myVote) {
  const key = dilemma ? `${dilemma.id}:${dilemma.round}` : null;
  if (key !== state.draftKey) {
    state.draftKey = key;
    state.editing = false;
    state.voteError = null;
    state.results = null;
    state.sending = null;
    state.draft = dilemma ? newDraft(dilemma, myVote) : null;
  }
  state.rawDilemma = dilemma;
  state.dilemma = localDilemma(dilemma);
  state.myVote = myVote ?? null;
  showCountdown(dilemma);
}

function setOnline(online) {
  state.online = online;
  banner.hidden = online;
  banner.textContent = online ? '' : t('offline');
}

async function vote(choice) {
  const dilemma = state.dilemma;
  // A fresh id per attempt by the tenant; sendVote retries a timeout with this same id.
  const payload = { dilemmaId: dilemma.id, clientVoteId: newClientVoteId(), choice };
  await deliver(payload);
}

/**
 * A v4 UUID. crypto.randomUUID exists only in secure contexts (https, localhost): a phone on the venue
 * laptop's plain-http LAN address has getRandomValues only, and voting there failed without this.
 */
function newClientVoteId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function deliver(payload) {
  state.sending = { phase: 'sending', payload };
  state.voteError = null;
  render();
  let ack;
  try {
    ack = await sendVote(state.socket, payload, {
      onRetry: () => {
        state.sending = { phase: 'retrying', payload };
        render();
      },
    });
  } catch {
    state.sending = { phase: 'failed', payload };
    render();
    return;
  }
  state.sending = null;
  if (payload.dilemmaId !== state.dilemma?.id) return render();
  if (ack?.ok) {
    state.myVote = { voteId: ack.voteId, choice: payload.choice };
    state.editing = false;
  } else {
    const code = ack?.error?.code;
    if (code === 'UNAUTHORIZED') return signedOut();
    state.voteError = `voteErr.${code ?? 'BAD_PAYLOAD'}`;
    if (code === 'UNKNOWN_OPTION' || code === 'BAD_PAYLOAD') state.draft = newDraft(state.dilemma, null);
  }
  render();
}

// ---------- screens ----------

function render() {
  document.title = t('title');
  if (!state.online && state.screen === 'live' && state.evening) banner.textContent = t('offline');
  if (state.screen !== 'waiting') clearTimeout(waitTimer);
  switch (state.screen) {
    case 'code':
      return show(
        app,
        state.freshStart ? h('p', { class: 'message info', role: 'status', text: t('freshStart') }) : null,
        codeScreen(state, t, (code) => {
          state.freshStart = false;
          void checkThenAsk(code);
        }),
        location.pathname === '/' ? comingEvenings(t) : null,
      );
    case 'checking':
      return show(app, h('h1', { class: 'center', text: t('checking') }), spinner());
    case 'group':
      return show(
        app,
        message(),
        notStartedNote(),
        pickScreen({
          title: t('groupTitle'),
          intro: t('groupIntro'),
          code: state.code,
          choices: GROUPS.map((g) => [g, t(`group.${g}`)]),
          t,
          onBack: () => {
            state.screen = 'code';
            render();
          },
          onPick: (group) => {
            state.group = group;
            state.screen = 'age';
            render();
          },
        }),
      );
    case 'age':
      return show(
        app,
        message(),
        pickScreen({
          title: t('ageTitle'),
          intro: t('ageIntro'),
          code: state.code,
          choices: AGE_BANDS.map((a) => [a, t(`age.${a}`)]),
          t,
          onBack: () => {
            state.screen = 'group';
            render();
          },
          onPick: (ageBand) => void doJoin(ageBand),
        }),
      );
    case 'municipality':
      return show(
        app,
        municipalityScreen({
          choices: state.municipalityChoices ?? [],
          t,
          code: state.code,
          onPick: (municipality) => {
            state.municipality = municipality;
            void doJoin(state.ageBand);
          },
        }),
      );
    case 'joining':
      return show(app, h('h1', { class: 'center', text: t('joining') }), spinner());
    case 'waiting':
      return show(app, waitingRoom());
    case 'live':
      return show(app, state.refusedAddress ? refusedView() : liveScreen(), notMyPhoneButton());
  }
}

function startsAtText() {
  const startsAt = state.notStarted?.startsAt;
  return startsAt ? t('startsAt', { when: formatDateTime(startsAt) }) : null;
}

function notStartedNote() {
  if (!state.notStarted) return null;
  return h('p', { class: 'message info', role: 'status' }, t('notStartedNote'), ' ', startsAtText());
}

function waitingRoom() {
  const title = state.notStarted?.title;
  return h(
    'section',
    { class: 'waiting' },
    title ? h('p', { class: 'crumb', text: title }) : null,
    h('h1', { text: t('notStartedTitle') }),
    spinner(),
    h('p', { class: 'lead', text: t('notStartedWait') }),
    startsAtText() ? h('p', { text: startsAtText() }) : null,
  );
}

/** The socket refuses this address: the same page on PUBLIC_URL works, or the QR code again. */
function refusedView() {
  const address = `${state.refusedAddress}/join/${state.code ?? ''}`;
  return [
    h('h1', { text: t('refusedTitle') }),
    h('p', { class: 'lead', text: t('refusedText') }),
    h('p', {}, h('a', { href: address, class: 'big-link', text: address })),
    h('p', { text: t('refusedHelp') }),
  ];
}

function notMyPhoneButton() {
  if (state.evening?.status === 'ended') return null;
  return h(
    'div',
    { class: 'not-mine' },
    h('button', { type: 'button', class: 'secondary', text: t('notMyPhone'), onclick: notMyPhone }),
    h('p', { class: 'hint', text: t('notMyPhoneHint') }),
  );
}

function message() {
  return state.message ? h('p', { class: 'message error', role: 'alert', text: t(state.message) }) : null;
}

bindScreens(state, t, {
  vote,
  deliver,
  edit: () => {
    state.editing = true;
    state.draft = newDraft(state.dilemma, state.myVote);
    render();
  },
  cancelEdit: () => {
    state.editing = false;
    state.voteError = null;
    render();
  },
});
boot();
