/**
 * The shift after discussion over the same people (docs/METHODS.md §5): only participants who voted in both the
 * first and the last round of a dilemma count. Per option, each of them chose it in both rounds, in one of the two,
 * or in neither; the shift is (moved to − moved from) / n, with an interval for correlated proportions and the
 * exact McNemar test on the people who moved.
 */
import type { DilemmaKind, Interval, PairedShiftOption } from '@hs/contracts';
import { choiceItems } from './tally';
import { Z95 } from './wilson';

/** One (first choice, last choice) combination of a dilemma and how many people made it (from the vote table). */
export interface PairRow {
  dilemmaId: string;
  first: unknown;
  last: unknown;
  n: number;
}

export interface OptionPairs {
  both: number;
  /** chose it in the first round only */
  firstOnly: number;
  /** chose it in the last round only */
  lastOnly: number;
}

/** The paired counts of one or more dilemmas (pooled), keyed by pooled option key. */
export interface PairTally {
  n: number;
  options: Record<string, OptionPairs>;
  /** scale: Σ(last − first) and Σ(last − first)² over the n people. */
  sumDiff: number;
  sumDiffSq: number;
}

export function emptyPairs(): PairTally {
  return { n: 0, options: {}, sumDiff: 0, sumDiffSq: 0 };
}

/** Adds pair rows of one dilemma into a pooled tally; rename maps its option keys to pooled keys (null: drop). */
export function addPairs(
  target: PairTally,
  kind: DilemmaKind,
  rows: readonly PairRow[],
  rename: (key: string) => string | null,
): void {
  for (const row of rows) {
    const before = new Set(
      choiceItems(kind, row.first)
        .map(([k]) => rename(k))
        .filter((k): k is string => k !== null),
    );
    const after = new Set(
      choiceItems(kind, row.last)
        .map(([k]) => rename(k))
        .filter((k): k is string => k !== null),
    );
    target.n += row.n;
    for (const key of new Set([...before, ...after])) {
      const o = (target.options[key] ??= { both: 0, firstOnly: 0, lastOnly: 0 });
      if (before.has(key) && after.has(key)) o.both += row.n;
      else if (before.has(key)) o.firstOnly += row.n;
      else o.lastOnly += row.n;
    }
    if (kind === 'scale') {
      const a = (row.first as { value?: unknown })?.value;
      const b = (row.last as { value?: unknown })?.value;
      if (typeof a === 'number' && typeof b === 'number') {
        target.sumDiff += row.n * (b - a);
        target.sumDiffSq += row.n * (b - a) * (b - a);
      }
    }
  }
}

/**
 * Exact McNemar test: under no change, each of the b + c people who moved went either way with chance ½, so
 * p = min(1, 2 · P(X ≤ min(b, c))) for X ~ Binomial(b + c, ½). 1 when nobody moved.
 */
export function mcnemarExactP(b: number, c: number): number {
  const m = b + c;
  if (m === 0) return 1;
  const k = Math.min(b, c);
  // Summed in logs: 2^m overflows a double beyond m ≈ 1000.
  let logChoose = 0;
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logChoose += Math.log(m - i + 1) - Math.log(i);
    tail += Math.exp(logChoose - m * Math.LN2);
  }
  return Math.min(1, 2 * tail);
}

/**
 * 95% interval of the paired difference (c − b) / n in proportions, by Agresti & Min (2005): add ½ to each of
 * the four cells of the 2×2 table (n + 2 people), then the Wald interval d̃ ± z·√((b̃ + c̃) − (c̃ − b̃)² / ñ) / ñ.
 * Unlike the plain Wald interval it does not collapse to a point when nobody moved.
 */
export function pairedDifferenceInterval(b: number, c: number, n: number): Interval {
  const bt = b + 0.5;
  const ct = c + 0.5;
  const nt = n + 2;
  const d = (ct - bt) / nt;
  const half = (Z95 * Math.sqrt(Math.max(0, bt + ct - ((ct - bt) * (ct - bt)) / nt))) / nt;
  return [Math.max(-1, d - half), Math.min(1, d + half)];
}

/** Per option the paired figures, in the given order. */
export function pairedOptions(pairs: PairTally, options: ReadonlyArray<{ key: string; label: string }>): PairedShiftOption[] {
  return options.map(({ key, label }) => {
    const o = pairs.options[key] ?? { both: 0, firstOnly: 0, lastOnly: 0 };
    const n = pairs.n;
    const firstShare = n > 0 ? (o.both + o.firstOnly) / n : 0;
    const lastShare = n > 0 ? (o.both + o.lastOnly) / n : 0;
    const [low, high] = pairedDifferenceInterval(o.firstOnly, o.lastOnly, n);
    return {
      label,
      firstShare,
      lastShare,
      shiftPp: (lastShare - firstShare) * 100,
      shiftCi95Pp: [low * 100, high * 100],
      movedTo: o.lastOnly,
      movedFrom: o.firstOnly,
      pValue: mcnemarExactP(o.firstOnly, o.lastOnly),
    };
  });
}

/** scale: mean of (last − first) over the n people with a normal-approximation 95% interval. */
export function pairedMeanShift(pairs: PairTally): { mean: number; ci95: Interval } | null {
  const n = pairs.n;
  if (n === 0) return null;
  const mean = pairs.sumDiff / n;
  if (n < 2) return { mean, ci95: [-4, 4] };
  const variance = Math.max(0, (pairs.sumDiffSq - (pairs.sumDiff * pairs.sumDiff) / n) / (n - 1));
  const half = Z95 * Math.sqrt(variance / n);
  return { mean, ci95: [mean - half, mean + half] };
}

/** The plain-Dutch label of what the shift counts. */
export function revoteLabel(evenings: number): string {
  return evenings === 1 ? 'op 1 avond opnieuw gestemd' : `op ${evenings} avonden opnieuw gestemd`;
}
