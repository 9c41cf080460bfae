import type { Interval } from './results';

/** GET /api/trends: the same dilemma asked in several consultation rounds, round by round. */
export interface TrendOptionPoint {
  label: string;
  count: number;
  share: number;
  /** 95% Wilson interval of the share. */
  ci95: Interval;
}

export interface TrendRound {
  roundId: string;
  name: string;
  year: number;
  /** Evenings of this round that asked the question. */
  evenings: number;
  /** A round with fewer than SUPPRESS_BELOW people carries no numbers at all. */
  suppressed: boolean;
  total: number | null;
  options: TrendOptionPoint[] | null;
}

export interface TrendOptionChange {
  label: string;
  /** share in the later round − share in the earlier one. */
  difference: number;
  /** 95% interval of the difference (Newcombe's hybrid score method). */
  ci95: Interval;
  /** true only where that interval excludes zero. */
  changed: boolean;
}

export interface TrendChange {
  fromRoundId: string;
  toRoundId: string;
  /** null when either round is suppressed: no difference is shown. */
  options: TrendOptionChange[] | null;
}

export interface Trend {
  /** The link key that ties the question across evenings and rounds (the template id for a dilemma from the bank). */
  key: string;
  theme: string;
  question: string;
  kind: 'choice' | 'multi' | 'scale';
  rounds: TrendRound[];
  /** Between each pair of consecutive rounds. */
  changes: TrendChange[];
}

export interface Trends {
  scope: { themes: string[] | null; municipalities: string[] | null };
  suppressBelow: number;
  trends: Trend[];
}
