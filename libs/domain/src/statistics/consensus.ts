/**
 * Consensus indices from 0 (split as far as possible) to 1 (everyone chose alike). docs/METHODS.md
 * gives the formulas and why each was chosen.
 */

/**
 * 1 − normalised Shannon entropy of a distribution over k categories: 1 when all counts are in one
 * category, 0 when they are spread evenly. Null when there is nothing to measure (no counts, k < 2).
 */
export function entropyConsensus(counts: number[]): number | null {
  const k = counts.length;
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (k < 2 || total <= 0) return null;
  let entropy = 0;
  for (const c of counts) {
    if (c <= 0) continue;
    const p = c / total;
    entropy -= p * Math.log(p);
  }
  return clamp01(1 - entropy / Math.log(k));
}

/**
 * Tastle & Wierman (2007) consensus for an ordinal scale: Cns = 1 + Σ pᵢ·log₂(1 − |Xᵢ − μ| / d),
 * d = max − min of the scale. 1 when everyone gives the same value, 0 when half give the lowest and
 * half the highest. counts[i] is the number of people who gave value values[i].
 */
export function tastleWierman(counts: number[], values: number[]): number | null {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total <= 0 || values.length < 2) return null;
  const width = Math.max(...values) - Math.min(...values);
  const mean = counts.reduce((sum, c, i) => sum + c * values[i], 0) / total;
  let cns = 1;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] <= 0) continue;
    const p = counts[i] / total;
    // |Xᵢ − μ| = d only when everybody else is at the other end, which p > 0 rules out except in the
    // exact 50/50 split of a two-point scale; log₂(0) is then treated as its limit through max().
    cns += p * Math.log2(Math.max(1e-300, 1 - Math.abs(values[i] - mean) / width));
  }
  return clamp01(cns);
}

function clamp01(x: number): number {
  // Rounding noise of the order of 1e-16 must not push an index outside 0..1.
  if (Math.abs(x) < 1e-12) return 0;
  if (Math.abs(1 - x) < 1e-12) return 1;
  return Math.min(1, Math.max(0, x));
}
