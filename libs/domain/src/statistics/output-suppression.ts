/**
 * The suppression of each output, decided in one place: what the results of one round and the policy input of a
 * pooled dilemma publish, described as a table of cells and sums for decideSuppression (suppression.ts). Every
 * figure the builders put out takes its flag from here; renderers only show the flags (docs/METHODS.md §4).
 */
import type { SegmentDimension } from '@hs/contracts';
import { SEGMENT_DIMENSIONS } from '@hs/contracts';
import { type SuppressionCell, type SuppressionRelation, type SuppressionTable, decideSuppression } from './suppression';
import type { CellTally } from './tally';

/**
 * A round (or a pooled dilemma) shows no figures at all when its respondents, or those who voted by phone, are
 * fewer than the threshold: the phone voters are published implicitly (total − hand counts), and each option's
 * count minus its hand count would show what those few chose.
 */
export function tooFew(total: number, manual: number, threshold: number): boolean {
  const electronic = total - manual;
  return (total > 0 && total < threshold) || (electronic > 0 && electronic < threshold);
}

export interface ResultsSuppression {
  /** The round as a whole is under the threshold: nothing but labels is shown. */
  overall: boolean;
  /** Hidden segment keys of the dimension shown. */
  segments: Set<string>;
}

/**
 * One dilemma round, segmented by one dimension: the total (hand counts included) and the segments, which add up
 * to the electronic votes (total − hand counts, both published).
 */
export function resultsSuppression(
  total: number,
  manual: number,
  segments: Record<string, CellTally>,
  threshold: number,
): ResultsSuppression {
  const listed = Object.entries(segments).filter(([, c]) => c.n > 0);
  if (tooFew(total, manual, threshold)) return { overall: true, segments: new Set(listed.map(([k]) => k)) };
  const hidden = decideSuppression(
    {
      cells: listed.map(([key, c]) => ({ key, n: c.n })),
      relations: [{ total: total - manual, parts: listed.map(([k]) => k) }],
    },
    threshold,
  );
  return { overall: false, segments: hidden };
}

/** One evening's part of a pooled dilemma (its last round). */
export interface SourceCells {
  id: string;
  /** respondents, hand counts included (the evening row's total) */
  total: number;
  /** people counted by hand */
  manual: number;
  /** its electronic voters per municipality (the evening's, or those picked) */
  municipalities: Record<string, number>;
  /** voted on more than once: part of the shift */
  revoted: boolean;
}

export interface PolicySuppressionInput {
  total: number;
  manual: number;
  segments: Record<SegmentDimension, Record<string, CellTally>>;
  sources: SourceCells[];
  /** the shift's people: paired n, and all respondents of the first and the last rounds */
  shift: { paired: number; first: number; last: number } | null;
}

export interface PolicySuppression {
  overall: boolean;
  segments: Record<SegmentDimension, Set<string>>;
  /** hidden evening rows (source ids) */
  sources: Set<string>;
  shift: { paired: boolean; first: boolean; last: boolean };
}

const cellKey = {
  segment: (dimension: SegmentDimension, key: string) => `${dimension}:${key}`,
  source: (id: string) => `evening:${id}`,
  sourceInMunicipality: (id: string, municipality: string) => `evening:${id}:municipality:${municipality}`,
  sourceManual: (id: string) => `evening:${id}:manual`,
};

/**
 * A pooled dilemma of the policy input. Published: the total, the hand-counted total, the segments of each
 * dimension, each evening's row and the shift's totals. Behind them, never published but bound by the same sums:
 * each evening's voters per municipality and each evening's hand counts. So an evening row cannot be worked out
 * from its municipality's segment (or the other way round), nor from the pooled total and the other rows.
 */
export function policySuppression(input: PolicySuppressionInput, threshold: number): PolicySuppression {
  const listed = (dimension: SegmentDimension) => Object.entries(input.segments[dimension]).filter(([, c]) => c.n > 0);
  const overall = tooFew(input.total, input.manual, threshold);
  const hidden = overall ? null : decideSuppression(policyTable(input), threshold);
  const isHidden = (key: string) => hidden === null || hidden.has(key);
  return {
    overall,
    segments: Object.fromEntries(
      SEGMENT_DIMENSIONS.map((d) => [
        d,
        new Set(
          listed(d)
            .filter(([k]) => isHidden(cellKey.segment(d, k)))
            .map(([k]) => k),
        ),
      ]),
    ) as Record<SegmentDimension, Set<string>>,
    sources: new Set(input.sources.filter((s) => overall || (hidden?.has(cellKey.source(s.id)) ?? false)).map((s) => s.id)),
    shift: { paired: isHidden('shift:paired'), first: isHidden('shift:first'), last: isHidden('shift:last') },
  };
}

/** The table of a pooled dilemma's output, as decideSuppression reads it (exported for the property tests). */
export function policyTable(input: PolicySuppressionInput): SuppressionTable {
  const listed = (dimension: SegmentDimension) => Object.entries(input.segments[dimension]).filter(([, c]) => c.n > 0);
  const cells: SuppressionCell[] = [];
  const relations: SuppressionRelation[] = [];
  const electronic = input.total - input.manual;
  for (const dimension of SEGMENT_DIMENSIONS) {
    const keys = listed(dimension).map(([key, c]) => {
      cells.push({ key: cellKey.segment(dimension, key), n: c.n });
      return cellKey.segment(dimension, key);
    });
    relations.push({ total: electronic, parts: keys });
  }
  if (input.sources.length > 1) {
    for (const source of input.sources) {
      cells.push({ key: cellKey.source(source.id), n: source.total });
      const parts: string[] = [];
      for (const [municipality, n] of Object.entries(source.municipalities)) {
        if (n <= 0) continue;
        cells.push({ key: cellKey.sourceInMunicipality(source.id, municipality), n, published: false });
        parts.push(cellKey.sourceInMunicipality(source.id, municipality));
      }
      // With no hand counts at all, every evening's hand count is known to be 0: no unknown to hide behind.
      if (input.manual > 0) {
        cells.push({ key: cellKey.sourceManual(source.id), n: source.manual, published: false });
        parts.push(cellKey.sourceManual(source.id));
      }
      relations.push({ total: cellKey.source(source.id), parts });
    }
    relations.push({ total: input.total, parts: input.sources.map((s) => cellKey.source(s.id)) });
    if (input.manual > 0) relations.push({ total: input.manual, parts: input.sources.map((s) => cellKey.sourceManual(s.id)) });
    for (const [municipality] of listed('municipality')) {
      const parts = input.sources
        .filter((s) => (s.municipalities[municipality] ?? 0) > 0)
        .map((s) => cellKey.sourceInMunicipality(s.id, municipality));
      relations.push({ total: cellKey.segment('municipality', municipality), parts });
    }
  }
  if (input.shift) {
    cells.push({ key: 'shift:paired', n: input.shift.paired }, { key: 'shift:first', n: input.shift.first });
    cells.push({ key: 'shift:last', n: input.shift.last });
    const revoted = input.sources.filter((s) => s.revoted);
    if (input.sources.length > 1) relations.push({ total: 'shift:last', parts: revoted.map((s) => cellKey.source(s.id)) });
  }
  return { cells, relations };
}
