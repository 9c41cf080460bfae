/**
 * The shapes of results, policy input and reports (CONTRACT.md, "Results and reports"), shared by the
 * API, the worker, the exports and the web dashboard. docs/METHODS.md defines every number here.
 */
import type { DilemmaKind, ReportStatus, SegmentDimension } from './enums';

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

export interface DilemmaResults {
  dilemmaId: string;
  round: number;
  rounds: number[];
  kind: DilemmaKind;
  /** Respondents: electronic votes plus hand-counted people. */
  total: number;
  options: OptionResult[];
  manual: { total: number; counts: Record<string, number> };
  by: SegmentDimension;
  segments: SegmentResult[];
  /** 0 (evenly split) .. 1 (unanimous); null where it is not defined (no votes, budget). */
  consensus: number | null;
  scale?: ScaleSummary;
  suppressBelow: number;
}

export interface ReportScope {
  eveningIds?: string[];
  themes?: string[];
  municipalities?: string[];
}

export interface PolicyOption {
  label: string;
  consequence: string | null;
  count: number;
  share: number;
  ci95: Interval;
  manual: number;
  givers?: number;
  giversShare?: number;
  giversCi95?: Interval;
  meanPoints?: number;
}

export interface PolicySegment {
  key: string;
  n: number | null;
  suppressed: boolean;
  /** Per option label; null when suppressed. */
  options: Array<{ label: string; count: number; share: number; ci95: Interval }> | null;
}

export interface PolicyWeighting {
  /** Respondents with a known, weighted municipality (the base of the weighted estimate). */
  respondents: number;
  /** Kish's effective sample size of the weighted estimate. */
  effectiveN: number;
  municipalities: string[];
  options: Array<{ label: string; rawShare: number; weightedShare: number; ci95: Interval }>;
}

export interface PolicyShift {
  /** Dilemmas (evenings) that had more than one round. */
  dilemmas: number;
  firstTotal: number;
  lastTotal: number;
  options: Array<{ label: string; firstShare: number; lastShare: number; shiftPp: number }>;
  meanShift?: number;
}

export interface PolicyComparison {
  evenings: Array<{
    eveningId: string;
    title: string;
    municipality: string;
    total: number;
    options: Array<{ label: string; share: number; ci95: Interval }>;
  }>;
  /** Options where at least two evenings' intervals do not overlap. */
  differs: Array<{ label: string; evenings: [string, string] }>;
}

export interface PolicyDilemma {
  key: string;
  theme: string;
  question: string;
  description: string | null;
  kind: DilemmaKind;
  evenings: Array<{ eveningId: string; dilemmaId: string; title: string; municipality: string; rounds: number; total: number }>;
  total: number;
  manualTotal: number;
  options: PolicyOption[];
  consensus: number | null;
  scale?: ScaleSummary;
  groups: PolicySegment[];
  municipalities: PolicySegment[];
  ageBands: PolicySegment[];
  weighting: PolicyWeighting | null;
  shift: PolicyShift | null;
  /** share of the n people it is of: all respondents, or for budget those who voted by phone (hand counts are points). */
  consequences: Array<{ label: string; consequence: string; share: number; ci95: Interval; n: number }>;
  comparison: PolicyComparison | null;
}

export interface PolicyInput {
  scope: { eveningIds: string[] | null; themes: string[] | null; municipalities: string[] | null };
  suppressBelow: number;
  evenings: Array<{ id: string; title: string; municipality: string; startsAt: string }>;
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
