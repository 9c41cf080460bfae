/**
 * The CSV export in long ("tidy") form: one measurement per row, so it pivots in Excel and loads in
 * R or pandas without reshaping. Written for Excel with Dutch settings: `;` between fields, a decimal
 * comma, UTF-8 with a byte-order mark (without it Excel reads UTF-8 as Windows-1252), CRLF line ends.
 * Every value people read is in the glossary's words (no internal codes); the dilemma is its number in
 * the report ("2.3", as in the PDF and the XLSX). Columns (docs/METHODS.md, "CSV export"):
 *   thema; dilemma; vraag; soort; onderdeel; segment; optie; maat; waarde; ci95_laag; ci95_hoog; n; onderdrukt
 */
import { type GlossaryKey, type Interval, kindLabel, scaleValueLabel, segmentLabel, term } from '@hs/contracts';
import { type ReportDilemma, type ReportInput, type ReportSegment, hidden, numbered } from './report-input';

export const CSV_HEADER = [
  'thema',
  'dilemma',
  'vraag',
  'soort',
  'onderdeel',
  'segment',
  'optie',
  'maat',
  'waarde',
  'ci95_laag',
  'ci95_hoog',
  'n',
  'onderdrukt',
];

type Cell = string | number | null;

/** A number with a decimal comma and a fixed number of decimals; integers stay integers. */
export function dutchNumber(value: number | null | undefined, decimals = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(decimals).replace('.', ',');
}

/**
 * One field: quoted when it holds ; " CR LF or edge spaces, quotes doubled (RFC 4180). Text that
 * Excel would run as a formula (= + - @ at the start) gets a leading apostrophe (OWASP "CSV injection").
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return dutchNumber(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(,\d+)?$/.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(input: ReportInput): string {
  const lines: string[] = [CSV_HEADER.join(';')];
  for (const { theme, number, dilemma } of numbered(input)) {
    for (const row of dilemmaRows(theme.name, number, dilemma)) lines.push(row.map(csvField).join(';'));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** An option's label as people read it: a scale value with its words ("4 – Eens"). */
export function optionLabel(d: Pick<ReportDilemma, 'kind'>, label: string): string {
  return d.kind === 'scale' ? scaleValueLabel(label) : label;
}

function dilemmaRows(themeName: string, number: string, d: ReportDilemma): Cell[][] {
  const rows: Cell[][] = [];
  const base = [themeName, number, d.question, kindLabel(d.kind)];
  const add: Add = (part, segment, option, measure, value, ci, n, suppressed = false) =>
    rows.push([
      ...base,
      term(part),
      segment,
      option ? optionLabel(d, option) : '',
      term(measure),
      value,
      ci ? dutchNumber(ci[0]) : '',
      ci ? dutchNumber(ci[1]) : '',
      n ?? null,
      term(suppressed ? 'yes' : 'no'),
    ]);
  const hiddenRow = (part: GlossaryKey, segment: string, option = '') =>
    add(part, segment, option, 'measure.suppressed', null, null, null, true);

  if (hidden(d)) {
    hiddenRow('dimension.total', '');
    return rows;
  }
  const budget = d.kind === 'budget';
  add('dimension.total', '', '', 'measure.respondents', dutchNumber(d.total), null, d.total);
  add('dimension.total', '', '', 'measure.manual', dutchNumber(d.manualTotal), null, d.total);
  add('dimension.total', '', '', 'measure.consensus', dutchNumber(d.consensus, 3), null, d.total);
  if (d.scale) add('dimension.total', '', '', 'measure.mean', dutchNumber(d.scale.mean, 2), null, d.total);
  for (const o of d.options) {
    if (o.suppressed) {
      hiddenRow('dimension.total', '', o.label);
      continue;
    }
    add('dimension.total', '', o.label, budget ? 'measure.points' : 'measure.count', dutchNumber(o.count), null, d.total);
    add('dimension.total', '', o.label, budget ? 'measure.pointsShare' : 'measure.share', dutchNumber(o.share), o.ci95, d.total);
    if (budget) {
      add('dimension.total', '', o.label, 'measure.meanPoints', dutchNumber(o.meanPoints, 2), null, d.total);
      add('dimension.total', '', o.label, 'measure.giversShare', dutchNumber(o.giversShare), null, d.total);
    }
  }
  const segments = (part: GlossaryKey, dimension: 'group' | 'municipality' | 'ageBand', list: ReportSegment[]) => {
    for (const s of list) {
      const name = segmentLabel(dimension, s.key);
      if (s.suppressed || !s.options) {
        hiddenRow(part, name);
        continue;
      }
      for (const o of s.options) add(part, name, o.label, 'measure.share', dutchNumber(o.share), o.ci95, s.n);
    }
  };
  segments('dimension.group', 'group', d.groups);
  segments('dimension.municipality', 'municipality', d.municipalities);
  segments('dimension.ageBand', 'ageBand', d.ageBands);
  if (d.weighting?.suppressed) hiddenRow('dimension.weighting', '');
  else if (d.weighting) {
    for (const o of d.weighting.options) {
      add('dimension.weighting', '', o.label, 'measure.raw', dutchNumber(o.rawShare), o.rawCi95, d.weighting.respondents);
      add('dimension.weighting', '', o.label, 'measure.weighted', dutchNumber(o.weightedShare), o.ci95, d.weighting.respondents);
    }
  }
  shiftRows(d, add, hiddenRow);
  for (const c of d.consequences) {
    if (c.suppressed || c.share === null) hiddenRow('dimension.consequence', '', c.label);
    else
      add(
        'dimension.consequence',
        '',
        c.label,
        budget ? 'measure.gavePointsAnyway' : 'measure.acceptedAnyway',
        dutchNumber(c.share),
        c.ci95,
        c.n,
      );
  }
  if (d.comparison) {
    for (const e of d.comparison.evenings) {
      const name = `${e.title} (${e.municipality})`;
      if (e.suppressed || !e.options) hiddenRow('dimension.evening', name);
      else
        for (const o of e.options)
          add('dimension.evening', name, o.label, 'measure.share', dutchNumber(o.share), o.ci95, e.total);
    }
  }
  for (const diff of differences(d)) add(diff.part, diff.between, diff.label, 'measure.differs', term('yes'), diff.ci95, null);
  return rows;
}

type Add = (
  part: GlossaryKey,
  segment: string,
  option: string,
  measure: GlossaryKey,
  value: string | null,
  ci?: Interval | null,
  n?: number | null,
  suppressed?: boolean,
) => void;

function shiftRows(d: ReportDilemma, add: Add, hiddenRow: (part: GlossaryKey, segment: string) => void): void {
  const s = d.shift;
  if (!s) return;
  if (s.suppressed || !s.options) {
    hiddenRow('dimension.shift', '');
    return;
  }
  // Paired input: every figure is of the n people who voted in both rounds; older input: of each round's voters.
  const paired = typeof s.n === 'number';
  for (const o of s.options) {
    add('dimension.shift', '', o.label, 'measure.firstRound', dutchNumber(o.firstShare), null, paired ? s.n : s.firstTotal);
    add('dimension.shift', '', o.label, 'measure.lastRound', dutchNumber(o.lastShare), null, paired ? s.n : s.lastTotal);
    const ci = o.shiftCi95Pp ? ([o.shiftCi95Pp[0], o.shiftCi95Pp[1]] as Interval) : null;
    add('dimension.shift', '', o.label, 'measure.shiftPp', dutchNumber(o.shiftPp, 1), ci, paired ? s.n : s.lastTotal);
  }
  if (paired) add('dimension.shift', '', '', 'measure.pairedN', dutchNumber(s.n), null, s.n);
}

/** Differences that hold up, named in the glossary's words: flagged ones where the input has them, else non-overlapping evenings. */
export function differences(
  d: ReportDilemma,
): Array<{ part: GlossaryKey; between: string; label: string; ci95: Interval | null }> {
  const evening = (id: string) => d.comparison?.evenings.find((e) => e.eveningId === id)?.title ?? id;
  if (d.differences) {
    const dimensionTerm = {
      group: 'dimension.group',
      municipality: 'dimension.municipality',
      ageBand: 'dimension.ageBand',
      evening: 'dimension.evening',
    } as const;
    return d.differences
      .filter((x) => x.holds)
      .map((x) => {
        const name = (key: string) => (x.dimension === 'evening' ? evening(key) : segmentLabel(x.dimension, key));
        return { part: dimensionTerm[x.dimension], between: `${name(x.a)} / ${name(x.b)}`, label: x.label, ci95: x.ci95 };
      });
  }
  return (d.comparison?.differs ?? []).map((x) => ({
    part: 'dimension.evening',
    between: x.evenings.map(evening).join(' / '),
    label: x.label,
    ci95: null,
  }));
}
