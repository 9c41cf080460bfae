// The policy team's dashboard (/policy, analyst and admin). First the scope (evenings, themes, municipalities,
// groups), then the overview of dilemmas × municipalities, then per theme and dilemma the detail, opened on
// demand; the weights screen and reports (CSV, PDF) beside them. Policy input: GET /api/policy-input.
import { api, download } from './api.js';
import { fill, h, show } from './dom.js';
import { formatDateTime } from './format.js';
import { loadGlossary, segmentLabel, term } from './glossary.js';
import { onLangChange, pick } from './i18n.js';
import { leadingOption, municipalitiesOf, overviewMatrix } from './policy-overview.js';
import { dilemmaBody } from './policy-view.js';
import { drawTrends } from './policy-trends.js';
import { weightsScreen } from './policy-weights.js';
import { act, errorText, say, staffPage, t } from './staff.js';

const session = staffPage('policy.title');
const app = document.getElementById('app');
const ctx = { token: session?.accessToken, suppressBelow: null };
const GROUPS = ['tenant', 'tenant_org', 'stakeholder'];
const state = {
  themes: [],
  evenings: [],
  scope: { eveningIds: [], themes: [], municipalities: [], groups: [] },
  input: null,
  inputError: null,
  loading: false,
  report: null,
};
const parts = {
  filters: h('section', { class: 'card scope' }),
  weights: h('details', { class: 'card weights' }),
  results: h('section', { 'aria-live': 'polite', 'aria-busy': 'false' }),
  trends: h('section', { class: 'card trends' }),
  reports: h('section', { class: 'card' }),
};
const weightsBody = h('div');
parts.weights.addEventListener('toggle', () => {
  if (parts.weights.open) void drawWeights();
});

async function loadChoices() {
  const [themes, evenings] = await Promise.allSettled([api('/api/themes'), api('/api/evenings', { token: ctx.token })]);
  if (themes.status === 'fulfilled') state.themes = themes.value;
  if (evenings.status === 'fulfilled')
    state.evenings = evenings.value
      .filter((e) => e.status === 'live' || e.status === 'ended')
      .sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)));
  drawFilters();
}

/** The scope as query parameters (comma-separated lists; absent means all). */
function scopeQuery() {
  const query = new URLSearchParams();
  for (const [name, values] of Object.entries(state.scope)) if (values.length) query.set(name, values.join(','));
  return query;
}

async function loadInput() {
  state.loading = true;
  drawResults();
  try {
    state.input = await api(`/api/policy-input?${scopeQuery()}`, { token: ctx.token });
    state.inputError = null;
    ctx.suppressBelow = state.input?.suppressBelow ?? null;
  } catch (error) {
    state.input = null;
    state.inputError = errorText(error);
  }
  state.loading = false;
  drawResults();
  void drawTrends(parts.trends, { token: ctx.token, theme: state.scope.themes[0], municipality: state.scope.municipalities[0] });
}

function allMunicipalities() {
  const names = new Set(state.evenings.flatMap((e) => (e.municipalities?.length ? e.municipalities : [e.municipality])));
  return [...names].sort((a, b) => a.localeCompare(b, 'nl'));
}

/** A fieldset of checkboxes; nothing ticked means "all". */
function checks(name, legend, items) {
  return h(
    'fieldset',
    { class: 'scope-group' },
    h('legend', { text: legend }),
    items.map(({ value, label }) =>
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'checkbox', name, value, checked: state.scope[name].includes(value) }),
        h('span', { text: label }),
      ),
    ),
  );
}

function drawFilters() {
  const form = h(
    'form',
    { class: 'scope-form' },
    h(
      'div',
      { class: 'scope-groups' },
      checks(
        'eveningIds',
        t('scope.evenings'),
        state.evenings.map((e) => ({ value: e.id, label: e.title })),
      ),
      checks(
        'themes',
        t('policy.theme'),
        state.themes.map((x) => ({ value: x.slug, label: pick(x.name) })),
      ),
      checks(
        'municipalities',
        t('policy.municipality'),
        allMunicipalities().map((m) => ({ value: m, label: m })),
      ),
      checks(
        'groups',
        term('dimension.group', {}, 'Groep'),
        GROUPS.map((g) => ({ value: g, label: segmentLabel('group', g) })),
      ),
      // Room for the consultation round's selector, which comes with rounds.
      h('div', { class: 'scope-slot', 'data-scope': 'round', hidden: true }),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', text: t('policy.show') }),
      h('button', { type: 'reset', text: t('scope.clear') }),
    ),
  );
  const read = () => {
    for (const name of Object.keys(state.scope))
      state.scope[name] = [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    read();
    void loadInput();
  });
  form.addEventListener('reset', () =>
    setTimeout(() => {
      read();
      void loadInput();
    }),
  );
  fill(parts.filters, h('h2', { text: t('policy.filters') }), h('p', { class: 'hint', text: t('scope.help') }), form);
}

const anchor = (d) => `dilemma-${(d.key ?? d.question).replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;

function dilemmaSection(d) {
  const lead = leadingOption(d);
  const body = h('div', { class: 'dilemma-body' });
  const section = h(
    'details',
    { class: 'card dilemma-card', id: anchor(d) },
    h(
      'summary',
      {},
      h('h3', { class: 'dilemma-question', text: d.question }),
      h('span', {
        class: 'dilemma-lead',
        text: d.suppressed || !lead ? t('overview.suppressed') : t('dash.leadShort', { label: lead.label }),
      }),
    ),
    body,
  );
  section.addEventListener('toggle', () => {
    if (section.open && !body.childElementCount) fill(body, dilemmaBody(d, ctx));
  });
  return section;
}

function drawResults() {
  parts.results.setAttribute('aria-busy', String(state.loading));
  if (state.loading) return fill(parts.results, h('p', { class: 'card', text: t('loading') }));
  if (state.inputError) return fill(parts.results, h('p', { class: 'message error', text: state.inputError }));
  const input = state.input;
  if (!input) return fill(parts.results, h('p', { class: 'card hint', text: t('policy.choose') }));
  const themes = input.themes ?? [];
  fill(
    parts.results,
    h('p', {
      class: 'hint',
      text: t('dash.scope', {
        n: input.evenings?.length ?? 0,
        m: municipalitiesOf(input).length,
        min: input.suppressBelow ?? '?',
      }),
    }),
    themes.length === 0 ? h('p', { class: 'card hint', text: t('policy.empty') }) : overviewMatrix(input, anchor),
    themes.map((theme) => {
      const known = state.themes.find((x) => x.slug === theme.theme);
      return h(
        'section',
        { class: 'theme-block' },
        h('h2', { text: known ? pick(known.name) : (theme.name ?? theme.theme) }),
        (theme.dilemmas ?? []).map(dilemmaSection),
      );
    }),
  );
}

async function drawWeights() {
  await weightsScreen(weightsBody, { token: ctx.token, municipalities: allMunicipalities(), onSaved: () => void loadInput() });
}

// ---------- reports ----------

async function createReport(button) {
  const body = Object.fromEntries(Object.entries(state.scope).filter(([, values]) => values.length));
  const created = await act(button, () => api('/api/reports', { method: 'POST', body, token: ctx.token }), t('report.queued'));
  if (!created) return;
  state.report = created;
  drawReports();
  void poll(created.id);
}

async function poll(id) {
  // Until done or failed; a network hiccup only delays the next look.
  while (state.report?.id === id && !['done', 'failed'].includes(state.report.status)) {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    try {
      state.report = await api(`/api/reports/${encodeURIComponent(id)}`, { token: ctx.token });
    } catch (error) {
      if (error.status && error.status !== 429 && error.status < 500) {
        say(errorText(error), 'error');
        return;
      }
    }
    drawReports();
  }
}

function drawReports() {
  const make = h('button', { type: 'button', class: 'primary', text: t('report.create') });
  make.addEventListener('click', () => void createReport(make));
  const r = state.report;
  let status = null;
  if (r) {
    // progress is a percentage 0..100 (the report service's steps).
    const progress = typeof r.progress === 'number' ? Math.round(r.progress) : 0;
    const file = (ext) => {
      const button = h('button', { type: 'button', text: t(`report.${ext}`) });
      button.addEventListener('click', () =>
        act(button, () =>
          download(
            `/api/reports/${encodeURIComponent(r.id)}/export.${ext}`,
            ctx.token,
            `huurdersstem-rapport-${r.id.slice(0, 8)}.${ext}`,
          ),
        ),
      );
      return button;
    };
    status = h(
      'div',
      { class: 'report-status' },
      h('p', { text: `${t(`report.status.${r.status}`)}${r.createdAt ? ` · ${formatDateTime(r.createdAt)}` : ''}` }),
      r.status === 'done' || r.status === 'failed'
        ? null
        : h('progress', { max: '100', value: String(progress), 'aria-label': t('report.progress') }),
      r.status === 'failed' ? h('p', { class: 'message error', text: r.error || t('err.generic') }) : null,
      r.status === 'done' ? h('div', { class: 'actions' }, file('csv'), file('pdf')) : null,
    );
  }
  fill(parts.reports, h('h2', { text: t('report.title') }), h('p', { class: 'hint', text: t('report.help') }), make, status);
}

function render() {
  fill(parts.weights, h('summary', {}, h('h2', { text: t('weights.title') })), weightsBody);
  show(app, h('h1', { text: t('policy.title') }), parts.filters, parts.results, parts.trends, parts.weights, parts.reports);
  drawFilters();
  drawReports();
  drawResults();
  if (parts.weights.open) void drawWeights();
}

if (session) {
  onLangChange(render);
  render();
  void loadGlossary().then(render);
  void loadChoices();
  void loadInput();
}
