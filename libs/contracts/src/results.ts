/**
 * The shapes of results, policy input and reports (docs/API.md, "Results and reports"), shared by the
 * API, the worker, the exports and the web dashboard. docs/METHODS.md defines every number here.
 */
import type { AgeBand, DilemmaKind, ParticipantGroup, ReportStatus, SegmentDimension } from './enums';

/** A 95% interval [low, high] as fractions 0..1. */
export type Interval = [number, number];

export interface OptionResult {
  /** The option's id; for `scale` the value "1".."5". */
  optionId: string;
  label: string;
  /** People who chose it (choice, multi, scale) or points given to it (budget); manual counts included. */
  count: number;
  /** count / total (choice, multi, scale); share of all points (budget). */
  share: number;
  ci95: Interval;
  /** Of count: from hand counts. */
  manual: number;
  consequence: string | null;
  /** budget only: people who gave it any points, their share of the respondents (with its Wilson interval), mean points per respondent. */
  givers?: number;
  giversShare?: number;
  giversCi95?: Interval;
  meanPoints?: number;
}

export interface SegmentOptionResult {
  optionId: string;
  count: number;
  share: number;
  ci95: Interval;
}

/** A segment of respondents; a suppressed one carries no counts (n and options are null). */
export interface SegmentResult {
  key: string;
  n: number | null;
  suppressed: boolean;
  options: SegmentOptionResult[] | null;
}

export interface ScaleSummary {
  /** People per value "1".."5", manual counts included. */
  distribution: Record<string, number>;
  mean: number | null;
  /** Tastle–Wierman consensus, 0..1. */
  consensus: number | null;
}

/** An option of a suppressed result: its name only. */
export interface SuppressedOptionResult {
  optionId: string;
  label: string;
  consequence: string | null;
  suppressed: true;
  count: null;
  share: null;
  ci95: null;
  manual: null;
}

export interface DilemmaResults {
  dilemmaId: string;
  round: number;
  rounds: number[];
  kind: DilemmaKind;
  /**
   * The round as a whole has fewer than suppressBelow respondents: total, options, manual and consensus carry
   * no figures and every segment is suppressed (docs/METHODS.md §4).
   */
  suppressed: boolean;
  /** Respondents: electronic votes plus hand-counted people; null when suppressed. */
  total: number | null;
  options: Array<(OptionResult & { suppressed: false }) | SuppressedOptionResult>;
  manual: { total: number | null; counts: Record<string, number> };
  by: SegmentDimension;
  segments: SegmentResult[];
  /** 0 (evenly split) .. 1 (unanimous); null where it is not defined (no votes, budget) or suppressed. */
  consensus: number | null;
  scale?: ScaleSummary;
  suppressBelow: number;
}

/**
 * What a policy input or report covers: one type for the query (comma-separated), the report body (arrays) and
 * the echo in PolicyInput.scope. An absent field means "all"; an empty list matches nothing. A new field (for
 * example a consultation round) is added here once and flows through parsing, filtering and the echo.
 */
export interface PolicyScope {
  eveningIds?: string[];
  /** Theme slugs (GET /api/themes). */
  themes?: string[];
  /** Evenings' municipalities, case-insensitive. */
  municipalities?: string[];
  /** Participant groups: only their electronic votes count (hand counts carry no group and are left out). */
  groups?: ParticipantGroup[];
}

/** Every field of PolicyScope, in the order they are echoed and documented. */
export const POLICY_SCOPE_FIELDS = ['eveningIds', 'themes', 'municipalities', 'groups'] as const satisfies ReadonlyArray<
  keyof PolicyScope
>;

/** The scope as echoed in the output: every field present, null where it was absent ("all"). */
export type ResolvedScope = { [K in keyof PolicyScope]-?: NonNullable<PolicyScope[K]> | null };

/** Version 1's name for the same thing. */
export type ReportScope = PolicyScope;

/**
 * Every cell of the policy input carries `suppressed`, decided once in the domain (docs/METHODS.md §4): a
 * suppressed cell carries no count, share or interval (null). Renderers show the flag and never decide again.
 */
export interface PolicyOption {
  label: string;
  consequence: string | null;
  suppressed: boolean;
  count: number | null;
  share: number | null;
  ci95: Interval | null;
  manual: number | null;
  givers?: number | null;
  giversShare?: number | null;
  giversCi95?: Interval | null;
  meanPoints?: number | null;
}

export interface PolicySegment {
  key: string;
  n: number | null;
  suppressed: boolean;
  /** Per option label; null when suppressed. */
  options: Array<{ label: string; count: number; share: number; ci95: Interval }> | null;
}

/** A margin the weights are given for: tenant households per municipality, optionally per age band. */
export type WeightMargin = 'municipality' | 'ageBand';

/** GET/PUT /api/weights: tenant households per municipality and (optionally) per age band. */
export interface WeightsView {
  households: Record<string, number>;
  ageBands: Partial<Record<AgeBand, number>>;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface PolicyWeighting {
  suppressed: boolean;
  /** post-stratification: municipality only; raking: iterative proportional fitting on municipality × age band. */
  method: 'post-stratification' | 'raking';
  margins: WeightMargin[];
  /** Respondents in the weighted estimate (known, weighted and not suppressed in every margin). */
  respondents: number;
  /** Kish's effective sample size: (Σw)² / Σw². */
  effectiveN: number;
  /** respondents / effectiveN (Kish's design effect of unequal weights). */
  designEffect: number;
  /** designEffect above DESIGN_EFFECT_WARNING: the weighted share rests on few people; say so plainly. */
  designEffectLarge: boolean;
  municipalities: string[];
  ageBands: string[];
  /** raking only: iterations run and whether the margins were met within tolerance. */
  iterations?: number;
  converged?: boolean;
  /** Raw and weighted share side by side, over the same respondents. */
  options: Array<{ label: string; rawShare: number; rawCi95: Interval; weightedShare: number; ci95: Interval }>;
}

/** The design effect above which the policy input warns that weighting leans on few people. */
export const DESIGN_EFFECT_WARNING = 2;

/** One option's change among the people who voted in both rounds. */
export interface PairedShiftOption {
  label: string;
  /** Share choosing it in the first / last round, of the same n people. */
  firstShare: number;
  lastShare: number;
  /** (lastShare − firstShare) × 100. */
  shiftPp: number;
  /** 95% interval of shiftPp (paired: Wald interval of a difference of correlated proportions), in points. */
  shiftCi95Pp: [number, number];
  /** Of the n: chose it only in the last round / only in the first (the discordant pairs). */
  movedTo: number;
  movedFrom: number;
  /** Exact McNemar test (two-sided) on movedTo against movedFrom. */
  pValue: number;
}

/**
 * The shift after discussion, paired: only the people who voted in both the first and the last round (their n).
 * Hand counts are shown apart and never enter the paired figures.
 */
export interface PolicyShift {
  suppressed: boolean;
  /** Evenings where this dilemma was voted on again. */
  dilemmas: number;
  /** Plain Dutch: what is counted, e.g. "op 3 avonden opnieuw gestemd". */
  label: string;
  /** People who voted in both rounds; null when suppressed. */
  n: number | null;
  /** All respondents of the first / last rounds (hand counts included), for context; null when suppressed. */
  firstTotal: number | null;
  lastTotal: number | null;
  /** Paired per option; null when suppressed or nobody voted twice. */
  options: PairedShiftOption[] | null;
  /** choice with exactly two options: McNemar's test for the switch between them. */
  mcnemar: { labels: [string, string]; toSecond: number; toFirst: number; pValue: number } | null;
  /** scale: paired mean change among the n, with its 95% interval. */
  meanShift?: number | null;
  meanShiftCi95?: Interval | null;
  /** People counted by hand in the first and last rounds, apart (never in the paired figures); null when suppressed. */
  manual: { first: number; last: number } | null;
}

export interface PolicyEveningRow {
  eveningId: string;
  title: string;
  municipality: string;
  suppressed: boolean;
  total: number | null;
  options: Array<{ label: string; share: number; ci95: Interval }> | null;
}

export interface PolicyComparison {
  evenings: PolicyEveningRow[];
  /** Options where at least two (visible) evenings' intervals do not overlap. */
  differs: Array<{ label: string; evenings: [string, string] }>;
}

/** A dimension two cells of which are compared. */
export type DifferenceDimension = SegmentDimension | 'evening';

/**
 * One comparison of an option's share between two visible cells of a dimension: the difference a − b with its
 * 95% interval (Newcombe's hybrid score interval), the two-proportion test's p-value and that p-value after
 * Holm's correction across all comparisons of this dimension of this dilemma. holds: the Holm-adjusted p < 0.05.
 */
export interface PolicyDifference {
  dimension: DifferenceDimension;
  label: string;
  /** Segment keys (evening ids for dimension evening). */
  a: string;
  b: string;
  diff: number;
  ci95: Interval;
  pValue: number;
  pHolm: number;
  /** How many comparisons the correction was across. */
  comparisons: number;
  holds: boolean;
}

export interface PolicyConsequence {
  label: string;
  consequence: string;
  suppressed: boolean;
  share: number | null;
  ci95: Interval | null;
  n: number | null;
}

export interface PolicyDilemma {
  key: string;
  theme: string;
  question: string;
  description: string | null;
  kind: DilemmaKind;
  /** The pooled cell itself: fewer than suppressBelow people (or needed to protect one): no figures. */
  suppressed: boolean;
  evenings: Array<{
    eveningId: string;
    dilemmaId: string;
    title: string;
    municipality: string;
    rounds: number;
    suppressed: boolean;
    total: number | null;
  }>;
  total: number | null;
  manualTotal: number | null;
  options: PolicyOption[];
  consensus: number | null;
  scale?: ScaleSummary | null;
  groups: PolicySegment[];
  municipalities: PolicySegment[];
  ageBands: PolicySegment[];
  weighting: PolicyWeighting | null;
  shift: PolicyShift | null;
  /** share of the n people it is of: all respondents, or for budget those who voted by phone (hand counts are points). */
  consequences: PolicyConsequence[];
  comparison: PolicyComparison | null;
  /** Differences between groups, municipalities, age bands and evenings, flagged where they hold up (Holm). */
  differences: PolicyDifference[];
}

export interface PolicyInput {
  scope: ResolvedScope;
  suppressBelow: number;
  evenings: Array<{ id: string; title: string; municipality: string; municipalities: string[]; startsAt: string }>;
  themes: Array<{ theme: string; name: string; dilemmas: PolicyDilemma[] }>;
}

export interface ReportView {
  id: string;
  status: ReportStatus;
  progress: number;
  scope: ReportScope;
  error?: string;
  result?: PolicyInput;
  createdAt: string;
  finishedAt?: string;
}
