// The agreements register (/register): per municipality and year the woonvisie themes, the bid items and
// agreements with their status, timeline and advice; the findings of "u zei, wij deden" with publication.
// admin and analyst manage it; a tenant organisation reads its municipalities and gives advice; others read.
import { api, download } from './api.js';
import { fill, h } from './dom.js';
import { onLangChange } from './i18n.js';
import { t } from './i18n-register.js';
import { act, field, staffPage } from './staff.js';

const session = staffPage('register.title');
const app = document.getElementById('app');
const token = session?.accessToken;
const role = session?.user?.role;
const canManage = role === 'admin' || role === 'analyst';
const canAdvise = role === 'admin' || role === 'tenant_org';
const STATUSES = ['bod', 'afgesproken'];
const PARTIES = ['corporatie', 'gemeente', 'huurdersorganisatie'];
const state = { municipality: '', year: '', themes: [], items: [], findings: [], municipalities: [], open: new Set() };

const query = () => {
  const q = new URLSearchParams();
  if (state.municipality) q.set('municipality', state.municipality);
  if (state.year) q.set('year', state.year);
  return q.toString();
};

async function load() {
  const [themes, items, findings, all] = await Promise.all([
    api(`/api/register/themes?${query()}`, { token }),
    api(`/api/agreements?${query()}`, { token }),
    api(`/api/findings?${new URLSearchParams(state.municipality ? { municipality: state.municipality } : {})}`, { token }),
    api('/api/agreements', { token }),
  ]);
  Object.assign(state, { themes, items, findings });
  state.municipalities = [...new Set(all.map((a) => a.municipality))].sort((a, b) => a.localeCompare(b, 'nl'));
  render();
}

const reload = () => act(null, load);

function filters() {
  const municipality = h(
    'select',
    { onchange: (e) => ((state.municipality = e.target.value), void reload()) },
    h('option', { value: '', text: t('allMunicipalities') }),
    state.municipalities.map((m) => h('option', { value: m, text: m, selected: m === state.municipality })),
  );
  const year = h('input', { type: 'number', min: 2000, max: 2100, value: state.year, inputmode: 'numeric' });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'filters' },
    h('h2', { id: 'filters', text: t('filters') }),
    h(
      'form',
      {
        class: 'inline-form',
        onsubmit: (e) => {
          e.preventDefault();
          state.year = year.value;
          void reload();
        },
      },
      field(t('municipality'), municipality),
      field(t('year'), year),
      h('button', { type: 'submit', text: t('show') }),
    ),
    exportsLine(),
  );
}

function exportsLine() {
  const file = (kind, ext) => () => download(`/api/${kind}/export.${ext}?${query()}`, token, `${kind}.${ext}`);
  return h(
    'p',
    { class: 'actions' },
    `${t('exports')}: `,
    h('button', { type: 'button', text: `${t('items')} (CSV)`, onclick: file('register', 'csv') }),
    h('button', { type: 'button', text: `${t('items')} (XLSX)`, onclick: file('register', 'xlsx') }),
    canManage ? h('button', { type: 'button', text: `${t('findings')} (CSV)`, onclick: file('findings', 'csv') }) : null,
    canManage ? h('button', { type: 'button', text: `${t('findings')} (XLSX)`, onclick: file('findings', 'xlsx') }) : null,
  );
}

function themesCard() {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'themes' },
    h('h2', { id: 'themes', text: t('themes') }),
    state.themes.length
      ? h(
          'ul',
          {},
          state.themes.map((th) => h('li', {}, h('strong', { text: th.name }), ` – ${th.municipality} ${th.year}`)),
        )
      : h('p', { text: t('noThemes') }),
    canManage ? addThemeForm() : null,
  );
}

function addThemeForm() {
  const municipality = h('input', { required: true, maxlength: 100, value: state.municipality });
  const year = h('input', {
    type: 'number',
    required: true,
    min: 2000,
    max: 2100,
    value: state.year || new Date().getFullYear(),
  });
  const name = h('input', { required: true, maxlength: 200 });
  return h(
    'form',
    {
      class: 'inline-form',
      onsubmit: (e) => {
        e.preventDefault();
        const body = { municipality: municipality.value, year: Number(year.value), name: name.value };
        void act(e.submitter, () => api('/api/register/themes', { method: 'POST', token, body }).then(load), t('themeAdded'));
      },
    },
    field(t('municipality'), municipality),
    field(t('year'), year),
    field(t('themeName'), name),
    h('button', { type: 'submit', text: t('addTheme') }),
  );
}

function itemsCard() {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'items' },
    h('h2', { id: 'items', text: t('items') }),
    canManage ? null : h('p', { class: 'hint', text: t('readOnly') }),
    state.items.length ? itemsTable() : h('p', { text: t('noItems') }),
    canManage ? addItemForm() : null,
  );
}

function itemsTable() {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            t('municipality'),
            t('year'),
            t('colTheme'),
            t('colText'),
            t('colParty'),
            t('colStatus'),
            t('colSince'),
            t('colAdvice'),
          ].map((c) => h('th', { scope: 'col', text: c })),
        ),
      ),
      h(
        'tbody',
        {},
        state.items.flatMap((a) => [
          h(
            'tr',
            {},
            h('td', { text: a.municipality }),
            h('td', { text: a.year }),
            h('td', { text: a.theme?.name ?? t('noTheme') }),
            h(
              'td',
              {},
              a.text,
              h('br'),
              h('button', {
                type: 'button',
                class: 'link',
                'aria-expanded': String(state.open.has(a.id)),
                text: t('details'),
                onclick: () => toggle(a.id),
              }),
            ),
            h('td', { text: t(`party.${a.party}`) }),
            h('td', {}, h('span', { class: 'badge', text: t(`status.${a.status}`) })),
            h('td', { text: a.statusSince }),
            h('td', { text: t('adviceCount', a.advice) }),
          ),
          state.open.has(a.id) ? h('tr', {}, h('td', { colspan: 8, id: `detail-${a.id}` }, t('details'))) : null,
        ]),
      ),
    ),
  );
}

async function toggle(id) {
  if (state.open.has(id)) state.open.delete(id);
  else state.open.add(id);
  render();
  if (state.open.has(id)) await act(null, async () => detail(await api(`/api/agreements/${id}`, { token })));
}

function detail(a) {
  const cell = document.getElementById(`detail-${a.id}`);
  if (!cell) return;
  const timeline = a.timeline.map((e) =>
    h(
      'li',
      {},
      h('strong', { text: `${e.on}: ` }),
      e.kind === 'evaluation'
        ? `${t('evaluation')}: ${e.note}`
        : (e.from
            ? t('statusMove', { from: t(`status.${e.from}`), to: t(`status.${e.to}`) })
            : t('entered', { to: t(`status.${e.to}`) })) + (e.note ? ` – ${e.note}` : ''),
    ),
  );
  const advice = a.adviceItems.map((x) =>
    h(
      'li',
      {},
      h('strong', { text: `${x.givenOn}: ` }),
      x.text,
      h('br'),
      `${t('response')}: `,
      x.response ? `${x.respondedOn}: ${x.response}` : t('noResponse'),
      canManage && !x.response
        ? textForm(
            t('responseText'),
            t('respond'),
            (text) => api(`/api/advice/${x.id}/response`, { method: 'POST', token, body: { text } }),
            t('responded'),
            a.id,
          )
        : null,
    ),
  );
  fill(
    cell,
    h('h3', { text: t('timeline') }),
    h('ol', {}, timeline),
    canManage && a.nextStatuses.length ? moveForm(a) : null,
    canManage
      ? textForm(
          t('evaluation'),
          t('evaluate'),
          (note) => api(`/api/agreements/${a.id}/evaluations`, { method: 'POST', token, body: { note } }),
          t('evaluated'),
          a.id,
        )
      : null,
    h('h3', { text: t('advice') }),
    advice.length ? h('ul', {}, advice) : h('p', { text: t('noAdvice') }),
    canAdvise
      ? textForm(
          t('adviceText'),
          t('giveAdvice'),
          (text) => api(`/api/agreements/${a.id}/advice`, { method: 'POST', token, body: { text } }),
          t('adviceGiven'),
          a.id,
        )
      : null,
  );
}

function moveForm(a) {
  const to = h(
    'select',
    {},
    a.nextStatuses.map((s) => h('option', { value: s, text: t(`status.${s}`) })),
  );
  const on = h('input', { type: 'date' });
  const note = h('input', { maxlength: 4000 });
  return h(
    'form',
    {
      class: 'inline-form',
      onsubmit: (e) => {
        e.preventDefault();
        const body = { status: to.value, ...(on.value ? { on: on.value } : {}), ...(note.value ? { note: note.value } : {}) };
        void act(
          e.submitter,
          () => api(`/api/agreements/${a.id}/status`, { method: 'POST', token, body }).then(() => refreshOpen(a.id)),
          t('moved'),
        );
      },
    },
    field(t('moveTo'), to),
    field(t('date'), on),
    field(t('note'), note),
    h('button', { type: 'submit', text: t('save') }),
  );
}

/** A one-field form (evaluation, advice, response) that reloads the item's details afterwards. */
function textForm(label, button, send, okText, agreementId) {
  const text = h('textarea', { required: true, maxlength: 8000, rows: 2 });
  return h(
    'form',
    {
      class: 'inline-form',
      onsubmit: (e) => {
        e.preventDefault();
        void act(e.submitter, () => send(text.value).then(() => refreshOpen(agreementId)), okText);
      },
    },
    field(label, text),
    h('button', { type: 'submit', text: button }),
  );
}

async function refreshOpen(id) {
  await load();
  state.open.add(id);
  render();
  detail(await api(`/api/agreements/${id}`, { token }));
}

function addItemForm() {
  const municipality = h('input', { required: true, maxlength: 100, value: state.municipality });
  const year = h('input', {
    type: 'number',
    required: true,
    min: 2000,
    max: 2100,
    value: state.year || new Date().getFullYear(),
  });
  const theme = h(
    'select',
    {},
    h('option', { value: '', text: t('noTheme') }),
    state.themes.map((th) => h('option', { value: th.id, text: `${th.name} (${th.municipality} ${th.year})` })),
  );
  const text = h('textarea', { required: true, maxlength: 4000, rows: 2 });
  const party = h(
    'select',
    {},
    PARTIES.map((p) => h('option', { value: p, text: t(`party.${p}`) })),
  );
  const status = h(
    'select',
    {},
    STATUSES.map((s) => h('option', { value: s, text: t(`status.${s}`) })),
  );
  return h(
    'form',
    {
      class: 'grid-form',
      onsubmit: (e) => {
        e.preventDefault();
        const body = {
          municipality: municipality.value,
          year: Number(year.value),
          text: text.value,
          party: party.value,
          status: status.value,
          ...(theme.value ? { themeId: theme.value } : {}),
        };
        void act(e.submitter, () => api('/api/agreements', { method: 'POST', token, body }).then(load), t('itemAdded'));
      },
    },
    field(t('municipality'), municipality),
    field(t('year'), year),
    field(t('colTheme'), theme),
    field(t('itemText'), text),
    field(t('colParty'), party),
    field(t('itemStatus'), status),
    h('button', { type: 'submit', text: t('addItem') }),
  );
}

function findingsCard() {
  const feedbackLink = (m) => `/terugkoppeling?gemeente=${encodeURIComponent(m)}`;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'findings' },
    h('h2', { id: 'findings', text: t('findings') }),
    state.findings.length
      ? h(
          'ul',
          {},
          state.findings.map((f) =>
            h(
              'li',
              {},
              h('span', { class: 'badge', text: t(`state.${f.state}`) }),
              ` ${f.municipality}: ${f.text} – ${t(`outcome.${f.outcome}`)} `,
              f.state === 'draft' && canManage
                ? h('button', {
                    type: 'button',
                    text: t('publish'),
                    onclick: (e) =>
                      act(
                        e.currentTarget,
                        () => api(`/api/findings/${f.id}/publish`, { method: 'POST', token }).then(load),
                        t('published'),
                      ),
                  })
                : null,
              f.state === 'published' ? h('a', { href: feedbackLink(f.municipality), text: t('publicPage') }) : null,
            ),
          ),
        )
      : h('p', { text: t('noFindings') }),
  );
}

function render() {
  fill(app, h('h1', { text: t('items') }), filters(), itemsCard(), themesCard(), findingsCard());
}

if (session) {
  onLangChange(render);
  void reload();
}
