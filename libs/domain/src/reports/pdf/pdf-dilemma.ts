/**
 * One dilemma in its theme's chapter: the question, a bar chart with intervals, the figures per option, then
 * groups, municipalities and age bands side by side, the weighted estimate, the shift after discussion, the
 * consequences, the evenings and the differences that hold up. Suppressed cells come from the input and are
 * shown as "Niet getoond"; nothing here decides what to hide.
 */
import { type Interval, consensusWord, kindLabel, segmentLabel, term } from '@hs/contracts';
import { differences, optionLabel } from '../report-csv';
import { type ReportDilemma, type ReportSegment, hidden } from '../report-input';
import { dutchDecimal, interval, pct, pp } from '../report-text';
import { barChart, type Column, table, type TableCell } from './pdf-table';
import type { PdfWriter } from './pdf-writer';

const HIDDEN: TableCell = { text: term('measure.suppressed'), muted: true };
/** Segment columns per table: more would squeeze the figures; the rest follow in a second table. */
const PER_TABLE = 5;

export function dilemmaBlock(w: PdfWriter, number: string, d: ReportDilemma, suppressBelow: number): void {
  w.heading(`${number}  ${d.question}`);
  if (d.description) w.muted(d.description);
  const places = [...new Set(d.evenings.map((e) => e.municipality))].join(', ');
  const facts = [
    kindLabel(d.kind),
    d.total === null ? null : `${d.total} deelnemers${d.manualTotal ? ` (waarvan ${d.manualTotal} handgeteld)` : ''}`,
    `${d.evenings.length === 1 ? '1 avond' : `${d.evenings.length} avonden`}: ${places}`,
    d.consensus === null
      ? null
      : `${term('measure.consensus').toLowerCase()} ${dutchDecimal(d.consensus, 2)} (${consensusWord(d.consensus)})`,
    d.scale?.mean == null ? null : `gemiddelde ${dutchDecimal(d.scale.mean, 2)}`,
  ];
  w.muted(facts.filter(Boolean).join(' · '));
  if (hidden(d)) {
    w.text(
      `${term('measure.suppressed')}: te weinig deelnemers (minder dan ${suppressBelow}, of nodig om een kleine groep te beschermen).`,
      { gap: 0.6 },
    );
    return;
  }
  const budget = d.kind === 'budget';
  barChart(
    w,
    d.options.map((o) => ({
      label: optionLabel(d, o.label),
      share: o.suppressed ? null : o.share,
      ci95: o.ci95,
      value:
        o.suppressed || o.share === null
          ? term('measure.suppressed')
          : budget
            ? `${pct(o.share)} van de punten`
            : `${pct(o.share)} (${o.count})`,
    })),
  );
  optionsTable(w, d);
  segmentTable(w, d, 'dimension.group', 'group', d.groups);
  segmentTable(w, d, 'dimension.municipality', 'municipality', d.municipalities);
  segmentTable(w, d, 'dimension.ageBand', 'ageBand', d.ageBands);
  weighting(w, d);
  shift(w, d);
  consequences(w, d);
  evenings(w, d);
  const flagged = differences(d);
  if (flagged.length) {
    w.subheading(term('measure.differs'));
    for (const x of flagged) w.bullet(`${term(x.part)} ${x.between}: ‘${optionLabel(d, x.label)}’`, 9);
  }
  w.doc.moveDown(0.6);
}

function optionsTable(w: PdfWriter, d: ReportDilemma): void {
  const budget = d.kind === 'budget';
  const columns: Column[] = [
    { header: 'Optie', weight: 4 },
    { header: term(budget ? 'measure.points' : 'measure.count'), weight: 1.2, align: 'right' },
    { header: term(budget ? 'measure.pointsShare' : 'measure.share'), weight: 1.3, align: 'right' },
    { header: term('measure.interval'), weight: 1.6, align: 'right' },
  ];
  if (budget)
    columns.push(
      { header: term('measure.meanPoints'), weight: 1.4, align: 'right' },
      { header: term('measure.giversShare'), weight: 1.4, align: 'right' },
    );
  if (d.options.some((o) => o.manual)) columns.push({ header: term('measure.manual'), weight: 1.2, align: 'right' });
  const withManual = columns.at(-1)!.header === term('measure.manual');
  table(
    w,
    columns,
    d.options.map((o) => {
      if (o.suppressed || o.share === null) return [optionLabel(d, o.label), ...columns.slice(1).map(() => HIDDEN)];
      const row: TableCell[] = [optionLabel(d, o.label), String(o.count), pct(o.share), interval(o.ci95)];
      if (budget) row.push(dutchDecimal(o.meanPoints ?? null, 1), o.giversShare == null ? '' : pct(o.giversShare));
      if (withManual) row.push(String(o.manual ?? 0));
      return row;
    }),
  );
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.length ? out : [[]];
}

/**
 * Options as rows (their full label wraps in the wide first column), segments as columns, at most five per table:
 * a share with its interval per cell; a suppressed segment's column says so in every row.
 */
function segmentTable(
  w: PdfWriter,
  d: ReportDilemma,
  title: 'dimension.group' | 'dimension.municipality' | 'dimension.ageBand',
  dimension: 'group' | 'municipality' | 'ageBand',
  segments: ReportSegment[],
): void {
  if (!segments.length) return;
  w.subheading(`Per ${term(title).toLowerCase()}`);
  sideBySide(
    w,
    d,
    segments.map((s) => ({
      header:
        s.suppressed || !s.options
          ? `${segmentLabel(dimension, s.key)} (${term('measure.suppressed').toLowerCase()})`
          : `${segmentLabel(dimension, s.key)} (n=${s.n})`,
      options: s.suppressed ? null : s.options,
    })),
  );
}

type SideColumn = { header: string; options: Array<{ label: string; share: number; ci95: Interval }> | null };

function sideBySide(w: PdfWriter, d: ReportDilemma, columns: SideColumn[]): void {
  for (const chunk of chunks(columns, PER_TABLE)) {
    table(
      w,
      [{ header: 'Optie', weight: 2.8 }, ...chunk.map((c) => ({ header: c.header, weight: 1.8, align: 'right' as const }))],
      d.options.map((option) => [
        optionLabel(d, option.label),
        ...chunk.map((c): TableCell => {
          if (!c.options) return HIDDEN;
          const o = c.options.find((x) => x.label === option.label);
          return o ? `${pct(o.share)} (${interval(o.ci95)})` : '–';
        }),
      ]),
    );
  }
}

function weighting(w: PdfWriter, d: ReportDilemma): void {
  const g = d.weighting;
  if (!g) return;
  w.subheading(term('dimension.weighting'));
  if (g.suppressed) return w.muted(term('measure.suppressed'));
  w.muted(
    `Gewogen naar huurhuishoudens per gemeente${g.method === 'raking' ? ' en leeftijd' : ''}: ${g.municipalities.join(', ')}. ` +
      `${term('measure.effectiveN')}: ${dutchDecimal(g.effectiveN, 0)} van ${g.respondents}.`,
  );
  if (g.designEffectLarge)
    w.text(
      `Let op: de weging leunt op weinig mensen (design-effect ${dutchDecimal(g.designEffect ?? null, 1)}); lees de gewogen aandelen met voorzichtigheid.`,
      { size: 9, gap: 0.2 },
    );
  table(
    w,
    [
      { header: 'Optie', weight: 4 },
      { header: term('measure.raw'), weight: 1.6, align: 'right' },
      { header: term('measure.weighted'), weight: 1.6, align: 'right' },
      { header: term('measure.interval'), weight: 1.8, align: 'right' },
    ],
    g.options.map((o) => [optionLabel(d, o.label), pct(o.rawShare), pct(o.weightedShare), interval(o.ci95)]),
  );
}

function shift(w: PdfWriter, d: ReportDilemma): void {
  const s = d.shift;
  if (!s) return;
  w.subheading(
    `${term('dimension.shift')} (${s.label ?? `op ${s.dilemmas} ${s.dilemmas === 1 ? 'avond' : 'avonden'} opnieuw gestemd`})`,
  );
  if (s.suppressed || !s.options) return w.muted(`${term('measure.suppressed')}: te weinig mensen stemden twee keer.`);
  const paired = typeof s.n === 'number';
  w.muted(
    paired
      ? `Over de ${s.n} mensen die in beide rondes stemden.${s.manual ? ` Handgeteld, apart: ${s.manual.first} in de eerste, ${s.manual.last} in de laatste ronde.` : ''}`
      : `Eerste ronde ${s.firstTotal} deelnemers, laatste ronde ${s.lastTotal}; niet per persoon gekoppeld.`,
  );
  table(
    w,
    [
      { header: 'Optie', weight: 4 },
      { header: term('measure.firstRound'), weight: 1.4, align: 'right' },
      { header: term('measure.lastRound'), weight: 1.4, align: 'right' },
      { header: 'Verschuiving', weight: 2, align: 'right' },
      ...(paired ? [{ header: term('measure.interval'), weight: 2, align: 'right' as const }] : []),
    ],
    s.options.map((o) => {
      const row: TableCell[] = [optionLabel(d, o.label), pct(o.firstShare), pct(o.lastShare), pp(o.shiftPp)];
      if (paired) row.push(o.shiftCi95Pp ? `${dutchDecimal(o.shiftCi95Pp[0], 1)} tot ${dutchDecimal(o.shiftCi95Pp[1], 1)}` : '');
      return row;
    }),
  );
  if (s.mcnemar)
    w.muted(
      `McNemar-toets op de wissels tussen ‘${s.mcnemar.labels[0]}’ en ‘${s.mcnemar.labels[1]}’: p = ${dutchDecimal(s.mcnemar.pValue, 3)}.`,
    );
}

function consequences(w: PdfWriter, d: ReportDilemma): void {
  if (!d.consequences.length) return;
  w.subheading(term('dimension.consequence'));
  table(
    w,
    [
      { header: 'Optie', weight: 3 },
      { header: term('measure.consequence'), weight: 3 },
      { header: term(d.kind === 'budget' ? 'measure.gavePointsAnyway' : 'measure.acceptedAnyway'), weight: 1.5, align: 'right' },
      { header: term('measure.interval'), weight: 1.6, align: 'right' },
      { header: 'n', weight: 0.8, align: 'right' },
    ],
    d.consequences.map((c) =>
      c.suppressed || c.share === null
        ? [optionLabel(d, c.label), c.consequence, HIDDEN, '', '']
        : [optionLabel(d, c.label), c.consequence, pct(c.share), interval(c.ci95), String(c.n ?? '')],
    ),
  );
}

function evenings(w: PdfWriter, d: ReportDilemma): void {
  const rows = d.comparison?.evenings ?? [];
  if (rows.length < 2) return;
  w.subheading('Per avond');
  sideBySide(
    w,
    d,
    rows.map((e) => ({
      header: `${e.title} (${e.suppressed || !e.options ? term('measure.suppressed').toLowerCase() : `n=${e.total}`})`,
      options: e.suppressed ? null : e.options,
    })),
  );
}
