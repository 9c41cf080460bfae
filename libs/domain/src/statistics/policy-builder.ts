/**
 * Policy input: the same dilemma (same theme and question, or the same link key) pooled across the
 * evenings in scope, with group and municipality comparisons, the shift after discussion, consequences,
 * the comparison between evenings and the post-stratified estimate.
 */
import type {
  PolicyComparison,
  PolicyDilemma,
  PolicyInput,
  PolicySegment,
  PolicyShift,
  PolicyWeighting,
  SegmentDimension,
} from '@hs/contracts';
import type { DilemmaSourceRow } from '@hs/persistence';
import { type SummaryShape, type OptionShape, optionsOf, summarizeOptions, summarizeSegments } from './round-summary';
import { poolRounds, type RoundTally } from './tally';
import { weightedEstimate } from './weighting';
import { intervalsDisjoint, wilson } from './wilson';

/** A dilemma as the policy input reads it: its stored fields and its tallies per round. */
export type DilemmaSource = Pick<
  DilemmaSourceRow,
  | 'id'
  | 'eveningId'
  | 'eveningTitle'
  | 'eveningMunicipality'
  | 'eveningStartsAt'
  | 'position'
  | 'theme'
  | 'question'
  | 'description'
  | 'kind'
  | 'budget'
  | 'linkKey'
  | 'options'
> & {
  /** round → tally; rounds without any vote or hand count are absent. */
  tallies: Map<number, RoundTally>;
};

export interface PolicyInputParams {
  scope: PolicyInput['scope'];
  suppressBelow: number;
  themeNames: Record<string, string>;
  themeOrder: string[];
  sources: DilemmaSource[];
  /** municipality → tenant households; empty: no post-stratification. */
  weights: Record<string, number>;
}

export const normalizeText = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

export function linkKeyOf(source: Pick<DilemmaSource, 'linkKey' | 'theme' | 'question'>): string {
  return source.linkKey?.trim() ? `link:${source.linkKey.trim()}` : `${source.theme}:${normalizeText(source.question)}`;
}

function roundsOf(source: DilemmaSource): number[] {
  return [...source.tallies.keys()].sort((a, b) => a - b);
}

/** The pooled shape: options matched across evenings by their normalised label. */
export function pooledShape(group: DilemmaSource[]): {
  shape: SummaryShape;
  renames: Map<string, (key: string) => string | null>;
} {
  const first = group[0];
  const options: OptionShape[] = [];
  const seen = new Map<string, OptionShape>();
  const renames = new Map<string, (key: string) => string | null>();
  for (const source of group) {
    const byId = new Map<string, string>();
    for (const option of source.options) {
      const key = normalizeText(option.label);
      byId.set(option.id, key);
      const known = seen.get(key);
      if (!known) {
        const shape = { key, label: option.label, consequence: option.consequence };
        seen.set(key, shape);
        options.push(shape);
      } else if (!known.consequence && option.consequence) known.consequence = option.consequence;
    }
    renames.set(source.id, first.kind === 'scale' ? (k) => k : (k) => byId.get(k) ?? null);
  }
  return { shape: { kind: first.kind, budget: first.budget, options }, renames };
}

function toPolicySegments(
  shape: SummaryShape,
  tally: RoundTally,
  dimension: SegmentDimension,
  suppressBelow: number,
): PolicySegment[] {
  const labels = new Map(optionsOf(shape).map((o) => [o.key, o.label]));
  return summarizeSegments(shape, tally.segments[dimension], dimension, suppressBelow).map((s) => ({
    key: s.key,
    n: s.n,
    suppressed: s.suppressed,
    options:
      s.options?.map((o) => ({ label: labels.get(o.optionId) ?? o.optionId, count: o.count, share: o.share, ci95: o.ci95 })) ??
      null,
  }));
}

function shiftOf(
  shape: SummaryShape,
  group: DilemmaSource[],
  renames: Map<string, (k: string) => string | null>,
): PolicyShift | null {
  const multiRound = group.filter((s) => roundsOf(s).length >= 2);
  if (multiRound.length === 0) return null;
  const firsts = poolRounds(multiRound.map((s) => ({ tally: s.tallies.get(roundsOf(s)[0])!, rename: renames.get(s.id) })));
  const lasts = poolRounds(multiRound.map((s) => ({ tally: s.tallies.get(roundsOf(s).at(-1)!)!, rename: renames.get(s.id) })));
  const before = summarizeOptions(shape, firsts);
  const after = summarizeOptions(shape, lasts);
  const shift: PolicyShift = {
    dilemmas: multiRound.length,
    firstTotal: before.total,
    lastTotal: after.total,
    options: after.options.map((o, i) => ({
      label: o.label,
      firstShare: before.options[i].share,
      lastShare: o.share,
      shiftPp: (o.share - before.options[i].share) * 100,
    })),
  };
  if (shape.kind === 'scale' && before.scale?.mean != null && after.scale?.mean != null) {
    shift.meanShift = after.scale.mean - before.scale.mean;
  }
  return shift;
}

function comparisonOf(
  shape: SummaryShape,
  group: DilemmaSource[],
  renames: Map<string, (k: string) => string | null>,
): PolicyComparison | null {
  const evenings = group.filter((s) => s.tallies.size > 0);
  if (evenings.length < 2) return null;
  const rows = evenings.map((s) => {
    const summary = summarizeOptions(
      shape,
      poolRounds([{ tally: s.tallies.get(roundsOf(s).at(-1)!)!, rename: renames.get(s.id) }]),
    );
    return {
      eveningId: s.eveningId,
      title: s.eveningTitle,
      municipality: s.eveningMunicipality,
      total: summary.total,
      options: summary.options.map((o) => ({ label: o.label, share: o.share, ci95: o.ci95 })),
    };
  });
  const differs: PolicyComparison['differs'] = [];
  optionsOf(shape).forEach((option, i) => {
    for (let a = 0; a < rows.length; a++) {
      for (let b = a + 1; b < rows.length; b++) {
        if (rows[a].total > 0 && rows[b].total > 0 && intervalsDisjoint(rows[a].options[i].ci95, rows[b].options[i].ci95)) {
          differs.push({ label: option.label, evenings: [rows[a].eveningId, rows[b].eveningId] });
        }
      }
    }
  });
  return { evenings: rows, differs };
}

export function buildPolicyDilemma(
  group: DilemmaSource[],
  suppressBelow: number,
  weights: Record<string, number>,
): PolicyDilemma {
  const first = group[0];
  const { shape, renames } = pooledShape(group);
  const last = poolRounds(
    group
      .filter((s) => s.tallies.size > 0)
      .map((s) => ({ tally: s.tallies.get(roundsOf(s).at(-1)!)!, rename: renames.get(s.id) })),
  );
  const summary = summarizeOptions(shape, last);
  const municipalities = toPolicySegments(shape, last, 'municipality', suppressBelow);
  const hiddenMunicipalities = new Set(municipalities.filter((m) => m.suppressed).map((m) => m.key));
  const weighting: PolicyWeighting | null = weightedEstimate(shape, last.segments.municipality, weights, hiddenMunicipalities);
  return {
    key: linkKeyOf(first),
    theme: first.theme,
    question: first.question,
    description: first.description,
    kind: first.kind,
    evenings: group.map((s) => ({
      eveningId: s.eveningId,
      dilemmaId: s.id,
      title: s.eveningTitle,
      municipality: s.eveningMunicipality,
      rounds: s.tallies.size,
      total: s.tallies.size
        ? summarizeOptions(shape, poolRounds([{ tally: s.tallies.get(roundsOf(s).at(-1)!)!, rename: renames.get(s.id) }])).total
        : 0,
    })),
    total: summary.total,
    manualTotal: summary.manualTotal,
    options: summary.options.map((o) => ({
      label: o.label,
      consequence: o.consequence,
      count: o.count,
      share: o.share,
      ci95: o.ci95,
      manual: o.manual,
      ...(shape.kind === 'budget'
        ? { givers: o.givers, giversShare: o.giversShare, giversCi95: o.giversCi95, meanPoints: o.meanPoints }
        : {}),
    })),
    consensus: summary.consensus,
    ...(summary.scale ? { scale: summary.scale } : {}),
    groups: toPolicySegments(shape, last, 'group', suppressBelow),
    municipalities,
    ageBands: toPolicySegments(shape, last, 'ageBand', suppressBelow),
    weighting,
    shift: shiftOf(shape, group, renames),
    consequences: summary.options
      .filter((o) => o.consequence && o.consequence.trim())
      // Budget: who gave it any points chose it; its share of all points says how much, not how many.
      .map((o) =>
        shape.kind === 'budget'
          ? {
              label: o.label,
              consequence: o.consequence!,
              share: o.giversShare ?? 0,
              ci95: o.giversCi95 ?? o.ci95,
              n: summary.total - summary.manualTotal,
            }
          : { label: o.label, consequence: o.consequence!, share: o.share, ci95: o.ci95, n: summary.total },
      ),
    comparison: comparisonOf(shape, group, renames),
  };
}

/** Everything in scope, per theme (in the themes' order), per linked dilemma (in the order first held). */
export function buildPolicyInput(params: PolicyInputParams): PolicyInput {
  const bySource = [...params.sources].sort(
    (a, b) =>
      (a.eveningStartsAt < b.eveningStartsAt ? -1 : a.eveningStartsAt > b.eveningStartsAt ? 1 : 0) ||
      a.position - b.position ||
      (a.id < b.id ? -1 : 1),
  );
  const groups = new Map<string, DilemmaSource[]>();
  for (const source of bySource) {
    const key = `${source.kind}|${linkKeyOf(source)}`;
    const list = groups.get(key) ?? [];
    list.push(source);
    groups.set(key, list);
  }
  const themes = new Map<string, PolicyDilemma[]>();
  for (const group of groups.values()) {
    const list = themes.get(group[0].theme) ?? [];
    list.push(buildPolicyDilemma(group, params.suppressBelow, params.weights));
    themes.set(group[0].theme, list);
  }
  const order = (theme: string) => {
    const i = params.themeOrder.indexOf(theme);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const evenings = new Map<string, PolicyInput['evenings'][number]>();
  for (const s of bySource) {
    evenings.set(s.eveningId, {
      id: s.eveningId,
      title: s.eveningTitle,
      municipality: s.eveningMunicipality,
      startsAt: s.eveningStartsAt,
    });
  }
  return {
    scope: params.scope,
    suppressBelow: params.suppressBelow,
    evenings: [...evenings.values()],
    themes: [...themes.entries()]
      .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : 1))
      .map(([theme, dilemmas]) => ({ theme, name: params.themeNames[theme] ?? theme, dilemmas })),
  };
}

/** Exposed for tests: the Wilson interval used for pooled shares. */
export const pooledInterval = wilson;
