import type { Interval } from '@hs/contracts';

/** z for a two-sided 95% interval: the 0.975 quantile of the standard normal distribution. */
export const Z95 = 1.959963984540054;

/**
 * The Wilson score interval for a proportion k/n (Wilson 1927; Brown, Cai & DasGupta 2001 recommend it
 * over the textbook Wald interval, which collapses to [0, 0] at k = 0 and misbehaves for small n).
 * With n = 0 nothing is known: [0, 1].
 */
export function wilson(k: number, n: number, z: number = Z95): Interval {
  if (n <= 0) return [0, 1];
  const p = Math.min(1, Math.max(0, k / n));
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At k = 0 and k = n the bounds are exactly 0 and 1; say so instead of trusting floating point.
  const low = k <= 0 ? 0 : Math.max(0, centre - half);
  const high = k >= n ? 1 : Math.min(1, centre + half);
  return [low, high];
}

/**
 * A normal-approximation interval for a mean of per-person fractions (budget dilemmas: the share of
 * the budget a person gives an option). sum and sumSq are over the n people's fractions.
 */
export function meanInterval(mean: number, sum: number, sumSq: number, n: number, z: number = Z95): Interval {
  if (n < 2) return [0, 1];
  const variance = Math.max(0, (sumSq - (sum * sum) / n) / (n - 1));
  const half = z * Math.sqrt(variance / n);
  return [Math.max(0, mean - half), Math.min(1, mean + half)];
}

/** Whether two intervals have no point in common. */
export function intervalsDisjoint(a: Interval, b: Interval): boolean {
  return a[1] < b[0] || b[1] < a[0];
}
