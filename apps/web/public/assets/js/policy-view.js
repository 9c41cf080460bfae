// One dilemma of the policy input (GET /api/policy-input; shape: PolicyDilemma in libs/contracts/src/results.ts):
// the options with intervals (raw and weighted), groups and age bands, the evenings compared, the paired shift
// after discussion and the consequences people accepted. Every suppressed cell is shown as such: the API decides
// which cells are hidden; this page never shows a figure the API did not give. Differences are flagged only
// where the API says they hold up (Holm's correction across the comparisons of a dimension).
import { api } from './api.js';
import { fill, h } from './dom.js';
import { formatNumber, formatPercent } from './format.js';
import { consensusWord, segmentLabel, term } from './glossary.js';
import { count, dataTable, intervalText, shareChart } from './policy-charts.js';
import { leadingOption } from './policy-overview.js';
import { errorText, field, t } from './staff.js';

const SUPPRESSED = { text: '∅', className: 'suppressed' };

/** "Wat betekent dit?" with the glossary's plain explanation, at the place the figure appears. */
function explain(key, vars) {
  return h('details', { class: 'explain' }, h('summary', { text: t('explain.what') }), h('p', { text: term(key, vars, '') }));
}

function meta(d) {
  const shownEvenings = d.evenings?.length ?? 0;
  return h('p', {
    class: 'meta',
    text: [
      term(`kind.${d.kind}`, {}, t(`kind.${d.kind}`)),
      d.suppressed ? null : d.total === 1 ? t('policy.respondentsOne') : t('policy.respondents', { n: count(d.total) }),
      d.manualTotal ? t('policy.manualPart', { n: d.manualTotal }) : null,
      shownEvenings === 1 ? t('policy.eveningsOne') : t('policy.evenings', { n: shownEvenings }),
    ]
      .filter(Boolean)
      .join(' · '),
  });
}

function optionsPart(d) {
  const w = d.weighting && !d.weighting.suppressed && d.weighting.options?.length ? d.weighting : null;
  const weighted = (label) => w?.options.find((o) => o.label === label) ?? null;
  const rows = (d.options ?? []).map((o) => ({ label: o.label }));
  const series = [
    { name: t('dash.raw'), values: d.options.map((o) => o.share ?? null), intervals: d.options.map((o) => o.ci95 ?? null) },
  ];
  if (w)
    series.push({
      name: term('measure.weighted', {}, 'Gewogen aandeel'),
      values: d.options.map((o) => weighted(o.label)?.weightedShare ?? null),
      intervals: d.options.map((o) => weighted(o.label)?.ci95 ?? null),
      colour: '#b7791f',
    });
  const head = [
    t('dash.option'),
    d.kind === 'budget' ? term('measure.pointsShare', {}, 'Aandeel van de punten') : term('measure.share', {}, 'Aandeel'),
    term('measure.interval', {}, '95%-interval'),
    d.kind === 'budget' ? term('measure.points', {}, 'Punten') : term('measure.count', {}, 'Aantal'),
    term('measure.weighted', {}, 'Gewogen aandeel'),
    t('dash.weightedInterval'),
  ];
  const table = h(
    'div',
    { class: 'options-table', 'data-weighted': w ? 'yes' : 'no' },
    dataTable(
      t('dash.optionsCaption', { question: d.question }),
      head,
      d.options.map((o) => {
        const wo = weighted(o.label);
        return o.suppressed
          ? [o.label, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED]
          : [
              o.label,
              formatPercent(o.share),
              intervalText(o.ci95),
              count(o.count),
              { text: wo ? formatPercent(wo.weightedShare) : '–', className: 'weighted' },
              wo ? intervalText(wo.ci95) : '–',
            ];
      }),
    ),
  );
  return [
    shareChart({ title: t('dash.optionsTitle'), rows, series, table }),
    explain('explain.interval'),
    w ? weightingNote(w) : h('p', { class: 'hint', text: t('dash.noWeights') }),
  ];
}

function weightingNote(w) {
  return h(
    'div',
    { class: 'weighting-note' },
    h('p', {
      text: t(w.method === 'raking' ? 'dash.weightedRaking' : 'dash.weightedPost', {
        n: count(w.respondents),
        neff: formatNumber(w.effectiveN, 0),
      }),
    }),
    w.designEffectLarge
      ? h('p', { class: 'message warn', text: t('dash.designEffect', { deff: formatNumber(w.designEffect, 1) }) })
      : null,
    explain('explain.weighting'),
  );
}

function differenceLines(d, dimension, label) {
  const lines = (d.differences ?? []).filter((x) => x.dimension === dimension && x.holds);
  if (!lines.length) return h('p', { class: 'hint', text: t('dash.noDifferences') });
  return h(
    'ul',
    { class: 'plain differences' },
    lines.map((x) =>
      h('li', {
        class: 'flag-line',
        text: t('dash.difference', {
          option: x.label,
          a: label(x.a),
          b: label(x.b),
          pp: formatNumber(Math.abs(x.diff) * 100, 0),
          low: formatNumber(x.ci95[0] * 100, 0),
          high: formatNumber(x.ci95[1] * 100, 0),
        }),
      }),
    ),
  );
}

/** Segments (groups, municipalities, age bands) side by side, one column per option; suppressed rows named as such. */
// columns: [{key, label}], key being an option's label (policy input) or its optionId (results).
export function segmentsTable(segments, columns, keyLabel, caption, dimensionName) {
  if (!Array.isArray(segments) || segments.length === 0) return h('p', { class: 'hint', text: t('policy.noSegments') });
  return dataTable(
    caption,
    [dimensionName, 'n', ...columns.map((c) => c.label)],
    segments.map((seg) =>
      seg.suppressed
        ? [
            keyLabel(seg.key),
            SUPPRESSED,
            { text: t('overview.suppressed'), colspan: columns.length || 1, className: 'suppressed' },
          ]
        : [
            keyLabel(seg.key),
            count(seg.n),
            ...columns.map(({ key }) => {
              const o = seg.options?.find((x) => x.label === key || x.optionId === key);
              return o ? { text: formatPercent(o.share), title: `95%: ${intervalText(o.ci95)}` } : '–';
            }),
          ],
    ),
  );
}

function segmentsPart(d, dimension, title) {
  const segments = d[dimension === 'group' ? 'groups' : dimension === 'ageBand' ? 'ageBands' : 'municipalities'];
  if (!segments?.length) return null;
  const label = (key) => segmentLabel(dimension, key);
  return [
    h('h4', { text: title }),
    segmentsTable(
      segments,
      d.options.map((o) => ({ key: o.label, label: o.label })),
      label,
      t('dash.segmentsCaption', { what: title, question: d.question }),
      term(`dimension.${dimension}`, {}, t(`by.${dimension}`)),
    ),
    differenceLines(d, dimension, label),
  ];
}

function eveningsPart(d, suppressBelow) {
  const rows = d.comparison?.evenings ?? [];
  if (rows.length < 2) return null;
  const lead = leadingOption(d);
  if (!lead) return null;
  const visible = rows.filter((e) => !e.suppressed);
  const shareOf = (e) => e.options?.find((o) => o.label === lead.label) ?? null;
  const title = (id) => rows.find((e) => e.eveningId === id)?.title ?? id;
  const table = dataTable(
    t('dash.eveningsCaption', { option: lead.label }),
    [term('dimension.evening', {}, 'Avond'), 'n', lead.label, term('measure.interval', {}, '95%-interval')],
    rows.map((e) =>
      e.suppressed
        ? [e.title, SUPPRESSED, SUPPRESSED, { text: t('overview.suppressed'), className: 'suppressed' }]
        : [e.title, count(e.total), formatPercent(shareOf(e)?.share), intervalText(shareOf(e)?.ci95)],
    ),
    { hidden: true },
  );
  return [
    h('h4', { text: t('dash.eveningsTitle') }),
    shareChart({
      title: t('dash.eveningsChart', { option: lead.label }),
      rows: visible.map((e) => ({ label: e.municipality })),
      series: [
        {
          name: lead.label,
          values: visible.map((e) => shareOf(e)?.share ?? null),
          intervals: visible.map((e) => shareOf(e)?.ci95 ?? null),
        },
      ],
      table,
    }),
    rows.some((e) => e.suppressed) ? h('p', { class: 'hint', text: t('dash.eveningsHidden', { n: suppressBelow }) }) : null,
    differenceLines(d, 'evening', title),
  ];
}

function shiftPart(d) {
  const s = d.shift;
  if (!s) return null;
  const parts = [h('h4', { text: `${term('dimension.shift', {}, 'Verschuiving na discussie')} (${s.label ?? ''})` })];
  if (s.suppressed || !s.options) {
    parts.push(h('p', { class: 'hint', text: s.suppressed ? t('dash.shiftSuppressed') : t('dash.shiftNone') }));
    return parts;
  }
  parts.push(
    h('p', { text: t('dash.shiftN', { n: count(s.n), first: count(s.firstTotal), last: count(s.lastTotal) }) }),
    dataTable(
      t('dash.shiftCaption', { question: d.question }),
      [
        t('dash.option'),
        term('measure.firstRound', {}, 'Eerste ronde'),
        term('measure.lastRound', {}, 'Laatste ronde'),
        term('measure.shiftPp', {}, 'Verschuiving in procentpunten'),
        term('measure.interval', {}, '95%-interval'),
        t('dash.moved'),
      ],
      s.options.map((o) => [
        o.label,
        formatPercent(o.firstShare),
        formatPercent(o.lastShare),
        { text: `${o.shiftPp >= 0 ? '+' : ''}${formatNumber(o.shiftPp, 1)}`, className: o.pValue < 0.05 ? 'flagged' : null },
        Array.isArray(o.shiftCi95Pp) ? `${formatNumber(o.shiftCi95Pp[0], 1)} – ${formatNumber(o.shiftCi95Pp[1], 1)}` : '–',
        t('dash.movedText', { to: o.movedTo, from: o.movedFrom }),
      ]),
    ),
    s.mcnemar ? h('p', { text: t('dash.mcnemar', { p: formatNumber(s.mcnemar.pValue, 3) }) }) : null,
    typeof s.meanShift === 'number' ? h('p', { text: t('dash.meanShift', { value: formatNumber(s.meanShift, 2) }) }) : null,
    s.manual && (s.manual.first || s.manual.last)
      ? h('p', { class: 'hint', text: t('dash.shiftManual', { first: s.manual.first, last: s.manual.last }) })
      : null,
    explain('explain.shift'),
  );
  return parts;
}

function consequencesPart(d) {
  if (!d.consequences?.length) return null;
  return [
    h('h4', { text: term('dimension.consequence', {}, 'Gevolgen') }),
    h(
      'ul',
      { class: 'plain' },
      d.consequences.map((c) =>
        h(
          'li',
          {},
          c.suppressed ? h('strong', { text: '∅ ' }) : h('strong', { text: `${formatPercent(c.share)} ` }),
          t('policy.acceptedAnyway', { label: c.label }),
          h('q', { text: c.consequence }),
          c.suppressed ? null : h('span', { class: 'hint', text: ` (95%: ${intervalText(c.ci95)}; n=${count(c.n)})` }),
        ),
      ),
    ),
    explain('explain.consequence'),
  ];
}

/** The body of one dilemma (drawn when its section is opened). `ctx`: {token, suppressBelow}. */
export function dilemmaBody(d, ctx) {
  const n = ctx.suppressBelow;
  if (d.suppressed) return [meta(d), h('p', { class: 'message info', text: t('dash.dilemmaSuppressed', { n }) })];
  const detail = h('div', { class: 'detail' });
  return [
    d.description ? h('p', { class: 'hint', text: d.description }) : null,
    meta(d),
    typeof d.consensus === 'number'
      ? [
          h('p', {
            class: 'consensus',
            text: t('policy.consensus', {
              label: term('measure.consensus'),
              value: formatNumber(d.consensus, 2),
              word: consensusWord(d.consensus),
            }),
          }),
          explain('explain.consensus'),
        ]
      : null,
    optionsPart(d),
    d.scale && typeof d.scale.mean === 'number'
      ? h('p', { text: t('live.mean', { mean: formatNumber(d.scale.mean, 2) }) })
      : null,
    segmentsPart(d, 'group', t('policy.groups')),
    explain('explain.groups'),
    segmentsPart(d, 'ageBand', t('policy.ageBands')),
    segmentsPart(d, 'municipality', t('policy.municipalities')),
    eveningsPart(d, n),
    shiftPart(d),
    consequencesPart(d),
    explain('explain.suppression', { n }),
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
  ];
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
    ['group', 'municipality', 'ageBand'].map((b) =>
      h('option', { value: b, text: term(`dimension.${b}`, {}, t(`by.${b}`)), selected: b === by }),
    ),
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
  const suppressBelow = r.suppressBelow ?? ctx.suppressBelow;
  fill(
    container,
    h('div', { class: 'inline-form' }, field(t('policy.by'), bySelect), field(t('policy.round'), roundSelect)),
    r.suppressed || r.total === null
      ? h('p', { class: 'message info', text: t('dash.dilemmaSuppressed', { n: suppressBelow }) })
      : [
          h('p', {
            class: 'meta',
            text: `${t('policy.respondents', { n: count(r.total) })}${r.manual?.total ? ` · ${t('policy.manualPart', { n: r.manual.total })}` : ''}`,
          }),
          dataTable(
            t('dash.optionsTitle'),
            [
              t('dash.option'),
              term('measure.share', {}, 'Aandeel'),
              term('measure.interval', {}, '95%-interval'),
              term('measure.count', {}, 'Aantal'),
            ],
            (r.options ?? []).map((o) => [o.label, formatPercent(o.share), intervalText(o.ci95), count(o.count)]),
          ),
        ],
    segmentsTable(
      r.segments,
      (r.options ?? []).map((o) => ({ key: o.optionId, label: o.label })),
      (key) => segmentLabel(by, key),
      t('dash.segmentsCaption', { what: term(`dimension.${by}`, {}, t(`by.${by}`)), question: '' }),
      term(`dimension.${by}`, {}, t(`by.${by}`)),
    ),
  );
}
