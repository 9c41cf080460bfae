/**
 * Raw counts of one dilemma round, the unit everything else is computed from. Tallies add up exactly,
 * so tallies of several evenings (or of several runs of the same count) can be pooled in any order.
 * They hold small counts, so they are stored but never shown: only summaries (with suppression) are.
 */
import type { CountRow } from '@hs/persistence';
import { type AgeBand, type DilemmaKind, type ParticipantGroup, SEGMENT_DIMENSIONS, type SegmentDimension } from '@hs/contracts';

export const UNKNOWN_SEGMENT = 'unknown';

export interface OptionTally {
  /** People who chose the option (choice, multi, scale) or gave it more than 0 points (budget). */
  voters: number;
  /** budget: points given to it; else 0. */
  points: number;
  /** budget: sum of squared points (for the interval of the mean); else 0. */
  pointsSq: number;
}

export interface CellTally {
  /** Respondents (electronic votes) in this cell. */
  n: number;
  options: Record<string, OptionTally>;
}

export interface RoundTally {
  round: number;
  votes: CellTally;
  segments: Record<SegmentDimension, Record<string, CellTally>>;
  /**
   * Municipality × age band, keyed by crossKey(municipality, ageBand): the cells raking weights. Absent in tallies
   * stored before it was counted (those are counted afresh when read).
   */
  crosses?: Record<string, CellTally>;
  /** Hand counts summed over all entries of the round: option key → number (points for budget). */
  manual: Record<string, number>;
  /**
   * The people the hand counts stand for, as the facilitator's entries recorded them (manual_count_round.
   * respondents); absent in tallies without that figure, which then derive it (manualRespondents).
   */
  manualRespondents?: number;
}

/** One row of the grouped count (AggregationRepository.countVotes): opt null carries the respondents. */
export type TallyRow = CountRow;

export function emptyCell(): CellTally {
  return { n: 0, options: {} };
}

export function emptyRound(round: number): RoundTally {
  return { round, votes: emptyCell(), segments: { group: {}, municipality: {}, ageBand: {} }, crosses: {}, manual: {} };
}

/** The key of a municipality × age band cell ("unknown" where either is missing). */
export function crossKey(municipality: string | null, ageBand: string | null): string {
  return JSON.stringify([municipality ?? UNKNOWN_SEGMENT, ageBand ?? UNKNOWN_SEGMENT]);
}

export function crossKeyParts(key: string): [string, string] {
  const parsed: unknown = JSON.parse(key);
  return Array.isArray(parsed) && parsed.length === 2
    ? [String(parsed[0]), String(parsed[1])]
    : [UNKNOWN_SEGMENT, UNKNOWN_SEGMENT];
}

function addOption(cell: CellTally, key: string, voters: number, points: number, pointsSq: number): void {
  const option = (cell.options[key] ??= { voters: 0, points: 0, pointsSq: 0 });
  option.voters += voters;
  option.points += points;
  option.pointsSq += pointsSq;
}

function addCell(target: CellTally, source: CellTally, rename: (key: string) => string | null = (k) => k): void {
  target.n += source.n;
  for (const [key, o] of Object.entries(source.options)) {
    const renamed = rename(key);
    if (renamed !== null) addOption(target, renamed, o.voters, o.points, o.pointsSq);
  }
}

/** Builds tallies from the rows of the grouped count and the manual counts; row order does not matter. */
export function tallyFromRows(
  rows: TallyRow[],
  manual: Array<{ dilemmaId: string; round: number; counts: Record<string, number>; respondents?: number }>,
): Map<string, Map<number, RoundTally>> {
  const out = new Map<string, Map<number, RoundTally>>();
  const roundOf = (dilemmaId: string, round: number): RoundTally => {
    let rounds = out.get(dilemmaId);
    if (!rounds) out.set(dilemmaId, (rounds = new Map()));
    let tally = rounds.get(round);
    if (!tally) rounds.set(round, (tally = emptyRound(round)));
    return tally;
  };
  for (const row of rows) {
    const tally = roundOf(row.dilemmaId, row.round);
    let cell: CellTally;
    if (row.dimension === 'all') cell = tally.votes;
    else if (row.dimension === 'cross') {
      // PostgreSQL writes the JSON array with a space after the comma: one spelling of the key, crossKey's.
      const key = row.segment === null ? crossKey(null, null) : crossKey(...crossKeyParts(row.segment));
      cell = (tally.crosses ??= {})[key] ??= emptyCell();
    } else cell = tally.segments[row.dimension][row.segment ?? UNKNOWN_SEGMENT] ??= emptyCell();
    if (row.option === null) cell.n += row.voters;
    else addOption(cell, row.option, row.voters, row.points, row.pointsSq);
  }
  for (const entry of manual) {
    const tally = roundOf(entry.dilemmaId, entry.round);
    for (const [key, n] of Object.entries(entry.counts ?? {})) {
      if (typeof n === 'number' && Number.isFinite(n) && n > 0) tally.manual[key] = (tally.manual[key] ?? 0) + n;
    }
    if (typeof entry.respondents === 'number') tally.manualRespondents = (tally.manualRespondents ?? 0) + entry.respondents;
  }
  return out;
}

/**
 * Adds tallies (of the same dilemma linked across evenings, or of one dilemma counted in parts).
 * rename maps an option key of the source to the pooled key (null drops it).
 */
export function poolRounds(
  tallies: Array<{ tally: RoundTally; rename?: (key: string) => string | null }>,
  round = 0,
): RoundTally {
  const pooled = emptyRound(round);
  for (const { tally, rename } of tallies) {
    const map = rename ?? ((k: string) => k);
    addCell(pooled.votes, tally.votes, map);
    for (const dimension of SEGMENT_DIMENSIONS) {
      for (const [key, cell] of Object.entries(tally.segments[dimension])) {
        addCell((pooled.segments[dimension][key] ??= emptyCell()), cell, map);
      }
    }
    if (tally.crosses === undefined) pooled.crosses = undefined;
    else if (pooled.crosses !== undefined) {
      for (const [key, cell] of Object.entries(tally.crosses)) addCell((pooled.crosses[key] ??= emptyCell()), cell, map);
    }
    for (const [key, n] of Object.entries(tally.manual)) {
      const renamed = map(key);
      if (renamed !== null) pooled.manual[renamed] = (pooled.manual[renamed] ?? 0) + n;
    }
    if (tally.manualRespondents !== undefined)
      pooled.manualRespondents = (pooled.manualRespondents ?? 0) + tally.manualRespondents;
  }
  return pooled;
}

/** A vote as stored, with the participant's segments: the input of the reference count below. */
export interface VoteForTally {
  round: number;
  group: ParticipantGroup | null;
  municipality: string | null;
  ageBand: AgeBand | null;
  choice: unknown;
  /** The evening's municipalities, main first: the municipality rule applies (evening-municipalities.ts). */
  eveningMunicipalities?: string[];
}

/** The municipality a stored participant counts for: its pick when the evening serves it, else the evening's. */
export function countedFor(stored: string | null, eveningMunicipalities: readonly string[] | undefined): string | null {
  if (!eveningMunicipalities?.length) return stored;
  return stored !== null && eveningMunicipalities.includes(stored) ? stored : eveningMunicipalities[0];
}

/**
 * The reference definition of the count, in plain code: what the SQL of AggregationRepository must
 * produce. Used by tests, and documents what "a voter of an option" means per kind.
 */
export function tallyVotes(kind: DilemmaKind, votes: VoteForTally[]): Map<number, RoundTally> {
  const rounds = new Map<number, RoundTally>();
  for (const vote of votes) {
    let tally = rounds.get(vote.round);
    if (!tally) rounds.set(vote.round, (tally = emptyRound(vote.round)));
    const items = choiceItems(kind, vote.choice);
    const municipality = countedFor(vote.municipality, vote.eveningMunicipalities);
    const cells = [
      tally.votes,
      (tally.segments.group[vote.group ?? UNKNOWN_SEGMENT] ??= emptyCell()),
      (tally.segments.municipality[municipality ?? UNKNOWN_SEGMENT] ??= emptyCell()),
      (tally.segments.ageBand[vote.ageBand ?? UNKNOWN_SEGMENT] ??= emptyCell()),
      ((tally.crosses ??= {})[crossKey(municipality, vote.ageBand)] ??= emptyCell()),
    ];
    for (const cell of cells) {
      cell.n += 1;
      for (const [key, points] of items)
        addOption(cell, key, 1, kind === 'budget' ? points : 0, kind === 'budget' ? points * points : 0);
    }
  }
  return rounds;
}

/** The option keys (and points) a stored choice stands for; a choice that does not fit counts nothing. */
export function choiceItems(kind: DilemmaKind, choice: unknown): Array<[string, number]> {
  const c = (choice ?? {}) as { optionIds?: unknown; allocation?: unknown; value?: unknown };
  switch (kind) {
    case 'choice':
    case 'multi':
      return Array.isArray(c.optionIds) ? [...new Set(c.optionIds.map(String))].map((id) => [id, 1]) : [];
    case 'budget':
      return c.allocation && typeof c.allocation === 'object'
        ? Object.entries(c.allocation as Record<string, unknown>)
            .map(([id, p]): [string, number] => [id, Number(p)])
            .filter(([, p]) => Number.isFinite(p) && p > 0)
        : [];
    case 'scale':
      return typeof c.value === 'number' ? [[String(c.value), 1]] : [];
  }
}
