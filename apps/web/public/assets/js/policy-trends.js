// The trends section of the policy dashboard: the same dilemma across consultation rounds (GET /api/trends).
// Per round the pooled shares with their 95% interval; between rounds a change is named only where the 95%
// interval of the difference excludes zero (docs/METHODS.md, "Trends"). A suppressed round shows no numbers.
import { api } from './api.js';
import { fill, h } from './dom.js';
import { formatPercent } from './format.js';
import { errorText, t } from './staff.js';

const points = (difference) => {
  const pp = Math.round(difference * 100);
  return `${pp > 0 ? '+' : ''}${pp}`;
};

function changeText(change) {
  const range = t('trends.range', { low: points(change.ci95[0]), high: points(change.ci95[1]) });
  if (!change.changed) return `${t('trends.noChange')} (${points(change.difference)} ${t('trends.pp')}; ${range})`;
  const key = change.difference > 0 ? 'trends.up' : 'trends.down';
  return `${t(key, { pp: String(Math.abs(Math.round(change.difference * 100))) })} (${range})`;
}

function trendTable(trend, suppressBelow) {
  const labels = trend.rounds.find((r) => r.options)?.options.map((o) => o.label) ?? [];
  const changeFor = (index) => trend.changes[index - 1];
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table compact' },
      h('caption', { text: trend.question }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: t('trends.round') }),
          h('th', { scope: 'col', text: 'n' }),
          labels.map((label) => h('th', { scope: 'col', text: label })),
        ),
      ),
      h(
        'tbody',
        {},
        trend.rounds.map((round, index) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', text: round.name }),
            h('td', { text: round.suppressed ? '–' : String(round.total) }),
            round.suppressed
              ? h('td', { colspan: String(Math.max(1, labels.length)), text: t('policy.suppressed', { n: suppressBelow }) })
              : round.options.map((o, i) => {
                  const change = index > 0 ? changeFor(index)?.options?.[i] : null;
                  return h(
                    'td',
                    {},
                    h('span', { text: `${formatPercent(o.share)} (${formatPercent(o.ci95[0])} – ${formatPercent(o.ci95[1])})` }),
                    change
                      ? h('span', { class: change.changed ? 'trend-change flagged' : 'trend-change', text: changeText(change) })
                      : null,
                  );
                }),
          ),
        ),
      ),
    ),
  );
}

/** Loads and draws the trends for the dashboard's current filter into `section` (theme and municipality optional). */
export async function drawTrends(section, { token, theme, municipality }) {
  const query = new URLSearchParams();
  if (theme) query.set('theme', theme);
  if (municipality) query.set('municipality', municipality);
  let trends;
  try {
    trends = await api(`/api/trends?${query}`, { token });
  } catch (error) {
    fill(section, h('h2', { text: t('trends.title') }), h('p', { class: 'message error', text: errorText(error) }));
    return;
  }
  fill(
    section,
    h('h2', { text: t('trends.title') }),
    h('p', { class: 'hint', text: t('trends.explain') }),
    trends.trends.length === 0
      ? h('p', { class: 'hint', text: t('trends.none') })
      : trends.trends.map((trend) => trendTable(trend, trends.suppressBelow)),
  );
}
