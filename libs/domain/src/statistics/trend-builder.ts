/**
 * Trends: the same dilemma (one link key, e.g. one template of the question bank) asked in two or more consultation
 * rounds. Per round the final-round choices of its evenings are pooled (as the policy input pools them); between
 * consecutive rounds each option's change in share gets Newcombe's interval, and is flagged only where that
 * interval excludes zero. Budget dilemmas have no trend: a share of points is not a share of people.
 */
import type { Trend, TrendChange, TrendRound, Trends } from '@hs/contracts';
import { differenceExcludesZero, newcombeDifference } from './newcombe';
import { type DilemmaSource, linkKeyOf, pooledShape } from './policy-builder';
import { summarizeOptions, type OptionsSummary } from './round-summary';
import { suppressedKeys } from './suppression';
import { poolRounds } from './tally';

export interface ConsultationRoundRef {
  id: string;
  name: string;
  year: number;
  /** Sorts rounds: the start date, else the year. */
  order: string;
}

export interface TrendParams {
  scope: Trends['scope'];
  suppressBelow: number;
  sources: DilemmaSource[];
  /** evening id → its consultation round. */
  roundOfEvening: Map<string, ConsultationRoundRef>;
}

type TrendKind = Trend['kind'];
const TREND_KINDS: readonly string[] = ['choice', 'multi', 'scale'] satisfies TrendKind[];

export function buildTrends(params: TrendParams): Trends {
  const groups = new Map<string, DilemmaSource[]>();
  for (const source of params.sources) {
    if (!TREND_KINDS.includes(source.kind) || source.tallies.size === 0) continue;
    if (!params.roundOfEvening.has(source.eveningId)) continue;
    const key = `${source.kind}|${linkKeyOf(source)}`;
    groups.set(key, [...(groups.get(key) ?? []), source]);
  }
  const trends: Trend[] = [];
  for (const group of groups.values()) {
    const trend = trendOf(group, params);
    if (trend) trends.push(trend);
  }
  trends.sort((a, b) => (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : a.question < b.question ? -1 : 1));
  return { scope: params.scope, suppressBelow: params.suppressBelow, trends };
}

function trendOf(group: DilemmaSource[], params: TrendParams): Trend | null {
  const byRound = new Map<string, { round: ConsultationRoundRef; sources: DilemmaSource[] }>();
  for (const source of group) {
    const round = params.roundOfEvening.get(source.eveningId)!;
    const entry = byRound.get(round.id) ?? { round, sources: [] };
    entry.sources.push(source);
    byRound.set(round.id, entry);
  }
  if (byRound.size < 2) return null;
  const { shape, renames } = pooledShape(group);
  const ordered = [...byRound.values()].sort((a, b) =>
    a.round.order < b.round.order ? -1 : a.round.order > b.round.order ? 1 : 0,
  );
  const summaries = ordered.map(({ sources }) => {
    // Each evening's final vote on the question: after a revote, the round the room ended with.
    const finals = sources.map((s) => ({ tally: s.tallies.get(Math.max(...s.tallies.keys()))!, rename: renames.get(s.id) }));
    return summarizeOptions(shape, poolRounds(finals));
  });
  // Each round stands on its own (no total over rounds is published), so no complementary cell is needed: the one
  // suppression rule, applied to the round as a cell, hides a round with fewer than SUPPRESS_BELOW people.
  const hidden = summaries.map((s) => suppressedKeys([{ key: 'round', n: s.total }], params.suppressBelow).size > 0);
  const rounds: TrendRound[] = ordered.map(({ round, sources }, i) => ({
    roundId: round.id,
    name: round.name,
    year: round.year,
    evenings: new Set(sources.map((s) => s.eveningId)).size,
    suppressed: hidden[i],
    total: hidden[i] ? null : summaries[i].total,
    options: hidden[i]
      ? null
      : summaries[i].options.map((o) => ({ label: o.label, count: o.count, share: o.share, ci95: o.ci95 })),
  }));
  const changes: TrendChange[] = ordered.slice(1).map(({ round }, i) => ({
    fromRoundId: ordered[i].round.id,
    toRoundId: round.id,
    options: hidden[i] || hidden[i + 1] ? null : changesBetween(summaries[i], summaries[i + 1]),
  }));
  const first = group[0];
  return { key: linkKeyOf(first), theme: first.theme, question: first.question, kind: first.kind as TrendKind, rounds, changes };
}

function changesBetween(before: OptionsSummary, after: OptionsSummary) {
  return after.options.map((o, i) => {
    const ci95 = newcombeDifference(o.count, after.total, before.options[i].count, before.total);
    return { label: o.label, difference: o.share - before.options[i].share, ci95, changed: differenceExcludesZero(ci95) };
  });
}
