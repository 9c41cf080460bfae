// The policy team's dashboard (/policy, analyst and admin): policy input per theme and municipality,
// results per dilemma, and reports with CSV and PDF exports (downloaded with the Bearer token).
import { api, download } from './api.js';
import { fill, h, show } from './dom.js';
import { formatDateTime } from './format.js';
import { onLangChange, pick } from './i18n.js';
import { policyDilemma } from './policy-view.js';
import { drawTrends } from './policy-trends.js';
import { act, errorText, field, say, staffPage, t } from './staff.js';

const session = staffPage('policy.title');
const app = document.getElementById('app');
const ctx = { token: session?.accessToken, suppressBelow: null };
const state = {
  themes: [],
  municipalities: [],
  theme: '',
  municipality: '',
  input: null,
  inputError: null,
  loading: false,
  report: null,
};
const parts = {
  filters: h('section', { class: 'card' }),
  results: h('section', { 'aria-live': 'polite' }),
  trends: h('section', { class: 'card trends' }),
  reports: h('section', { class: 'card' }),
};

async function loadChoices() {
  const [themes, evenings] = await Promise.allSettled([api('/api/themes'), api('/api/evenings', { token: ctx.token })]);
  if (themes.status === 'fulfilled') state.themes = themes.value;
  if (evenings.status === 'fulfilled')
    state.municipalities = [...new Set(evenings.value.map((e) => e.municipality))].sort((a, b) => a.localeCompare(b, 'nl'));
  drawFilters();
}

async function loadInput() {
  state.loading = true;
  drawResults();
  const query = new URLSearchParams();
  if (state.theme) query.set('theme', state.theme);
  if (state.municipality) query.set('municipality', state.municipality);
  try {
    state.input = await api(`/api/policy-input?${query}`, { token: ctx.token });
    state.inputError = null;
    ctx.suppressBelow = state.input?.suppressBelow ?? null;
  } catch (error) {
    state.input = null;
    state.inputError = errorText(error);
  }
  state.loading = false;
  drawResults();
  void drawTrends(parts.trends, { token: ctx.token, theme: state.theme, municipality: state.municipality });
}

function drawFilters() {
  const theme = h(
    'select',
    {},
    h('option', { value: '', text: t('policy.allThemes') }),
    state.themes.map((x) => h('option', { value: x.slug, text: pick(x.name), selected: x.slug === state.theme })),
  );
  const municipality = h(
    'select',
    {},
    h('option', { value: '', text: t('policy.allMunicipalities') }),
    state.municipalities.map((m) => h('option', { value: m, text: m, selected: m === state.municipality })),
  );
  const submit = h('button', { type: 'submit', class: 'primary', text: t('policy.show') });
  const form = h(
    'form',
    { class: 'inline-form' },
    field(t('policy.theme'), theme),
    field(t('policy.municipality'), municipality),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.theme = theme.value;
    state.municipality = municipality.value;
    void loadInput();
  });
  fill(parts.filters, h('h2', { text: t('policy.filters') }), form);
}

function drawResults() {
  if (state.loading) return fill(parts.results, h('p', { class: 'card', text: t('loading') }));
  if (state.inputError) return fill(parts.results, h('p', { class: 'message error', text: state.inputError }));
  const input = state.input;
  if (!input) return fill(parts.results, h('p', { class: 'card hint', text: t('policy.choose') }));
  const themes = input.themes ?? [];
  fill(
    parts.results,
    h('p', { class: 'hint', text: t('policy.scope', { n: input.evenings?.length ?? 0, min: input.suppressBelow ?? '?' }) }),
    themes.length === 0 ? h('p', { class: 'card hint', text: t('policy.empty') }) : null,
    themes.map((theme) => {
      const known = state.themes.find((x) => x.slug === theme.theme);
      return h(
        'section',
        { class: 'theme-block' },
        h('h2', { text: known ? pick(known.name) : (theme.name ?? theme.theme) }),
        (theme.dilemmas ?? []).map((d) => policyDilemma(d, ctx)),
      );
    }),
  );
}

// ---------- reports ----------

async function createReport(button) {
  const body = {};
  if (state.theme) body.themes = [state.theme];
  if (state.municipality) body.municipalities = [state.municipality];
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
  show(app, h('h1', { text: t('policy.title') }), parts.filters, parts.reports, parts.results);
  drawFilters();
  drawReports();
  drawResults();
}

if (session) {
  onLangChange(render);
  render();
  void loadChoices();
  void loadInput();
}
