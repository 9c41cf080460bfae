/**
 * GET /api/dilemmas/:id/results from one round's tally: the numbers of round-summary.ts with the suppression of
 * output-suppression.ts applied (a round under the threshold shows its option labels only).
 */
import type { DilemmaKind, DilemmaResults, SegmentDimension } from '@hs/contracts';
import { resultsSuppression } from './output-suppression';
import { type SummaryShape, summarizeOptions, summarizeSegments } from './round-summary';
import type { RoundTally } from './tally';

export interface ResultsParams {
  dilemmaId: string;
  kind: DilemmaKind;
  shape: SummaryShape;
  round: number;
  /** the dilemma's current round: rounds 1..latest are listed */
  latest: number;
  tally: RoundTally;
  by: SegmentDimension;
  suppressBelow: number;
}

export function buildResults(p: ResultsParams): DilemmaResults {
  const summary = summarizeOptions(p.shape, p.tally);
  const flags = resultsSuppression(summary.total, summary.manualTotal, p.tally.segments[p.by], p.suppressBelow);
  const base = {
    dilemmaId: p.dilemmaId,
    round: p.round,
    rounds: Array.from({ length: p.latest }, (_, i) => i + 1),
    kind: p.kind,
    by: p.by,
    segments: summarizeSegments(p.shape, p.tally.segments[p.by], p.by, flags.segments),
    suppressBelow: p.suppressBelow,
  };
  if (flags.overall) {
    return {
      ...base,
      suppressed: true,
      total: null,
      options: summary.options.map((o) => ({
        optionId: o.optionId,
        label: o.label,
        consequence: o.consequence,
        suppressed: true as const,
        count: null,
        share: null,
        ci95: null,
        manual: null,
      })),
      manual: { total: null, counts: {} },
      consensus: null,
    };
  }
  const manualCounts: Record<string, number> = {};
  for (const o of summary.options) if (o.manual > 0) manualCounts[o.optionId] = o.manual;
  return {
    ...base,
    suppressed: false,
    total: summary.total,
    options: summary.options.map((o) => ({ ...o, suppressed: false as const })),
    manual: { total: summary.manualTotal, counts: manualCounts },
    consensus: summary.consensus,
    ...(summary.scale ? { scale: summary.scale } : {}),
  };
}
