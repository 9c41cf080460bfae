import type { Interval } from '@hs/contracts';
import { wilson, Z95 } from './wilson';

/**
 * The 95% interval of the difference p1 − p2 of two independent proportions by Newcombe's hybrid score method
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions: comparison of eleven
 * methods", Statistics in Medicine 17:873–890, method 10). It combines the two Wilson intervals (l1, u1) and (l2, u2):
 *
 *   L = D − √((p1 − l1)² + (u2 − p2)²)      U = D + √((u1 − p1)² + (p2 − l2)²)      with D = p1 − p2.
 *
 * Unlike the textbook Wald interval it stays inside [−1, 1], does not collapse at 0 or n, and keeps close to 95%
 * coverage for the small groups of an evening. Either proportion without people: nothing is known, [−1, 1].
 */
export function newcombeDifference(k1: number, n1: number, k2: number, n2: number, z: number = Z95): Interval {
  if (n1 <= 0 || n2 <= 0) return [-1, 1];
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const [l1, u1] = wilson(k1, n1, z);
  const [l2, u2] = wilson(k2, n2, z);
  const d = p1 - p2;
  const low = d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const high = d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return [Math.max(-1, low), Math.min(1, high)];
}

/** A change is flagged only when the interval of the difference lies wholly on one side of zero. */
export function differenceExcludesZero(interval: Interval): boolean {
  return interval[0] > 0 || interval[1] < 0;
}
