/**
 * Policy input: the same dilemma (same theme and question, or the same link key) pooled across the
 * evenings in scope, with group and municipality comparisons, the shift after discussion, consequences,
 * the comparison between evenings and the post-stratified estimate.
 */
import {
  type PolicyComparison,
  type PolicyConsequence,
  type PolicyDifference,
  type PolicyDilemma,
  type PolicyEveningRow,
  type PolicyInput,
  type PolicyOption,
  type PolicySegment,
  type PolicyShift,
  SEGMENT_DIMENSIONS,
  type SegmentDimension,
} from '@hs/contracts';
import type { DilemmaSourceRow } from '@hs/persistence';
import { type ComparedCell, compareCells } from './differences';
import { type PolicySuppression, policySuppression } from './output-suppression';
import {
  type PairRow,
  type PairTally,
  addPairs,
  emptyPairs,
  mcnemarExactP,
  pairedMeanShift,
  pairedOptions,
  revoteLabel,
} from './paired-shift';
import {
  type OptionShape,
  type OptionsSummary,
  type SummaryShape,
  optionsOf,
  summarizeOptions,
  summarizeSegments,
} from './round-summary';
import { poolRounds, type RoundTally, UNKNOWN_SEGMENT } from './tally';
import { type WeightTables, weightedEstimate } from './weighting';
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
> &
  Partial<Pick<DilemmaSourceRow, 'eveningOtherMunicipalities'>> & {
    /** round → tally; rounds without any vote or hand count are absent. */
    tallies: Map<number, RoundTally>;
    /** Voters of both the first and the last round, as (first, last) choice combinations; absent: none counted. */
    pairs?: PairRow[];
  };

export interface PolicyInputParams {
  scope: PolicyInput['scope'];
  suppressBelow: number;
  themeNames: Record<string, string>;
  themeOrder: string[];
  sources: DilemmaSource[];
  /** tenant households per municipality (and per age band); empty: no weighting. */
  weights: WeightTables;
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
  hidden: ReadonlySet<string>,
): PolicySegment[] {
  const labels = new Map(optionsOf(shape).map((o) => [o.key, o.label]));
  return summarizeSegments(shape, tally.segments[dimension], dimension, hidden).map((s) => ({
    key: s.key,
    n: s.n,
    suppressed: s.suppressed,
    options:
      s.options?.map((o) => ({ label: labels.get(o.optionId) ?? o.optionId, count: o.count, share: o.share, ci95: o.ci95 })) ??
      null,
  }));
}

const lastRound = (s: DilemmaSource): RoundTally => s.tallies.get(roundsOf(s).at(-1)!)!;
const firstRound = (s: DilemmaSource): RoundTally => s.tallies.get(roundsOf(s)[0])!;

function shiftOf(
  shape: SummaryShape,
  revoted: DilemmaSource[],
  renames: Map<string, (k: string) => string | null>,
  flags: PolicySuppression,
): PolicyShift | null {
  if (revoted.length === 0) return null;
  const before = summarizeOptions(shape, poolRounds(revoted.map((s) => ({ tally: firstRound(s), rename: renames.get(s.id) }))));
  const after = summarizeOptions(shape, poolRounds(revoted.map((s) => ({ tally: lastRound(s), rename: renames.get(s.id) }))));
  const pairs = pairsOf(shape, revoted, renames);
  const hidden = flags.overall || flags.shift.paired;
  const shift: PolicyShift = {
    suppressed: hidden,
    dilemmas: revoted.length,
    label: revoteLabel(revoted.length),
    n: hidden ? null : pairs.n,
    firstTotal: flags.overall || flags.shift.first ? null : before.total,
    lastTotal: flags.overall || flags.shift.last ? null : after.total,
    options: hidden || pairs.n === 0 ? null : pairedOptions(pairs, optionsOf(shape)),
    mcnemar: null,
    manual: flags.overall ? null : { first: before.manualTotal, last: after.manualTotal },
  };
  if (!hidden && pairs.n > 0 && shape.kind === 'choice' && shape.options.length === 2) {
    const [a, b] = shape.options;
    const moved = pairs.options[a.key] ?? { both: 0, firstOnly: 0, lastOnly: 0 };
    // With one choice of two, leaving a is choosing b: the discordant pairs are a→b and b→a.
    shift.mcnemar = {
      labels: [a.label, b.label],
      toSecond: moved.firstOnly,
      toFirst: moved.lastOnly,
      pValue: mcnemarExactP(moved.firstOnly, moved.lastOnly),
    };
  }
  if (shape.kind === 'scale') {
    const mean = hidden ? null : pairedMeanShift(pairs);
    shift.meanShift = mean?.mean ?? null;
    shift.meanShiftCi95 = mean?.ci95 ?? null;
  }
  return shift;
}

function pairsOf(shape: SummaryShape, revoted: DilemmaSource[], renames: Map<string, (k: string) => string | null>): PairTally {
  const pairs = emptyPairs();
  for (const s of revoted) addPairs(pairs, shape.kind, s.pairs ?? [], renames.get(s.id) ?? ((k) => k));
  return pairs;
}

interface SourceSummary {
  source: DilemmaSource;
  tally: RoundTally | null;
  summary: OptionsSummary | null;
}

function comparisonOf(shape: SummaryShape, rows: SourceSummary[], flags: PolicySuppression): PolicyComparison | null {
  const held = rows.filter((r) => r.summary !== null);
  if (held.length < 2) return null;
  const evenings: PolicyEveningRow[] = held.map(({ source, summary }) => {
    const hidden = flags.overall || flags.sources.has(source.id);
    return {
      eveningId: source.eveningId,
      title: source.eveningTitle,
      municipality: source.eveningMunicipality,
      suppressed: hidden,
      total: hidden ? null : summary!.total,
      options: hidden ? null : summary!.options.map((o) => ({ label: o.label, share: o.share, ci95: o.ci95 })),
    };
  });
  const differs: PolicyComparison['differs'] = [];
  optionsOf(shape).forEach((option, i) => {
    const visible = evenings.filter((e) => !e.suppressed && (e.total ?? 0) > 0);
    for (let a = 0; a < visible.length; a++) {
      for (let b = a + 1; b < visible.length; b++) {
        if (intervalsDisjoint(visible[a].options![i].ci95, visible[b].options![i].ci95)) {
          differs.push({ label: option.label, evenings: [visible[a].eveningId, visible[b].eveningId] });
        }
      }
    }
  });
  return { evenings, differs };
}

/** Comparisons between the visible cells of each dimension, Holm-corrected per dimension (not for budget). */
function differencesOf(
  shape: SummaryShape,
  segments: Record<SegmentDimension, PolicySegment[]>,
  comparison: PolicyComparison | null,
  rows: SourceSummary[],
): PolicyDifference[] {
  if (shape.kind === 'budget') return [];
  const labels = optionsOf(shape).map((o) => o.label);
  const out: PolicyDifference[] = [];
  for (const dimension of SEGMENT_DIMENSIONS) {
    const cells: ComparedCell[] = segments[dimension]
      .filter((s) => !s.suppressed && s.key !== UNKNOWN_SEGMENT && s.n)
      .map((s) => ({ key: s.key, n: s.n!, counts: Object.fromEntries(s.options!.map((o) => [o.label, o.count])) }));
    out.push(...compareCells(cells, labels).map((d) => ({ dimension, ...d })));
  }
  if (comparison) {
    const visible = new Set(comparison.evenings.filter((e) => !e.suppressed).map((e) => e.eveningId));
    const cells: ComparedCell[] = rows
      .filter((r) => r.summary && visible.has(r.source.eveningId))
      .map((r) => ({
        key: r.source.eveningId,
        n: r.summary!.total,
        counts: Object.fromEntries(r.summary!.options.map((o) => [o.label, o.count])),
      }));
    out.push(...compareCells(cells, labels).map((d) => ({ dimension: 'evening' as const, ...d })));
  }
  return out;
}

function optionRows(shape: SummaryShape, summary: OptionsSummary, hidden: boolean): PolicyOption[] {
  return summary.options.map((o) => {
    if (hidden) {
      return {
        label: o.label,
        consequence: o.consequence,
        suppressed: true,
        count: null,
        share: null,
        ci95: null,
        manual: null,
        ...(shape.kind === 'budget' ? { givers: null, giversShare: null, giversCi95: null, meanPoints: null } : {}),
      };
    }
    return {
      label: o.label,
      consequence: o.consequence,
      suppressed: false,
      count: o.count,
      share: o.share,
      ci95: o.ci95,
      manual: o.manual,
      ...(shape.kind === 'budget'
        ? { givers: o.givers, giversShare: o.giversShare, giversCi95: o.giversCi95, meanPoints: o.meanPoints }
        : {}),
    };
  });
}

function consequencesOf(shape: SummaryShape, summary: OptionsSummary, hidden: boolean, threshold: number): PolicyConsequence[] {
  const electronic = summary.total - summary.manualTotal;
  // Budget: who gave it any points chose it, and only phone votes say who (hand counts are points).
  const tooFew = hidden || (shape.kind === 'budget' && electronic > 0 && electronic < threshold);
  return summary.options
    .filter((o) => o.consequence && o.consequence.trim())
    .map((o) => {
      if (tooFew) return { label: o.label, consequence: o.consequence!, suppressed: true, share: null, ci95: null, n: null };
      return shape.kind === 'budget'
        ? {
            label: o.label,
            consequence: o.consequence!,
            suppressed: false,
            share: o.giversShare ?? 0,
            ci95: o.giversCi95 ?? o.ci95,
            n: electronic,
          }
        : { label: o.label, consequence: o.consequence!, suppressed: false, share: o.share, ci95: o.ci95, n: summary.total };
    });
}

export function buildPolicyDilemma(group: DilemmaSource[], suppressBelow: number, weights: WeightTables): PolicyDilemma {
  const first = group[0];
  const { shape, renames } = pooledShape(group);
  const rows: SourceSummary[] = group.map((source) => {
    if (source.tallies.size === 0) return { source, tally: null, summary: null };
    const tally = lastRound(source);
    return { source, tally, summary: summarizeOptions(shape, poolRounds([{ tally, rename: renames.get(source.id) }])) };
  });
  const held = rows.filter((r) => r.tally !== null);
  const last = poolRounds(held.map((r) => ({ tally: r.tally!, rename: renames.get(r.source.id) })));
  const summary = summarizeOptions(shape, last);
  const revoted = held.map((r) => r.source).filter((s) => roundsOf(s).length >= 2);
  const pairs = pairsOf(shape, revoted, renames);
  const flags = policySuppression(
    {
      total: summary.total,
      manual: summary.manualTotal,
      segments: last.segments,
      sources: held.map((r) => ({
        id: r.source.id,
        total: r.summary!.total,
        manual: r.summary!.manualTotal,
        municipalities: Object.fromEntries(Object.entries(r.tally!.segments.municipality).map(([m, c]) => [m, c.n])),
        revoted: roundsOf(r.source).length >= 2,
      })),
      shift: revoted.length
        ? {
            paired: pairs.n,
            first: summarizeOptions(shape, poolRounds(revoted.map((s) => ({ tally: firstRound(s), rename: renames.get(s.id) }))))
              .total,
            last: summarizeOptions(shape, poolRounds(revoted.map((s) => ({ tally: lastRound(s), rename: renames.get(s.id) }))))
              .total,
          }
        : null,
    },
    suppressBelow,
  );
  const segments = Object.fromEntries(
    SEGMENT_DIMENSIONS.map((d) => [d, toPolicySegments(shape, last, d, flags.segments[d])]),
  ) as Record<SegmentDimension, PolicySegment[]>;
  const weighting = flags.overall
    ? null
    : weightedEstimate(shape, last, weights, { municipality: flags.segments.municipality, ageBand: flags.segments.ageBand });
  const comparison = comparisonOf(shape, rows, flags);
  return {
    key: linkKeyOf(first),
    theme: first.theme,
    question: first.question,
    description: first.description,
    kind: first.kind,
    suppressed: flags.overall,
    evenings: rows.map(({ source, summary: own }) => {
      const hidden = flags.overall || flags.sources.has(source.id);
      return {
        eveningId: source.eveningId,
        dilemmaId: source.id,
        title: source.eveningTitle,
        municipality: source.eveningMunicipality,
        rounds: source.tallies.size,
        suppressed: hidden,
        total: hidden ? null : (own?.total ?? 0),
      };
    }),
    total: flags.overall ? null : summary.total,
    manualTotal: flags.overall ? null : summary.manualTotal,
    options: optionRows(shape, summary, flags.overall),
    consensus: flags.overall ? null : summary.consensus,
    ...(summary.scale ? { scale: flags.overall ? null : summary.scale } : {}),
    groups: segments.group,
    municipalities: segments.municipality,
    ageBands: segments.ageBand,
    weighting,
    shift: shiftOf(shape, revoted, renames, flags),
    consequences: consequencesOf(shape, summary, flags.overall, suppressBelow),
    comparison,
    differences: flags.overall ? [] : differencesOf(shape, segments, comparison, rows),
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
      municipalities: [s.eveningMunicipality, ...(s.eveningOtherMunicipalities ?? [])],
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
