// The tenant page (/, /join/:code, ?card=CODE): join, then follow the evening live and vote.
// Socket events: see live.js and libs/contracts/src/live-events.ts.
import { h, show } from './dom.js';
import { mountLanguageSwitch, onLangChange, translator } from './i18n.js';
import { TENANT_TEXTS } from './i18n-tenant.js';
import { connectLive, sendVote } from './live.js';
import {
  AGE_BANDS,
  GROUPS,
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
import { bindScreens, liveScreen, spinner } from './tenant-screens.js';
import { newDraft } from './tenant-vote.js';

const t = translator(TENANT_TEXTS);
const app = document.getElementById('app');
const banner = document.getElementById('banner');

const state = {
  screen: 'code', // code | group | age | municipality | joining | live
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
  mountLanguageSwitch(document.getElementById('lang'));
  onLangChange(render);
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
  if (fromUrl.length === 6) {
    state.code = fromUrl;
    state.screen = 'group';
  }
  render();
}

// ---------- joining ----------

async function doJoin(ageBand) {
  state.ageBand = ageBand;
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
    state.message = joinErrorKey(error);
    state.screen = state.message === 'err.network' || state.message === 'err.rateLimited' ? 'age' : 'code';
    render();
  }
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
  state.socket?.disconnect();
  state.socket = null;
  state.session = null;
  clearSession();
  state.message = 'err.sessionExpired';
  state.screen = 'code';
  render();
}

// ---------- live ----------

function goLive() {
  state.screen = 'live';
  render();
  state.socket = connectLive(
    { token: state.session.token },
    {
      connect: () => setOnline(true),
      disconnect: () => setOnline(false),
      error: () => setOnline(false),
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
  state.dilemma = dilemma;
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
  const payload = { dilemmaId: dilemma.id, clientVoteId: crypto.randomUUID(), choice };
  await deliver(payload);
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
  switch (state.screen) {
    case 'code':
      return show(
        app,
        codeScreen(state, t, (code) => {
          state.code = code;
          state.message = null;
          state.screen = 'group';
          render();
        }),
      );
    case 'group':
      return show(
        app,
        message(),
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
    case 'live':
      return show(app, liveScreen());
  }
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
});
boot();
