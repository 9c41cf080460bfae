/**
 * Weighting to tenant households (docs/METHODS.md §8). With households per municipality only: post-stratification
 * (Holt & Smith 1979), each municipality counting in proportion to its tenant households. With households per age
 * band too: raking (iterative proportional fitting, Deming & Stephan 1940) on municipality × age band, so that the
 * weighted respondents match both margins. Respondents outside the weighted categories (no weight, "unknown", or a
 * suppressed cell) stay out of the estimate, and its raw share is over the same respondents.
 */
import { DESIGN_EFFECT_WARNING, type PolicyWeighting, type WeightMargin } from '@hs/contracts';
import { type SummaryShape, optionsOf } from './round-summary';
import { type CellTally, type RoundTally, UNKNOWN_SEGMENT, crossKeyParts } from './tally';
import { wilson } from './wilson';

export interface WeightTables {
  /** municipality → tenant households */
  households: Record<string, number>;
  /** age band → tenant households; empty: municipality only */
  ageBands: Record<string, number>;
}

export interface RakeCell {
  key: string;
  /** respondents in the cell */
  n: number;
  /** the cell's category in each margin, in the order of the targets */
  categories: string[];
}

export interface RakeResult {
  /** cell key → weight of each person in it */
  weights: Record<string, number>;
  iterations: number;
  converged: boolean;
}

const RAKE_TOLERANCE = 1e-9;
const RAKE_MAX_ITERATIONS = 200;

/**
 * Iterative proportional fitting: person weights start at 1; each sweep scales, margin by margin, every category
 * so that its weighted respondents equal N × its target proportion (targets are normalised over the categories
 * present). Stops when every margin is met within 10⁻⁹ · N.
 */
export function rake(cells: readonly RakeCell[], targets: ReadonlyArray<Record<string, number>>): RakeResult {
  const total = cells.reduce((s, c) => s + c.n, 0);
  const weights: Record<string, number> = Object.fromEntries(cells.map((c) => [c.key, 1]));
  const shares = targets.map((target, d) => {
    const present = new Set(cells.map((c) => c.categories[d]));
    const sum = [...present].reduce((s, k) => s + (target[k] ?? 0), 0);
    return Object.fromEntries([...present].map((k) => [k, sum > 0 ? (target[k] ?? 0) / sum : 0]));
  });
  const margin = (d: number) => {
    const current: Record<string, number> = {};
    for (const c of cells) current[c.categories[d]] = (current[c.categories[d]] ?? 0) + c.n * weights[c.key];
    return current;
  };
  for (let iteration = 1; iteration <= RAKE_MAX_ITERATIONS; iteration++) {
    shares.forEach((share, d) => {
      const current = margin(d);
      for (const c of cells) {
        const have = current[c.categories[d]];
        if (have > 0) weights[c.key] *= (share[c.categories[d]] * total) / have;
      }
    });
    const worst = Math.max(
      0,
      ...shares.flatMap((share, d) => {
        const current = margin(d);
        return Object.keys(share).map((k) => Math.abs((current[k] ?? 0) - share[k] * total));
      }),
    );
    if (worst <= RAKE_TOLERANCE * Math.max(1, total)) return { weights, iterations: iteration, converged: true };
  }
  return { weights, iterations: RAKE_MAX_ITERATIONS, converged: false };
}

/** Kish (1965): n_eff = (Σwᵢ)² / Σwᵢ² over people; cells hold n people of weight w each. */
export function kishEffectiveN(cells: ReadonlyArray<{ n: number; weight: number }>): number {
  const sum = cells.reduce((s, c) => s + c.n * c.weight, 0);
  const sumSq = cells.reduce((s, c) => s + c.n * c.weight * c.weight, 0);
  return sumSq > 0 ? (sum * sum) / sumSq : 0;
}

const fold = (name: string) => name.trim().toLowerCase();

function lookup(table: Record<string, number>): (key: string) => number {
  const byName = new Map(Object.entries(table).map(([k, v]) => [fold(k), v]));
  return (key) => byName.get(fold(key)) ?? 0;
}

/**
 * The weighted estimate of a (pooled) round, or null when no respondent falls in a weighted category.
 * hidden: suppressed cells per margin; they stay out, because a weighted share that included one would give it away.
 */
export function weightedEstimate(
  shape: SummaryShape,
  tally: RoundTally,
  tables: WeightTables,
  hidden: { municipality: ReadonlySet<string>; ageBand: ReadonlySet<string> },
): PolicyWeighting | null {
  const household = lookup(tables.households);
  const ageWeight = lookup(tables.ageBands);
  const usable = (dimension: WeightMargin, key: string, weight: (k: string) => number) =>
    key !== UNKNOWN_SEGMENT && !hidden[dimension].has(key) && weight(key) > 0;
  const byAge = Object.keys(tables.ageBands).length > 0 && tally.crosses !== undefined;

  const cells: Array<RakeCell & { tally: CellTally }> = [];
  if (byAge) {
    for (const [key, cell] of Object.entries(tally.crosses ?? {})) {
      const [m, a] = crossKeyParts(key);
      if (cell.n > 0 && usable('municipality', m, household) && usable('ageBand', a, ageWeight))
        cells.push({ key, n: cell.n, categories: [m, a], tally: cell });
    }
  } else {
    for (const [m, cell] of Object.entries(tally.segments.municipality)) {
      if (cell.n > 0 && usable('municipality', m, household)) cells.push({ key: m, n: cell.n, categories: [m], tally: cell });
    }
  }
  if (cells.length === 0) return null;
  const targets = [
    Object.fromEntries(cells.map((c) => [c.categories[0], household(c.categories[0])])),
    ...(byAge ? [Object.fromEntries(cells.map((c) => [c.categories[1], ageWeight(c.categories[1])]))] : []),
  ];
  const raked = rake(cells, targets);
  const respondents = cells.reduce((s, c) => s + c.n, 0);
  const effectiveN = kishEffectiveN(cells.map((c) => ({ n: c.n, weight: raked.weights[c.key] })));
  const designEffect = effectiveN > 0 ? respondents / effectiveN : Infinity;
  const options = optionsOf(shape).map((o) => {
    let raw = 0;
    let rawBase = 0;
    let weighted = 0;
    let weightedBase = 0;
    for (const c of cells) {
      const w = raked.weights[c.key];
      const t = c.tally.options[o.key];
      if (shape.kind === 'budget') {
        const cellPoints = Object.values(c.tally.options).reduce((s, x) => s + x.points, 0);
        raw += t?.points ?? 0;
        rawBase += cellPoints;
        weighted += w * (t?.points ?? 0);
        weightedBase += w * cellPoints;
      } else {
        raw += t?.voters ?? 0;
        rawBase += c.n;
        weighted += w * (t?.voters ?? 0);
        weightedBase += w * c.n;
      }
    }
    const rawShare = rawBase > 0 ? raw / rawBase : 0;
    const weightedShare = weightedBase > 0 ? weighted / weightedBase : 0;
    return {
      label: o.label,
      rawShare,
      rawCi95: wilson(rawShare * respondents, respondents),
      weightedShare,
      ci95: wilson(weightedShare * effectiveN, effectiveN),
    };
  });
  const unique = (d: number) => [...new Set(cells.map((c) => c.categories[d]))].sort();
  return {
    suppressed: false,
    method: byAge ? 'raking' : 'post-stratification',
    margins: byAge ? ['municipality', 'ageBand'] : ['municipality'],
    respondents,
    effectiveN,
    designEffect,
    designEffectLarge: designEffect > DESIGN_EFFECT_WARNING,
    municipalities: unique(0),
    ageBands: byAge ? unique(1) : [],
    ...(byAge ? { iterations: raked.iterations, converged: raked.converged } : {}),
    options,
  };
}
