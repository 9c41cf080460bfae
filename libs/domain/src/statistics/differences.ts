/**
 * Differences between two cells' shares that hold up (docs/METHODS.md §7): the difference with Newcombe's
 * hybrid score interval, the two-proportion z-test, and Holm's correction across every comparison shown for a
 * dimension of a dilemma, so that among many pairs a few chance differences are not flagged.
 */
import type { Interval, PolicyDifference } from '@hs/contracts';
import { twoSidedP } from './normal';
import { wilson } from './wilson';

/** The level below which a Holm-adjusted p-value counts as a difference that holds up. */
export const DIFFERENCE_ALPHA = 0.05;

/**
 * Newcombe (1998) method 10: with Wilson intervals [l₁, u₁] of p₁ = k₁/n₁ and [l₂, u₂] of p₂ = k₂/n₂,
 * d = p₁ − p₂, low = d − √((p₁ − l₁)² + (u₂ − p₂)²), high = d + √((u₁ − p₁)² + (p₂ − l₂)²).
 */
export function newcombeInterval(k1: number, n1: number, k2: number, n2: number): Interval {
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const [l1, u1] = wilson(k1, n1);
  const [l2, u2] = wilson(k2, n2);
  const d = p1 - p2;
  return [Math.max(-1, d - Math.hypot(p1 - l1, u2 - p2)), Math.min(1, d + Math.hypot(u1 - p1, p2 - l2))];
}

/** The two-proportion z-test with the pooled proportion; 1 where both shares are 0 or both 1 (nothing to test). */
export function twoProportionP(k1: number, n1: number, k2: number, n2: number): number {
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return 1;
  return twoSidedP((k1 / n1 - k2 / n2) / se);
}

/**
 * Holm (1979) step-down adjustment: sorted ascending, p₍ᵢ₎ becomes max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎).
 * Returned in the input order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

export interface ComparedCell {
  key: string;
  n: number;
  /** option label → people who chose it */
  counts: Record<string, number>;
}

/** A comparison as the policy input carries it, before it is told its dimension. */
export type Difference = Omit<PolicyDifference, 'dimension'>;

/** Every pair of cells (in the given order) for every label, with Holm's correction across all of them. */
export function compareCells(cells: readonly ComparedCell[], labels: readonly string[]): Difference[] {
  const rows: Array<Omit<Difference, 'pHolm' | 'comparisons' | 'holds'>> = [];
  for (const label of labels) {
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const [a, b] = [cells[i], cells[j]];
        if (a.n <= 0 || b.n <= 0) continue;
        const [ka, kb] = [a.counts[label] ?? 0, b.counts[label] ?? 0];
        rows.push({
          label,
          a: a.key,
          b: b.key,
          diff: ka / a.n - kb / b.n,
          ci95: newcombeInterval(ka, a.n, kb, b.n),
          pValue: twoProportionP(ka, a.n, kb, b.n),
        });
      }
    }
  }
  const adjusted = holmAdjust(rows.map((r) => r.pValue));
  return rows.map((r, i) => ({ ...r, pHolm: adjusted[i], comparisons: rows.length, holds: adjusted[i] < DIFFERENCE_ALPHA }));
}
