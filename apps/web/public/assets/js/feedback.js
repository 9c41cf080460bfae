// The public page "u zei, wij deden" (/terugkoppeling?gemeente=…&ronde=…): published findings of one
// municipality, what was done with them, the agreements that answer them and how that went. No sign-in.
import { api } from './api.js';
import { $, fill, h } from './dom.js';
import { formatDay, formatPercent } from './format.js';
import { mountLanguageSwitch, onLangChange, pick } from './i18n.js';
import { t } from './i18n-feedback.js';

const params = new URLSearchParams(location.search);
const state = {
  municipality: params.get('gemeente') ?? params.get('municipality') ?? '',
  roundId: params.get('ronde') ?? params.get('roundId') ?? '',
  municipalities: [],
  findings: null,
  error: false,
};

/** A text written in Dutch with optional translations {fy, en}. */
function translated(nl, translations) {
  return pick({ nl, ...(translations ?? {}) });
}

function updateAddress() {
  const next = new URLSearchParams();
  if (state.municipality) next.set('gemeente', state.municipality);
  if (state.roundId) next.set('ronde', state.roundId);
  const query = next.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

async function load() {
  state.error = false;
  try {
    state.municipalities = await api('/api/public/feedback/municipalities');
    if (!state.municipality && state.municipalities.length === 1) state.municipality = state.municipalities[0];
    state.findings = state.municipality
      ? await api(`/api/public/feedback?municipality=${encodeURIComponent(state.municipality)}`)
      : null;
  } catch {
    state.error = true;
  }
  render();
}

function chooser() {
  const select = h(
    'select',
    {
      id: 'municipality',
      onchange: (event) => {
        state.municipality = event.target.value;
        state.roundId = '';
        updateAddress();
        void load();
      },
    },
    h('option', { value: '', text: t('pick') }),
    state.municipalities.map((m) =>
      h('option', { value: m, text: m, selected: m.toLowerCase() === state.municipality.toLowerCase() }),
    ),
  );
  const rounds = new Map();
  for (const f of state.findings ?? []) if (f.round) rounds.set(f.round.id, f.round);
  const roundSelect =
    rounds.size > 1
      ? [
          h('label', { for: 'round', text: t('chooseRound') }),
          h(
            'select',
            {
              id: 'round',
              onchange: (event) => {
                state.roundId = event.target.value;
                updateAddress();
                render();
              },
            },
            h('option', { value: '', text: t('allRounds') }),
            [...rounds.values()].map((r) => h('option', { value: r.id, text: r.name, selected: r.id === state.roundId })),
          ),
        ]
      : [];
  return h('div', { class: 'choose' }, h('label', { for: 'municipality', text: t('chooseMunicipality') }), select, roundSelect);
}

function historyItem(entry) {
  let text;
  if (entry.kind === 'agreement') {
    text = t('history.agreement', { text: entry.agreementText, status: t(`status.${entry.agreementStatus}`) });
  } else if (entry.kind === 'outcome') {
    text = t('history.outcome', { outcome: t(`outcome.${entry.outcome}`) });
  } else {
    text = t(`history.${entry.kind}`);
  }
  return h('li', {}, h('time', { datetime: entry.on, text: formatDay(entry.on) }), ': ', text);
}

function findingCard(f, index) {
  const headingId = `finding-${index}`;
  const response = translated(f.response, f.responseTranslations);
  return h(
    'article',
    { class: 'finding', 'aria-labelledby': headingId },
    h('h2', { id: headingId, text: t('said') }),
    f.round ? h('p', { class: 'hint', text: t('round', { name: f.round.name }) }) : null,
    h('p', { class: 'said', text: translated(f.text, f.translations) }),
    f.quotes.length
      ? h(
          'ul',
          { class: 'figures' },
          f.quotes.map((q) =>
            h(
              'li',
              {},
              t('figure', { share: formatPercent(q.share), total: q.total, label: q.label, date: formatDay(q.asOf) }),
              h('br'),
              t('figureQuestion', { question: q.question }),
            ),
          ),
        )
      : null,
    h('h3', { text: t('did') }),
    h('p', { text: response || t('noResponse') }),
    h('p', {}, `${t('outcome')}: `, h('span', { class: 'outcome', text: t(`outcome.${f.outcome}`) })),
    f.agreements.length
      ? [
          h('h3', { text: t('agreements') }),
          h(
            'ul',
            {},
            f.agreements.map((a) =>
              h(
                'li',
                {},
                t('agreementLine', { text: a.text, status: t(`status.${a.status}`) }),
                h('br'),
                t('byParty', { party: t(`party.${a.party}`) }),
              ),
            ),
          ),
        ]
      : null,
    h('h3', { text: t('history') }),
    h('ol', { class: 'history' }, f.history.map(historyItem)),
  );
}

function render() {
  document.title = `Huurdersstem – ${t('title')}`;
  const app = $('#app');
  const shown = (state.findings ?? []).filter((f) => !state.roundId || f.roundId === state.roundId);
  const letterQuery = new URLSearchParams({
    municipality: state.municipality,
    ...(state.roundId ? { roundId: state.roundId } : {}),
  });
  fill(
    app,
    h('h1', { text: t('title') }),
    h('p', { class: 'lead', text: t('intro') }),
    state.error ? h('p', { class: 'message error', role: 'alert', text: t('loadError') }) : null,
    !state.error && state.municipalities.length === 0 ? h('p', { text: t('noneAtAll') }) : null,
    state.municipalities.length ? chooser() : null,
    state.municipality && state.findings
      ? [
          h('p', {}, h('a', { class: 'letter-link', href: `/api/public/feedback/letter.pdf?${letterQuery}`, text: t('letter') })),
          h('p', { class: 'hint', text: t('letterHint') }),
          shown.length ? shown.map(findingCard) : h('p', { text: t('none') }),
        ]
      : null,
  );
}

mountLanguageSwitch($('#lang'));
onLangChange(render);
void load();
