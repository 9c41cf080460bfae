// The dashboard's charts: Chart.js (its UMD build, served from node_modules at /assets/vendor/chart.js/ and loaded
// by policy.html before this module, so it is window.Chart) with 95% intervals drawn as whiskers. Every chart is a
// canvas with a label for screen readers, followed by a table of the same figures (visually hidden: the table is
// what a screen reader reads, the canvas is what the eye reads).
import { h } from './dom.js';
import { formatNumber, formatPercent } from './format.js';
import { t } from './staff.js';

const INK = '#111418';
const COLOURS = ['#0b3d6b', '#b7791f', '#0a6b3d', '#6b2c91', '#9b1c1c', '#2f5f8a', '#6b5b00', '#3d4650'];

/** Draws each dataset's `intervals` ([low, high] as fractions, or null) as a whisker across its bar. */
const intervalWhiskers = {
  id: 'hsIntervals',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const scale = chart.scales.x;
    chart.data.datasets.forEach((dataset, index) => {
      if (!dataset.intervals || chart.getDatasetMeta(index).hidden) return;
      chart.getDatasetMeta(index).data.forEach((bar, i) => {
        const ci = dataset.intervals[i];
        if (!Array.isArray(ci)) return;
        const from = scale.getPixelForValue(ci[0] * 100);
        const to = scale.getPixelForValue(ci[1] * 100);
        const tick = Math.min(6, (bar.height ?? 12) / 2);
        ctx.save();
        ctx.strokeStyle = INK;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(from, bar.y);
        ctx.lineTo(to, bar.y);
        ctx.moveTo(from, bar.y - tick);
        ctx.lineTo(from, bar.y + tick);
        ctx.moveTo(to, bar.y - tick);
        ctx.lineTo(to, bar.y + tick);
        ctx.stroke();
        ctx.restore();
      });
    });
  },
};

const charts = new WeakMap();

/**
 * Horizontal bars of shares (0..1) with intervals. rows: [{label}], series: [{name, values: [share|null],
 * intervals: [[lo, hi]|null]}]. Returns a figure: the canvas (drawn once it is in the page) and the data table.
 */
export function shareChart({ title, rows, series, table }) {
  const canvas = h('canvas', { role: 'img', 'aria-label': t('chart.label', { title }) });
  const holder = h(
    'div',
    { class: 'chart-canvas', style: { height: `${Math.max(140, rows.length * series.length * 26 + 70)}px` } },
    canvas,
  );
  const figure = h('figure', { class: 'chart-figure' }, h('figcaption', { class: 'chart-title', text: title }), holder, table);
  const Chart = window.Chart;
  if (Chart) Chart.defaults.font.size = 14;
  if (!Chart) {
    holder.replaceChildren(h('p', { class: 'hint', text: t('chart.missing') }));
    return figure;
  }
  // Chart.js measures its parent: create it once the figure is in the document.
  queueMicrotask(() => draw());
  function draw() {
    if (!canvas.isConnected) return void requestAnimationFrame(draw);
    charts.get(canvas)?.destroy();
    charts.set(
      canvas,
      new Chart(canvas, {
        type: 'bar',
        plugins: [intervalWhiskers],
        data: {
          labels: rows.map((r) => wrap(r.label)),
          datasets: series.map((s, i) => ({
            label: s.name,
            data: s.values.map((v) => (typeof v === 'number' ? v * 100 : null)),
            intervals: s.intervals,
            backgroundColor: s.colour ?? COLOURS[i % COLOURS.length],
            maxBarThickness: 22,
          })),
        },
        options: {
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%`, color: INK }, grid: { color: '#d5dbe1' } },
            y: { ticks: { color: INK, autoSkip: false } },
          },
          plugins: {
            legend: { display: series.length > 1, labels: { color: INK } },
            tooltip: {
              callbacks: {
                label: (item) => {
                  const ci = series[item.datasetIndex].intervals?.[item.dataIndex];
                  const value = formatPercent(item.raw / 100);
                  return `${item.dataset.label}: ${value}${Array.isArray(ci) ? ` (95%: ${intervalText(ci)})` : ''}`;
                },
              },
            },
          },
        },
      }),
    );
  }
  return figure;
}

/** Long labels wrap over lines of about 38 characters instead of being cut off. */
function wrap(label) {
  const words = String(label ?? '').split(/\s+/);
  const lines = [];
  let line = '';
  for (const word of words) {
    if (line && (line + ' ' + word).length > 38) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export const intervalText = (ci) => (Array.isArray(ci) ? `${formatPercent(ci[0])} – ${formatPercent(ci[1])}` : '–');

/** A data table: head [text], rows [[cell]] where a cell is text or {text, className}; `hidden` for the chart's screen-reader copy. */
export function dataTable(caption, head, rows, { hidden = false } = {}) {
  return h(
    'div',
    { class: hidden ? 'visually-hidden' : 'table-wrap' },
    h(
      'table',
      { class: 'table compact' },
      h('caption', { class: hidden ? null : 'visually-hidden', text: caption }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          head.map((text, i) => h('th', { scope: 'col', text, class: i > 0 ? 'num' : null })),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            {},
            row.map((cell, i) => {
              const c = typeof cell === 'object' && cell !== null ? cell : { text: cell };
              return i === 0
                ? h('th', { scope: 'row', text: c.text ?? '', class: c.className })
                : h('td', { text: c.text ?? '', class: `num ${c.className ?? ''}`, colspan: c.colspan, title: c.title });
            }),
          ),
        ),
      ),
    ),
  );
}

export const count = (n) => (typeof n === 'number' ? formatNumber(n, 0) : '–');
