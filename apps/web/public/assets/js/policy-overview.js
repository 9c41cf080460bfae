// The dashboard's overview: one table of dilemmas × municipalities. Each cell is the share of the option that
// leads over all evenings in scope, in that municipality, with its 95% interval and n; a suppressed cell says so
// (the API decides which, never this page); the background follows a colour scale of the share.
import { h } from './dom.js';
import { formatPercent } from './format.js';
import { term } from './glossary.js';
import { count, intervalText } from './policy-charts.js';
import { t } from './staff.js';

/** The municipalities the evenings in scope serve, in Dutch alphabetical order. */
export function municipalitiesOf(input) {
  const names = new Set();
  for (const e of input?.evenings ?? [])
    for (const m of e.municipalities?.length ? e.municipalities : [e.municipality]) names.add(m);
  return [...names].sort((a, b) => a.localeCompare(b, 'nl'));
}

/** The pooled option with the largest share (of those shown), or null. */
export function leadingOption(d) {
  const shown = (d.options ?? []).filter((o) => !o.suppressed && typeof o.share === 'number');
  return shown.reduce((best, o) => (best === null || o.share > best.share ? o : best), null);
}

const heat = (share) => `heat-${Math.min(4, Math.max(0, Math.floor(share * 5)))}`;

function cell(segment, label, municipality) {
  if (!segment) return h('td', { class: 'matrix-cell empty', text: '·', title: t('overview.noEvening', { m: municipality }) });
  if (segment.suppressed)
    return h(
      'td',
      { class: 'matrix-cell suppressed', 'data-suppressed': 'true' },
      h('span', { 'aria-hidden': 'true', text: '∅ ' }),
      h('span', { text: t('overview.suppressed') }),
    );
  const option = segment.options?.find((o) => o.label === label);
  if (!option) return h('td', { class: 'matrix-cell empty', text: '–' });
  return h(
    'td',
    { class: `matrix-cell ${heat(option.share)}` },
    h('strong', { text: formatPercent(option.share) }),
    h('span', { class: 'matrix-ci', text: `${intervalText(option.ci95)} · n=${count(segment.n)}` }),
  );
}

function legend() {
  return h(
    'div',
    { class: 'matrix-legend', 'aria-hidden': 'true' },
    h('span', { text: t('overview.scale') }),
    [0, 1, 2, 3, 4].map((i) => h('span', { class: `swatch heat-${i}`, text: `${i * 20}–${i * 20 + 20}%` })),
    h('span', { class: 'swatch suppressed', text: `∅ ${term('measure.suppressed', {}, 'Niet getoond')}` }),
  );
}

/** The matrix over every dilemma in scope; `anchor(d)` gives the id of the dilemma's detail section. */
export function overviewMatrix(input, anchor) {
  const municipalities = municipalitiesOf(input);
  const dilemmas = (input?.themes ?? []).flatMap((theme) => (theme.dilemmas ?? []).map((d) => ({ theme, d })));
  if (dilemmas.length === 0) return null;
  const suppressBelow = input.suppressBelow;
  return h(
    'section',
    { class: 'card overview', 'aria-labelledby': 'overview-title' },
    h('h2', { id: 'overview-title', text: t('overview.title') }),
    h('p', { class: 'hint', text: t('overview.help', { n: suppressBelow }) }),
    legend(),
    h(
      'div',
      { class: 'table-wrap matrix-wrap' },
      h(
        'table',
        { class: 'table matrix' },
        h('caption', { class: 'visually-hidden', text: t('overview.caption') }),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col', text: t('overview.dilemma') }),
            h('th', { scope: 'col', text: t('overview.all') }),
            municipalities.map((m) => h('th', { scope: 'col', text: m })),
          ),
        ),
        h(
          'tbody',
          {},
          dilemmas.map(({ theme, d }) => {
            const lead = leadingOption(d);
            const differs = (d.differences ?? []).filter(
              (x) => x.dimension === 'municipality' && x.holds && x.label === lead?.label,
            );
            return h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row' },
                h('span', { class: 'matrix-theme', text: theme.name ?? theme.theme }),
                h('a', { href: `#${anchor(d)}`, text: d.question }),
                lead ? h('span', { class: 'matrix-lead', text: t('overview.lead', { label: lead.label }) }) : null,
                differs.length ? h('span', { class: 'flag', text: t('overview.differs', { n: differs.length }) }) : null,
              ),
              d.suppressed || !lead
                ? h('td', { class: 'matrix-cell suppressed', text: t('overview.suppressed') })
                : h(
                    'td',
                    { class: `matrix-cell ${heat(lead.share)}` },
                    h('strong', { text: formatPercent(lead.share) }),
                    h('span', { class: 'matrix-ci', text: `${intervalText(lead.ci95)} · n=${count(d.total)}` }),
                  ),
              municipalities.map((m) =>
                cell(
                  (d.municipalities ?? []).find((s) => s.key === m),
                  lead?.label,
                  m,
                ),
              ),
            );
          }),
        ),
      ),
    ),
  );
}
