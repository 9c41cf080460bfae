/**
 * The CSV export in long ("tidy") form: one measurement per row, so it pivots in Excel and loads in
 * R or pandas without reshaping. Written for Excel with Dutch settings: `;` between fields, a decimal
 * comma, UTF-8 with a byte-order mark (without it Excel reads UTF-8 as Windows-1252), CRLF line ends.
 * Columns (docs/METHODS.md, "CSV export"):
 *   thema; dilemma; vraag; soort; onderdeel; segment; optie; maat; waarde; ci95_laag; ci95_hoog; n; onderdrukt
 */
import type { Interval, PolicyDilemma, PolicyInput, PolicySegment } from '@hs/contracts';

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

export function renderCsv(input: PolicyInput): string {
  const lines: string[] = [CSV_HEADER.join(';')];
  for (const theme of input.themes) {
    for (const dilemma of theme.dilemmas) {
      for (const row of dilemmaRows(theme.name, dilemma)) lines.push(row.map(csvField).join(';'));
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function dilemmaRows(themeName: string, d: PolicyDilemma): Cell[][] {
  const rows: Cell[][] = [];
  const base = [themeName, d.key, d.question, d.kind];
  const add = (
    part: string,
    segment: string,
    option: string,
    measure: string,
    value: string | null,
    ci?: Interval | null,
    n?: number | null,
    suppressed = false,
  ) =>
    rows.push([
      ...base,
      part,
      segment,
      option,
      measure,
      value,
      ci ? dutchNumber(ci[0]) : '',
      ci ? dutchNumber(ci[1]) : '',
      n ?? null,
      suppressed ? 'ja' : 'nee',
    ]);

  if (d.suppressed) {
    // The suppression was decided with the numbers (PolicyDilemma.suppressed): the dilemma shows no figure at all.
    add('totaal', '', '', 'onderdrukt', null, null, null, true);
    return rows;
  }
  add('totaal', '', '', 'respondenten', dutchNumber(d.total), null, d.total);
  add('totaal', '', '', 'handgeteld', dutchNumber(d.manualTotal), null, d.total);
  add('totaal', '', '', 'consensus', dutchNumber(d.consensus, 3), null, d.total);
  if (d.scale) add('totaal', '', '', 'gemiddelde', dutchNumber(d.scale.mean, 2), null, d.total);
  for (const o of d.options) {
    add('totaal', '', o.label, d.kind === 'budget' ? 'punten' : 'aantal', dutchNumber(o.count), null, d.total);
    add('totaal', '', o.label, d.kind === 'budget' ? 'aandeel_punten' : 'aandeel', dutchNumber(o.share), o.ci95, d.total);
    if (d.kind === 'budget') {
      add('totaal', '', o.label, 'gemiddelde_punten', dutchNumber(o.meanPoints, 2), null, d.total);
      add('totaal', '', o.label, 'aandeel_geeft_punten', dutchNumber(o.giversShare), null, d.total);
    }
  }
  const segments = (part: string, list: PolicySegment[]) => {
    for (const s of list) {
      if (s.suppressed || !s.options) {
        add(part, s.key, '', 'onderdrukt', null, null, null, true);
        continue;
      }
      for (const o of s.options) add(part, s.key, o.label, 'aandeel', dutchNumber(o.share), o.ci95, s.n);
    }
  };
  segments('groep', d.groups);
  segments('gemeente', d.municipalities);
  segments('leeftijd', d.ageBands);
  if (d.weighting) {
    for (const o of d.weighting.options) {
      add('weging', '', o.label, 'ongewogen_aandeel', dutchNumber(o.rawShare), null, d.weighting.respondents);
      add('weging', '', o.label, 'gewogen_aandeel', dutchNumber(o.weightedShare), o.ci95, d.weighting.respondents);
    }
  }
  if (d.shift?.suppressed) add('verschuiving', '', '', 'onderdrukt', null, null, null, true);
  else if (d.shift?.options) {
    add('verschuiving', '', '', 'respondenten_beide_rondes', dutchNumber(d.shift.n), null, d.shift.n);
    for (const o of d.shift.options) {
      add('verschuiving', '', o.label, 'eerste_ronde', dutchNumber(o.firstShare), null, d.shift.n);
      add('verschuiving', '', o.label, 'laatste_ronde', dutchNumber(o.lastShare), null, d.shift.n);
      add('verschuiving', '', o.label, 'verschuiving_pp', dutchNumber(o.shiftPp, 1), null, d.shift.n);
    }
  }
  for (const c of d.consequences) {
    if (c.suppressed) add('gevolg', '', c.label, 'onderdrukt', null, null, null, true);
    else add('gevolg', '', c.label, 'aandeel_kiest_toch', dutchNumber(c.share), c.ci95, c.n);
  }
  if (d.comparison) {
    for (const e of d.comparison.evenings) {
      if (e.suppressed || !e.options) {
        add('avond', `${e.title} (${e.municipality})`, '', 'onderdrukt', null, null, null, true);
        continue;
      }
      for (const o of e.options)
        add('avond', `${e.title} (${e.municipality})`, o.label, 'aandeel', dutchNumber(o.share), o.ci95, e.total);
    }
    for (const diff of d.comparison.differs) {
      const names = diff.evenings.map((id) => d.comparison!.evenings.find((e) => e.eveningId === id)?.title ?? id).join(' / ');
      add('avond', names, diff.label, 'intervallen_overlappen_niet', 'ja', null, null);
    }
  }
  return rows;
}
