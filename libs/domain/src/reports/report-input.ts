/**
 * The policy input as the renderers (CSV, XLSX, PDF) read it: PolicyInput seen through optional fields, so the
 * same renderer takes the input as it is stored in older reports and the input with per-cell suppression flags,
 * paired shifts and flagged differences (libs/contracts/src/results.ts). A renderer shows a cell's `suppressed`
 * flag and its null figures as they come: it never decides suppression again.
 */
import type { DilemmaKind, Interval } from '@hs/contracts';

export interface ReportOption {
  label: string;
  consequence: string | null;
  suppressed?: boolean;
  count: number | null;
  share: number | null;
  ci95: Interval | null;
  manual?: number | null;
  giversShare?: number | null;
  meanPoints?: number | null;
}

export interface ReportSegment {
  key: string;
  n: number | null;
  suppressed: boolean;
  options: Array<{ label: string; count: number; share: number; ci95: Interval }> | null;
}

export interface ReportWeighting {
  suppressed?: boolean;
  method?: string;
  respondents: number;
  effectiveN: number;
  designEffect?: number;
  designEffectLarge?: boolean;
  municipalities: string[];
  options: Array<{ label: string; rawShare: number; rawCi95?: Interval; weightedShare: number; ci95: Interval }>;
}

export interface ReportShift {
  suppressed?: boolean;
  dilemmas: number;
  label?: string;
  /** People who voted in both rounds (paired); absent in unpaired input. */
  n?: number | null;
  firstTotal: number | null;
  lastTotal: number | null;
  options: Array<{
    label: string;
    firstShare: number;
    lastShare: number;
    shiftPp: number;
    shiftCi95Pp?: [number, number];
    pValue?: number;
  }> | null;
  mcnemar?: { labels: [string, string]; toSecond: number; toFirst: number; pValue: number } | null;
  manual?: { first: number; last: number } | null;
}

export interface ReportEveningRow {
  eveningId: string;
  title: string;
  municipality: string;
  suppressed?: boolean;
  total: number | null;
  options: Array<{ label: string; share: number; ci95: Interval }> | null;
}

export interface ReportDifference {
  dimension: 'group' | 'municipality' | 'ageBand' | 'evening';
  label: string;
  a: string;
  b: string;
  diff: number;
  ci95: Interval;
  pHolm: number;
  holds: boolean;
}

export interface ReportConsequence {
  label: string;
  consequence: string;
  suppressed?: boolean;
  share: number | null;
  ci95: Interval | null;
  n: number | null;
}

export interface ReportDilemma {
  key: string;
  theme: string;
  question: string;
  description: string | null;
  kind: DilemmaKind;
  suppressed?: boolean;
  evenings: Array<{ eveningId: string; title: string; municipality: string; rounds: number; total: number | null }>;
  total: number | null;
  manualTotal: number | null;
  options: ReportOption[];
  consensus: number | null;
  scale?: { mean: number | null } | null;
  groups: ReportSegment[];
  municipalities: ReportSegment[];
  ageBands: ReportSegment[];
  weighting: ReportWeighting | null;
  shift: ReportShift | null;
  consequences: ReportConsequence[];
  comparison: { evenings: ReportEveningRow[]; differs: Array<{ label: string; evenings: [string, string] }> } | null;
  differences?: ReportDifference[];
}

export interface ReportTheme {
  theme: string;
  name: string;
  dilemmas: ReportDilemma[];
}

export interface ReportInput {
  scope: { eveningIds: string[] | null; themes: string[] | null; municipalities: string[] | null; groups?: string[] | null };
  suppressBelow: number;
  evenings: Array<{ id: string; title: string; municipality: string; startsAt: string }>;
  themes: ReportTheme[];
}

/** Dilemmas numbered as every output numbers them: theme number, dot, dilemma number ("2.3"). */
export function numbered(input: ReportInput): Array<{ theme: ReportTheme; number: string; dilemma: ReportDilemma }> {
  return input.themes.flatMap((theme, t) =>
    theme.dilemmas.map((dilemma, d) => ({ theme, number: `${t + 1}.${d + 1}`, dilemma })),
  );
}

/** A dilemma pooled across evenings that is itself too small carries no figures at all. */
export function hidden(d: ReportDilemma): boolean {
  return d.suppressed === true || d.total === null;
}
