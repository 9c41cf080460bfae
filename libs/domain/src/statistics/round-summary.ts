/**
 * From a round's tally to the numbers people read: per option count, share and 95% interval (hand
 * counts included and shown apart), the consensus index, the scale summary and the segments with
 * suppression. The same code serves one dilemma (keys are option ids) and a dilemma pooled across
 * evenings (keys are normalised labels).
 */
import {
  AGE_BANDS,
  type DilemmaKind,
  GROUPS,
  type Interval,
  type OptionResult,
  type ScaleSummary,
  type SegmentDimension,
  type SegmentResult,
} from '@hs/contracts';
import { entropyConsensus, tastleWierman } from './consensus';
import { SCALE_VALUES } from '@hs/contracts';
import { type CellTally, type OptionTally, type RoundTally, UNKNOWN_SEGMENT } from './tally';
import { meanInterval, wilson } from './wilson';

export interface OptionShape {
  key: string;
  label: string;
  consequence: string | null;
}

export interface SummaryShape {
  kind: DilemmaKind;
  budget: number | null;
  options: OptionShape[];
}

/** Dutch labels of the five scale values (CONTRACT.md: fully disagree … fully agree). */
export const SCALE_LABELS: Record<string, string> = {
  '1': 'Helemaal oneens',
  '2': 'Oneens',
  '3': 'Neutraal',
  '4': 'Eens',
  '5': 'Helemaal eens',
};

/** The options a summary lists: the dilemma's own, or the five scale values. */
export function optionsOf(shape: SummaryShape): OptionShape[] {
  if (shape.kind !== 'scale') return shape.options;
  return SCALE_VALUES.map((key) => ({ key, label: `${key} – ${SCALE_LABELS[key]}`, consequence: null }));
}

/**
 * How many people the hand counts stand for, when the entries do not say (they record it since the
 * live-voting schema; see manual_count_round.respondents). choice and scale: one count per person. multi: a person
 * may be counted under several options, so the largest count is the (lower-bound) number of people.
 * budget: hand counts are points, so points ÷ budget.
 */
export function manualRespondents(shape: SummaryShape, manual: Record<string, number>): number {
  const keys = new Set(optionsOf(shape).map((o) => o.key));
  const values = Object.entries(manual)
    .filter(([key]) => keys.has(key))
    .map(([, n]) => n);
  const sum = values.reduce((s, n) => s + n, 0);
  switch (shape.kind) {
    case 'choice':
    case 'scale':
      return sum;
    case 'multi':
      return values.length ? Math.max(...values) : 0;
    case 'budget':
      return shape.budget ? Math.round(sum / shape.budget) : 0;
  }
}

const NO_VOTES: OptionTally = { voters: 0, points: 0, pointsSq: 0 };

export interface OptionsSummary {
  total: number;
  manualTotal: number;
  options: OptionResult[];
  consensus: number | null;
  scale?: ScaleSummary;
}

/** The overall numbers of one (possibly pooled) round. */
export function summarizeOptions(shape: SummaryShape, tally: RoundTally): OptionsSummary {
  const options = optionsOf(shape);
  const manualTotal = tally.manualRespondents ?? manualRespondents(shape, tally.manual);
  const total = tally.votes.n + manualTotal;
  const rows = options.map((o) => ({ o, t: tally.votes.options[o.key] ?? NO_VOTES, m: tally.manual[o.key] ?? 0 }));
  let results: OptionResult[];
  if (shape.kind === 'budget') {
    const allPoints = rows.reduce((s, r) => s + r.t.points + r.m, 0);
    const budget = shape.budget ?? 1;
    results = rows.map(({ o, t, m }) => {
      const count = t.points + m;
      const share = allPoints > 0 ? count / allPoints : 0;
      return {
        optionId: o.key,
        label: o.label,
        count,
        share,
        ci95: budgetInterval(share, t, tally.votes.n, budget),
        manual: m,
        consequence: o.consequence,
        givers: t.voters,
        giversShare: tally.votes.n > 0 ? t.voters / tally.votes.n : 0,
        giversCi95: wilson(t.voters, tally.votes.n),
        meanPoints: total > 0 ? count / total : 0,
      };
    });
  } else {
    results = rows.map(({ o, t, m }) => {
      const count = t.voters + m;
      return {
        optionId: o.key,
        label: o.label,
        count,
        share: total > 0 ? count / total : 0,
        ci95: wilson(count, total),
        manual: m,
        consequence: o.consequence,
      };
    });
  }
  const summary: OptionsSummary = { total, manualTotal, options: results, consensus: null };
  switch (shape.kind) {
    case 'choice':
    case 'multi':
      summary.consensus = entropyConsensus(results.map((r) => r.count));
      break;
    case 'scale':
      summary.scale = scaleSummary(results.map((r) => r.count));
      summary.consensus = summary.scale.consensus;
      break;
    case 'budget':
      break;
  }
  return summary;
}

function budgetInterval(share: number, t: OptionTally, n: number, budget: number): Interval {
  // Per person the fraction of the budget given to the option; its mean is the share when everybody
  // spends the whole budget (which the vote rules demand).
  return meanInterval(share, t.points / budget, t.pointsSq / (budget * budget), n);
}

export function scaleSummary(counts: number[]): ScaleSummary {
  const total = counts.reduce((s, c) => s + c, 0);
  const distribution: Record<string, number> = {};
  SCALE_VALUES.forEach((key, i) => (distribution[key] = counts[i] ?? 0));
  const mean = total > 0 ? counts.reduce((s, c, i) => s + c * (i + 1), 0) / total : null;
  return { distribution, mean, consensus: tastleWierman(counts, [1, 2, 3, 4, 5]) };
}

/** The order segments are listed in: the contract's order, then anything else alphabetically, "unknown" last. */
export function segmentOrder(dimension: SegmentDimension, keys: string[]): string[] {
  const fixed: readonly string[] = dimension === 'group' ? GROUPS : dimension === 'ageBand' ? AGE_BANDS : [];
  const rank = (key: string) => (key === UNKNOWN_SEGMENT ? 2 : fixed.includes(key) ? 0 : 1);
  return [...keys].sort((a, b) => rank(a) - rank(b) || fixed.indexOf(a) - fixed.indexOf(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The segments of one dimension, with the suppression decided for the whole output (output-suppression.ts):
 * cells with n = 0 are not listed; a suppressed cell shows its key and nothing else. Segments hold electronic
 * votes only (hand counts carry no segment), so their n add up to total − manual total.
 */
export function summarizeSegments(
  shape: SummaryShape,
  cells: Record<string, CellTally>,
  dimension: SegmentDimension,
  hidden: ReadonlySet<string>,
): SegmentResult[] {
  const listed = Object.entries(cells).filter(([, c]) => c.n > 0);
  const options = optionsOf(shape);
  return segmentOrder(
    dimension,
    listed.map(([key]) => key),
  ).map((key): SegmentResult => {
    if (hidden.has(key)) return { key, n: null, suppressed: true, options: null };
    const cell = cells[key];
    const allPoints = options.reduce((s, o) => s + (cell.options[o.key]?.points ?? 0), 0);
    return {
      key,
      n: cell.n,
      suppressed: false,
      options: options.map((o) => {
        const t = cell.options[o.key] ?? NO_VOTES;
        if (shape.kind === 'budget') {
          const share = allPoints > 0 ? t.points / allPoints : 0;
          return { optionId: o.key, count: t.points, share, ci95: budgetInterval(share, t, cell.n, shape.budget ?? 1) };
        }
        return { optionId: o.key, count: t.voters, share: t.voters / cell.n, ci95: wilson(t.voters, cell.n) };
      }),
    };
  });
}
