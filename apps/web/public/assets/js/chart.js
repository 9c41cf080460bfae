// Bar charts as plain DOM (widths as inline styles, which the CSP allows), for the tenant, the
// projector screen, the console and the dashboard. Labels are set as text.
import { h } from './dom.js';
import { formatNumber, formatPercent } from './format.js';

/**
 * rows: [{label, value, share (0..1), ci: [low, high]?, note?}]; opts.unit: 'votes' | 'points';
 * opts.valueText(row) overrides the number shown after the bar.
 */
export function barChart(rows, opts = {}) {
  // Live tallies fill the width with the largest bar; bars with an interval keep the true 0–100% scale
  // so that the interval can be read against it.
  const withCi = rows.some((r) => Array.isArray(r.ci));
  const max = withCi ? 1 : Math.max(0, ...rows.map((r) => r.share ?? 0));
  return h(
    'div',
    { class: `chart ${opts.className ?? ''}`, role: 'list' },
    rows.map((row) => {
      const width = max > 0 ? ((row.share ?? 0) / max) * 100 : 0;
      const ci =
        Array.isArray(row.ci) && max > 0
          ? h('span', {
              class: 'chart-ci',
              title: `95%: ${formatPercent(row.ci[0])} – ${formatPercent(row.ci[1])}`,
              style: {
                left: `${Math.max(0, row.ci[0]) * 100}%`,
                width: `${Math.max(0, Math.min(1, row.ci[1]) - Math.max(0, row.ci[0])) * 100}%`,
              },
            })
          : null;
      const value = opts.valueText ? opts.valueText(row) : `${formatPercent(row.share)} (${formatNumber(row.value, 0)})`;
      return h(
        'div',
        { class: 'chart-row', role: 'listitem' },
        h('div', { class: 'chart-label', text: row.label }),
        h(
          'div',
          { class: 'chart-track' },
          h('span', { class: 'chart-bar', style: { width: `${Math.min(100, width)}%` } }),
          ci,
          h('span', { class: 'chart-value', text: value }),
        ),
        row.note ? h('div', { class: 'chart-note', text: row.note }) : null,
      );
    }),
  );
}

/**
 * Rows for a live tally ({total, counts, mean}) of a dilemma: per option (budget: points), or per
 * value 1..5 for a scale with scaleLabels. Shares of all votes (of all points for a budget).
 */
export function tallyRows(dilemma, tally, scaleLabels) {
  const counts = tally?.counts ?? {};
  if (dilemma.kind === 'scale') {
    const total = [1, 2, 3, 4, 5].reduce((sum, v) => sum + (counts[String(v)] ?? 0), 0);
    return [1, 2, 3, 4, 5].map((v) => ({
      label: `${v} · ${scaleLabels[v - 1]}`,
      value: counts[String(v)] ?? 0,
      share: total > 0 ? (counts[String(v)] ?? 0) / total : 0,
    }));
  }
  const denominator =
    dilemma.kind === 'budget' ? dilemma.options.reduce((sum, o) => sum + (counts[o.id] ?? 0), 0) : (tally?.total ?? 0);
  return dilemma.options.map((option) => ({
    label: option.label,
    value: counts[option.id] ?? 0,
    share: denominator > 0 ? (counts[option.id] ?? 0) / denominator : 0,
  }));
}
