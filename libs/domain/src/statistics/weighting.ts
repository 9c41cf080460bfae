/**
 * Post-stratification by municipality (Holt & Smith 1979): each municipality's result counts in
 * proportion to its number of tenant households, not to how many of its tenants came. Respondents
 * without a municipality, or of a municipality without a weight, stay out of the weighted estimate.
 */
import type { PolicyWeighting } from '@hs/contracts';
import { type SummaryShape, optionsOf } from './round-summary';
import { type CellTally, UNKNOWN_SEGMENT } from './tally';
import { wilson } from './wilson';

/**
 * weights: municipality → households; municipalities are matched ignoring case and surrounding spaces.
 * hidden: suppressed municipalities. They stay out, because with the weights published and the other
 * municipalities visible, a weighted share that included one hidden municipality would give it away.
 */
export function weightedEstimate(
  shape: SummaryShape,
  cells: Record<string, CellTally>,
  rawWeights: Record<string, number>,
  hidden: ReadonlySet<string> = new Set(),
): PolicyWeighting | null {
  const byName = new Map(Object.entries(rawWeights).map(([m, h]) => [m.trim().toLowerCase(), h]));
  const weights: Record<string, number> = {};
  for (const m of Object.keys(cells)) weights[m] = byName.get(m.trim().toLowerCase()) ?? 0;
  const used = Object.keys(cells)
    .filter((m) => m !== UNKNOWN_SEGMENT && !hidden.has(m) && cells[m].n > 0 && weights[m] > 0)
    .sort();
  if (used.length === 0) return null;
  const totalWeight = used.reduce((s, m) => s + weights[m], 0);
  const respondents = used.reduce((s, m) => s + cells[m].n, 0);
  // Kish: with person weight wᵢ = W_m / n_m, n_eff = (Σwᵢ)² / Σwᵢ² = (ΣW_m)² / Σ(W_m² / n_m).
  const effectiveN = (totalWeight * totalWeight) / used.reduce((s, m) => s + (weights[m] * weights[m]) / cells[m].n, 0);
  const options = optionsOf(shape).map((o) => {
    let raw = 0;
    let rawBase = 0;
    let weighted = 0;
    for (const m of used) {
      const cell = cells[m];
      const t = cell.options[o.key];
      if (shape.kind === 'budget') {
        const cellPoints = Object.values(cell.options).reduce((s, x) => s + x.points, 0);
        raw += t?.points ?? 0;
        rawBase += cellPoints;
        weighted += cellPoints > 0 ? (weights[m] * (t?.points ?? 0)) / cellPoints : 0;
      } else {
        raw += t?.voters ?? 0;
        rawBase += cell.n;
        weighted += (weights[m] * (t?.voters ?? 0)) / cell.n;
      }
    }
    const weightedShare = weighted / totalWeight;
    return {
      label: o.label,
      rawShare: rawBase > 0 ? raw / rawBase : 0,
      weightedShare,
      ci95: wilson(weightedShare * effectiveN, effectiveN),
    };
  });
  return { respondents, effectiveN, municipalities: used, options };
}
