// How the dashboard draws policy input (GET /api/policy-input) and dilemma results
// (GET /api/dilemmas/:id/results). Shapes: CONTRACT.md "Results and reports" and
// libs/contracts/src/results.ts. Drawn defensively: a missing part is left out, not an error.
import { api } from './api.js';
import { barChart } from './chart.js';
import { fill, h } from './dom.js';
import { consensusWord, segmentLabel, term } from './glossary.js';
import { formatNumber, formatPercent } from './format.js';
import { field, errorText, t } from './staff.js';

const ci = (interval) => (Array.isArray(interval) ? `${formatPercent(interval[0])} – ${formatPercent(interval[1])}` : '');

function optionRows(options) {
  return (options ?? []).map((o) => ({
    label: o.label ?? o.optionId,
    value: o.count,
    share: o.share,
    ci: o.ci95,
    note: o.manual ? t('policy.manualPart', { n: o.manual }) : null,
  }));
}

export function optionsChart(kind, options) {
  return barChart(optionRows(options), {
    valueText: (row) =>
      kind === 'budget'
        ? `${formatPercent(row.share)} (${t('points', { n: row.value })})`
        : `${formatPercent(row.share)} (${row.value})`,
  });
}

/** Segments (groups, municipalities, age bands) side by side: share per option, suppressed ones named as such. */
// columns: [{key, label}], key being an option's label (policy input) or its optionId (results).
export function segmentsTable(segments, columns, suppressBelow, keyLabel = (k) => k) {
  if (!Array.isArray(segments) || segments.length === 0) return h('p', { class: 'hint', text: t('policy.noSegments') });
  const labels = columns.map((c) => c.label);
  const find = (seg, index) => seg.options?.find((o) => o.optionId === columns[index].key || o.label === columns[index].key);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table compact' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: '' }),
          h('th', { scope: 'col', text: 'n' }),
          labels.map((l) => h('th', { scope: 'col', text: l })),
        ),
      ),
      h(
        'tbody',
        {},
        segments.map((seg) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', text: keyLabel(seg.key) }),
            h('td', { text: seg.suppressed ? `< ${suppressBelow ?? '?'}` : String(seg.n ?? '') }),
            seg.suppressed
              ? h('td', {
                  colspan: String(Math.max(1, labels.length)),
                  class: 'hint',
                  text: t('policy.suppressed', { n: suppressBelow ?? '?' }),
                })
              : columns.map((_, i) => {
                  const o = find(seg, i);
                  return h('td', { title: o ? ci(o.ci95) : '', text: o ? formatPercent(o.share) : '–' });
                }),
          ),
        ),
      ),
    ),
  );
}

// Groups, age bands and the "unknown" bucket in the glossary's words (the same as in the reports).
const groupLabel = (key) => segmentLabel('group', key);
const municipalityLabel = (key) => segmentLabel('municipality', key);
const ageBandLabel = (key) => segmentLabel('ageBand', key);

function consensusText(value) {
  if (typeof value !== 'number') return null;
  return t('policy.consensus', { value: formatNumber(value, 2), word: consensusWord(value) });
}

function respondents(n) {
  return n === 1 ? t('policy.respondentsOne') : t('policy.respondents', { n: n ?? 0 });
}

/** The estimate weighted by tenant households per municipality (PUT /api/weights), beside the raw share. */
function weightingBlock(weighting) {
  if (!weighting?.options?.length) return null;
  return h(
    'div',
    {},
    h('h4', { text: t('policy.weighted', { n: formatNumber(weighting.effectiveN, 0) }) }),
    h(
      'ul',
      { class: 'plain' },
      weighting.options.map((o) =>
        h('li', {
          text: `${o.label}: ${formatPercent(o.weightedShare)} (${t('policy.raw')} ${formatPercent(o.rawShare)}; 95%: ${ci(o.ci95)})`,
        }),
      ),
    ),
  );
}

function shiftBlock(shift) {
  if (!shift?.options?.length) return null;
  return h(
    'div',
    {},
    h('h4', {
      text: shift.label ? `${t('policy.shiftTitle')} (${shift.label}, n = ${shift.n})` : t('policy.shift', { n: shift.dilemmas }),
    }),
    h(
      'ul',
      { class: 'plain' },
      shift.options.map((o) => {
        const pp = typeof o.shiftPp === 'number' ? o.shiftPp : (o.lastShare - o.firstShare) * 100;
        return h('li', {
          text: `${o.label}: ${formatPercent(o.firstShare)} → ${formatPercent(o.lastShare)} (${pp >= 0 ? '+' : ''}${formatNumber(pp, 1)} ${t('policy.pp')})`,
        });
      }),
    ),
  );
}

function consequencesBlock(consequences) {
  if (!consequences?.length) return null;
  return h(
    'div',
    {},
    h('h4', { text: t('policy.consequences') }),
    h(
      'ul',
      { class: 'plain' },
      consequences.map((c) =>
        h(
          'li',
          {},
          h('strong', { text: `${formatPercent(c.share)} ` }),
          t('policy.acceptedAnyway', { label: c.label }),
          h('q', { text: c.consequence }),
          h('span', { class: 'hint', text: ` (95%: ${ci(c.ci95)})` }),
        ),
      ),
    ),
  );
}

/** One dilemma of the policy input. `ctx`: {token, suppressBelow}. */
export function policyDilemma(d, ctx) {
  if (d.suppressed) {
    // Decided with the numbers (PolicyDilemma.suppressed): the card says so and shows no figure.
    return h(
      'article',
      { class: 'card dilemma-card' },
      h('h3', { text: d.question }),
      h('p', { class: 'meta', text: t('policy.suppressed', { n: ctx.suppressBelow }) }),
    );
  }
  const labels = (d.options ?? []).map((o) => ({ key: o.label, label: o.label }));
  const detail = h('div', { class: 'detail' });
  return h(
    'article',
    { class: 'card dilemma-card' },
    h('h3', { text: d.question }),
    d.description ? h('p', { class: 'hint', text: d.description }) : null,
    h('p', {
      class: 'meta',
      text: [
        term(`kind.${d.kind}`, {}, t(`kind.${d.kind}`)),
        respondents(d.total),
        d.manualTotal ? t('policy.manualPart', { n: d.manualTotal }) : null,
        d.evenings?.length === 1 ? t('policy.eveningsOne') : t('policy.evenings', { n: d.evenings?.length ?? 0 }),
      ]
        .filter(Boolean)
        .join(' · '),
    }),
    consensusText(d.consensus) ? h('p', { class: 'consensus', text: consensusText(d.consensus) }) : null,
    optionsChart(d.kind, d.options),
    d.scale && typeof d.scale.mean === 'number'
      ? h('p', { text: t('live.mean', { mean: formatNumber(d.scale.mean, 2) }) })
      : null,
    h('h4', { text: t('policy.groups') }),
    segmentsTable(d.groups, labels, ctx.suppressBelow, groupLabel),
    d.municipalities?.length
      ? [
          h('h4', { text: t('policy.municipalities') }),
          segmentsTable(d.municipalities, labels, ctx.suppressBelow, municipalityLabel),
        ]
      : null,
    d.ageBands?.length
      ? [h('h4', { text: t('policy.ageBands') }), segmentsTable(d.ageBands, labels, ctx.suppressBelow, ageBandLabel)]
      : null,
    weightingBlock(d.weighting),
    shiftBlock(d.shift),
    consequencesBlock(d.consequences),
    d.comparison?.differs?.length
      ? h('p', {
          class: 'message info',
          text: t('policy.differs', { labels: d.comparison.differs.map((x) => x.label).join(', ') }),
        })
      : null,
    d.evenings?.length
      ? h(
          'div',
          { class: 'actions' },
          d.evenings.map((e) =>
            h('button', {
              type: 'button',
              class: 'small',
              text: t('policy.detail', { title: e.title }),
              onclick: () => void showResults(detail, e.dilemmaId, ctx),
            }),
          ),
        )
      : null,
    detail,
  );
}

/** GET /api/dilemmas/:id/results?by=&round= with a choice of breakdown and round. */
export async function showResults(container, dilemmaId, ctx, by = 'group', round = null) {
  fill(container, h('p', { text: t('loading') }));
  let r;
  try {
    const query = new URLSearchParams({ by });
    if (round) query.set('round', String(round));
    r = await api(`/api/dilemmas/${encodeURIComponent(dilemmaId)}/results?${query}`, { token: ctx.token });
  } catch (error) {
    fill(container, h('p', { class: 'message error', text: errorText(error) }));
    return;
  }
  const bySelect = h(
    'select',
    {},
    ['group', 'municipality', 'ageBand'].map((b) => h('option', { value: b, text: t(`by.${b}`), selected: b === by })),
  );
  const rounds = r.rounds?.length ? r.rounds : [r.round];
  const roundSelect = h(
    'select',
    {},
    rounds.map((n) => h('option', { value: String(n), text: t('round', { n }), selected: n === r.round })),
  );
  const reload = () => void showResults(container, dilemmaId, ctx, bySelect.value, Number(roundSelect.value));
  bySelect.addEventListener('change', reload);
  roundSelect.addEventListener('change', reload);
  const labels = (r.options ?? []).map((o) => ({ key: o.optionId, label: o.label ?? o.optionId }));
  fill(
    container,
    h('div', { class: 'inline-form' }, field(t('policy.by'), bySelect), field(t('policy.round'), roundSelect)),
    h('p', {
      class: 'meta',
      text: `${respondents(r.total)}${r.manual?.total ? ` · ${t('policy.manualPart', { n: r.manual.total })}` : ''}`,
    }),
    optionsChart(r.kind, r.options),
    segmentsTable(r.segments, labels, r.suppressBelow ?? ctx.suppressBelow, (key) => segmentLabel(by, key)),
  );
}
