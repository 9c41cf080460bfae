import type {
  LockedDilemma,
  PlannedWrite,
  PriorVote,
  VoteBatchPlan,
  VoteStatus,
  VoteWrite,
  VoteWriteOutcome,
} from '@hs/persistence';

/** Earlier clientVoteIds kept per vote; a retry older than this many attempts is not expected. */
export const SEEN_LIMIT = 100;

const keyOf = (participantId: string, dilemmaId: string) => `${participantId}|${dilemmaId}`;

/**
 * Decides a batch of votes, given the batch's dilemmas (as locked in the writer's transaction) and
 * the current and earlier-round votes of its participants on them. Items are decided in arrival order:
 * - a dilemma that is unknown, not open or of an evening that is not live: not-open; of another
 *   evening than the participant's: wrong-evening;
 * - a repeat of the current vote's clientVoteId or of one it replaced: duplicate;
 * - a late retry of an attempt from an earlier round: a duplicate answered with that round's vote,
 *   never a vote in the new round;
 * - otherwise new (no current vote) or changed; several votes of one participant in a batch end
 *   as the last one, which is the one written.
 * Pure: the repository calls it inside its transaction and writes what it returns.
 */
export function planVoteBatch(items: VoteWrite[], lockedDilemmas: LockedDilemma[], priorVotes: PriorVote[]): VoteBatchPlan {
  const outcomes: Array<VoteWriteOutcome | undefined> = new Array(items.length).fill(undefined);
  const byId = new Map(lockedDilemmas.map((d) => [d.id, d]));

  // Items that may be written, grouped per (participant, dilemma) in arrival order.
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const d = byId.get(item.dilemmaId);
    if (!d) outcomes[index] = { kind: 'not-open' };
    else if (d.eveningId !== item.eveningId) outcomes[index] = { kind: 'wrong-evening' };
    else if (d.status !== 'open' || d.eveningStatus !== 'live') outcomes[index] = { kind: 'not-open' };
    else {
      const key = keyOf(item.participantId, item.dilemmaId);
      groups.set(key, [...(groups.get(key) ?? []), index]);
    }
  });

  const current = new Map<string, PriorVote>();
  const earlier = new Map<string, Map<string, { voteId: string; round: number }>>();
  for (const vote of priorVotes) {
    const key = keyOf(vote.participantId, vote.dilemmaId);
    const round = byId.get(vote.dilemmaId)?.round;
    if (vote.round === round) {
      current.set(key, vote);
      continue;
    }
    const attempts = earlier.get(key) ?? new Map<string, { voteId: string; round: number }>();
    for (const id of [vote.clientVoteId, ...vote.seenClientVoteIds]) attempts.set(id, { voteId: vote.id, round: vote.round });
    earlier.set(key, attempts);
  }

  const writes: PlannedWrite[] = [];
  for (const key of [...groups.keys()].sort()) {
    const indexes = groups.get(key)!;
    const round = byId.get(items[indexes[0]].dilemmaId)!.round;
    const prior = current.get(key);
    let currentId = prior ? prior.clientVoteId : null;
    const seen = new Set(prior?.seenClientVoteIds ?? []);
    let last: VoteWrite | null = null;
    const statuses: VoteStatus[] = [];
    const written: number[] = [];
    for (const index of indexes) {
      const item = items[index];
      const past = earlier.get(key)?.get(item.clientVoteId);
      if (past) {
        outcomes[index] = { kind: 'stored', voteId: past.voteId, status: 'duplicate', round: past.round };
        continue;
      }
      written.push(index);
      if (currentId !== null && (item.clientVoteId === currentId || seen.has(item.clientVoteId))) {
        statuses.push('duplicate');
        continue;
      }
      statuses.push(currentId === null ? 'new' : 'changed');
      if (currentId !== null) seen.add(currentId);
      currentId = item.clientVoteId;
      last = item;
    }
    if (!last) {
      // Only repeats of the current vote (a repeat needs a current vote): answered with it, nothing written.
      for (const index of written) if (prior) outcomes[index] = { kind: 'stored', voteId: prior.id, status: 'duplicate', round };
      continue;
    }
    writes.push({
      item: last,
      round,
      seen: [...seen].slice(-SEEN_LIMIT),
      before: prior?.choice ?? null,
      indexes: written,
      statuses,
    });
  }
  return { outcomes, writes };
}
