/**
 * The key findings that open the PDF report, written from the numbers: per theme, per dilemma what most people
 * chose and how sure that is, where municipalities and groups differ, where the room moved after discussion and
 * which consequences people accepted. Pure: the same input gives the same sentences. A suppressed cell is never
 * quoted; a difference is only reported where the input flags it as holding up (or, in input without flags,
 * where two intervals do not overlap).
 */
import { consensusWord, groupLabel, segmentLabel, term } from '@hs/contracts';
import { optionLabel } from './report-csv';
import { type ReportDilemma, type ReportInput, type ReportSegment, hidden, numbered } from './report-input';
import { pct, pp } from './report-text';

export interface ThemeFindings {
  theme: string;
  findings: string[];
}

export function keyFindings(input: ReportInput): ThemeFindings[] {
  const byTheme = new Map<string, string[]>();
  for (const { theme, number, dilemma } of numbered(input)) {
    const list = byTheme.get(theme.name) ?? [];
    list.push(...dilemmaFindings(number, dilemma));
    byTheme.set(theme.name, list);
  }
  return [...byTheme].map(([theme, findings]) => ({ theme, findings }));
}

export function dilemmaFindings(number: string, d: ReportDilemma): string[] {
  const title = `${number} ‘${d.question}’`;
  if (hidden(d)) return [`${title}: te weinig deelnemers om iets over te zeggen.`];
  return [lead(title, d), ...municipalityDifferences(d), ...groupDifferences(d), ...shift(d), ...consequences(d)].filter(
    (x): x is string => x !== null,
  );
}

type Visible = { label: string; share: number; ci95: [number, number] };

function visibleOptions(d: ReportDilemma): Visible[] {
  return d.options
    .filter((o) => !o.suppressed && o.share !== null && o.ci95 !== null)
    .map((o) => ({ label: optionLabel(d, o.label), share: o.share!, ci95: o.ci95! }))
    .sort((a, b) => b.share - a.share);
}

function lead(title: string, d: ReportDilemma): string | null {
  const n = `${d.total} deelnemers`;
  const agreement =
    d.consensus === null
      ? ''
      : ` ${term('measure.consensus')} ${d.consensus.toFixed(2).replace('.', ',')}: ${consensusWord(d.consensus)}.`;
  if (d.kind === 'scale') {
    const agree = d.options.filter((o) => ['4', '5'].includes(o.label)).reduce((s, o) => s + (o.share ?? 0), 0);
    const mean = d.scale?.mean;
    return `${title}: ${pct(agree)} is het (helemaal) eens${mean == null ? '' : `, gemiddeld ${mean.toFixed(1).replace('.', ',')} op een schaal van 1 tot 5`} (${n}).${agreement}`;
  }
  const [top, second] = visibleOptions(d);
  if (!top) return `${title}: geen uitkomst te tonen (${n}).`;
  const what =
    d.kind === 'budget'
      ? `‘${top.label}’ kreeg de meeste punten (${pct(top.share)} van alle punten)`
      : d.kind === 'choice' && top.share > 0.5
        ? `een meerderheid koos ‘${top.label}’ (${pct(top.share)})`
        : `de meesten kozen ‘${top.label}’ (${pct(top.share)})`;
  const sure = !second
    ? ''
    : top.ci95[0] > second.ci95[1]
      ? ` Een duidelijke voorkeur: het 95%-interval (${pct(top.ci95[0])}–${pct(top.ci95[1])}) ligt boven dat van ‘${second.label}’.`
      : ` Geen duidelijke voorkeur: ‘${second.label}’ (${pct(second.share)}) ligt binnen de onzekerheid.`;
  return `${title}: ${what}, ${n}.${sure}${agreement}`;
}

function shareIn(segments: ReportSegment[], key: string, label: string): number | null {
  const s = segments.find((x) => x.key === key);
  return s?.suppressed ? null : (s?.options?.find((o) => o.label === label)?.share ?? null);
}

/** Flagged differences of one dimension, or where the input carries no flags, non-overlapping visible segments. */
function pairs(
  d: ReportDilemma,
  dimension: 'group' | 'municipality',
  segments: ReportSegment[],
): Array<[string, string, string]> {
  if (d.differences) return d.differences.filter((x) => x.dimension === dimension && x.holds).map((x) => [x.label, x.a, x.b]);
  const found: Array<[string, string, string]> = [];
  const visible = segments.filter((s) => !s.suppressed && s.options && s.key !== 'unknown');
  for (const [i, a] of visible.entries()) {
    for (const b of visible.slice(i + 1)) {
      for (const oa of a.options!) {
        const ob = b.options!.find((o) => o.label === oa.label);
        if (ob && (oa.ci95[0] > ob.ci95[1] || ob.ci95[0] > oa.ci95[1])) found.push([oa.label, a.key, b.key]);
      }
    }
  }
  return found;
}

function municipalityDifferences(d: ReportDilemma): string[] {
  const found = pairs(d, 'municipality', d.municipalities).slice(0, 2);
  return found.map(([label, a, b]) => {
    const [sa, sb] = [shareIn(d.municipalities, a, label), shareIn(d.municipalities, b, label)];
    const figures = sa !== null && sb !== null ? `: ${pct(sa)} in ${a} tegen ${pct(sb)} in ${b}` : ` tussen ${a} en ${b}`;
    return `Gemeenten verschillen bij ‘${optionLabel(d, label)}’${figures}.`;
  });
}

function groupDifferences(d: ReportDilemma): string[] {
  const found = pairs(d, 'group', d.groups).slice(0, 2);
  return found.map(([label, a, b]) => {
    const [sa, sb] = [shareIn(d.groups, a, label), shareIn(d.groups, b, label)];
    const [na, nb] = [groupLabel(a), segmentLabel('group', b)];
    const figures = sa !== null && sb !== null ? `: ${na} ${pct(sa)}, ${nb.toLowerCase()} ${pct(sb)}` : '';
    return `${na} en ${nb.toLowerCase()} verschillen bij ‘${optionLabel(d, label)}’${figures}.`;
  });
}

function shift(d: ReportDilemma): string[] {
  const s = d.shift;
  if (!s || s.suppressed || !s.options?.length) return [];
  const biggest = [...s.options].sort((a, b) => Math.abs(b.shiftPp) - Math.abs(a.shiftPp))[0];
  const paired = typeof s.n === 'number';
  const holds = paired
    ? biggest.shiftCi95Pp
      ? biggest.shiftCi95Pp[0] > 0 || biggest.shiftCi95Pp[1] < 0
      : (biggest.pValue ?? 1) < 0.05
    : Math.abs(biggest.shiftPp) >= 10;
  const who = paired ? `${s.n} mensen stemden in beide rondes` : 'eerste tegen laatste ronde, niet per persoon';
  if (!holds) return [`Na discussie veranderde er weinig (${who}).`];
  return [
    `Na discussie schoof ‘${optionLabel(d, biggest.label)}’ van ${pct(biggest.firstShare)} naar ${pct(biggest.lastShare)} (${pp(biggest.shiftPp)}; ${who}).`,
  ];
}

function consequences(d: ReportDilemma): string[] {
  const visible = d.consequences.filter((c) => !c.suppressed && c.share !== null);
  if (!visible.length) return [];
  const top = [...visible].sort((a, b) => b.share! - a.share!)[0];
  const verb = d.kind === 'budget' ? 'gaf punten aan' : 'koos';
  const who = top.share! > 0.5 ? `Een meerderheid (${pct(top.share!)})` : `${pct(top.share!)}`;
  return [`${who} ${verb} ‘${optionLabel(d, top.label)}’ ook met het gevolg ‘${top.consequence}’.`];
}
