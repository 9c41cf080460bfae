import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { LockedDilemma, PriorVote, VoteBatchPlan, VoteWrite, VoteWriteOutcome } from '@hs/persistence';
import { planVoteBatch } from './vote-batch';

const evening = randomUUID();
const participants = [randomUUID(), randomUUID(), randomUUID()];
const attempts = Array.from({ length: 6 }, () => randomUUID());
const open: LockedDilemma = { id: randomUUID(), eveningId: evening, status: 'open', round: 2, eveningStatus: 'live' };
const closed: LockedDilemma = { id: randomUUID(), eveningId: evening, status: 'closed', round: 1, eveningStatus: 'live' };
const elsewhere: LockedDilemma = { id: randomUUID(), eveningId: randomUUID(), status: 'open', round: 1, eveningStatus: 'live' };
const locked = [open, closed, elsewhere];

const anItem = fc.record({
  participantId: fc.constantFrom(...participants),
  eveningId: fc.constant(evening),
  dilemmaId: fc.constantFrom(open.id, open.id, open.id, closed.id, elsewhere.id, randomUUID()),
  clientVoteId: fc.constantFrom(...attempts),
  choice: fc.integer({ min: 1, max: 5 }).map((value) => ({ value })),
}) satisfies fc.Arbitrary<VoteWrite>;

/** Votes from round 1 (before a revote) of some participants on the open dilemma. */
const earlierVotes = fc.subarray(participants).map((voters) =>
  voters.map((participantId, i): PriorVote => ({
    id: randomUUID(),
    participantId,
    dilemmaId: open.id,
    round: 1,
    choice: { value: 1 },
    clientVoteId: attempts[i],
    seenClientVoteIds: [],
  })),
);

/** What the repository's upsert does with a plan, as a model: rows by (participant, dilemma, round). */
function apply(plan: VoteBatchPlan, state: PriorVote[]): { state: PriorVote[]; outcomes: VoteWriteOutcome[] } {
  const next = state.map((v) => ({ ...v }));
  const outcomes = [...plan.outcomes];
  for (const w of plan.writes) {
    let row = next.find(
      (v) => v.participantId === w.item.participantId && v.dilemmaId === w.item.dilemmaId && v.round === w.round,
    );
    if (!row) {
      row = { ...w.item, id: randomUUID(), round: w.round, seenClientVoteIds: [] };
      next.push(row);
    } else {
      row.seenClientVoteIds = [...new Set([...row.seenClientVoteIds, row.clientVoteId, ...w.seen])].filter(
        (s) => s !== w.item.clientVoteId,
      );
      row.clientVoteId = w.item.clientVoteId;
      row.choice = w.item.choice;
    }
    w.indexes.forEach(
      (index, i) => (outcomes[index] = { kind: 'stored', voteId: row.id, status: w.statuses[i], round: w.round }),
    );
  }
  return { state: next, outcomes: outcomes.map((o) => o!) };
}

const currentVotes = (state: PriorVote[]) =>
  state
    .filter((v) => v.round === open.round)
    .map((v) => `${v.participantId}:${v.clientVoteId}:${JSON.stringify(v.choice)}`)
    .sort();
const statuses = (outcomes: VoteWriteOutcome[]) => outcomes.map((o) => (o.kind === 'stored' ? `${o.status}@${o.round}` : o.kind));

describe('planVoteBatch', () => {
  it('answers every item once and writes at most one row per participant and dilemma', () => {
    fc.assert(
      fc.property(fc.array(anItem, { maxLength: 20 }), earlierVotes, (items, prior) => {
        const plan = planVoteBatch(items, locked, prior);
        const answeredByWrites = plan.writes.flatMap((w) => w.indexes);
        const keys = plan.writes.map((w) => `${w.item.participantId}|${w.item.dilemmaId}`);
        return (
          new Set(keys).size === keys.length &&
          new Set(answeredByWrites).size === answeredByWrites.length &&
          items.every((_, i) => (plan.outcomes[i] === undefined) === answeredByWrites.includes(i))
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('decides a batch as if its votes had come one by one', () => {
    fc.assert(
      fc.property(fc.array(anItem, { maxLength: 20 }), earlierVotes, (items, prior) => {
        const batch = apply(planVoteBatch(items, locked, prior), prior);
        let state = prior;
        const oneByOne: VoteWriteOutcome[] = [];
        for (const item of items) {
          const step = apply(planVoteBatch([item], locked, state), state);
          state = step.state;
          oneByOne.push(step.outcomes[0]);
        }
        expect(statuses(batch.outcomes)).toEqual(statuses(oneByOne));
        expect(currentVotes(batch.state)).toEqual(currentVotes(state));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses votes on a dilemma that is unknown, not open, of an evening not live, or of another evening', () => {
    const item = (dilemmaId: string): VoteWrite => ({
      participantId: participants[0],
      eveningId: evening,
      dilemmaId,
      clientVoteId: randomUUID(),
      choice: { value: 3 },
    });
    const notLive: LockedDilemma = { ...open, id: randomUUID(), eveningStatus: 'ended' };
    const plan = planVoteBatch(
      [item(randomUUID()), item(closed.id), item(notLive.id), item(elsewhere.id)],
      [...locked, notLive],
      [],
    );
    expect(plan.outcomes).toEqual([{ kind: 'not-open' }, { kind: 'not-open' }, { kind: 'not-open' }, { kind: 'wrong-evening' }]);
    expect(plan.writes).toEqual([]);
  });

  it('answers a late retry from before a revote with that round’s vote, never as a vote in the new round', () => {
    const earlier: PriorVote = {
      id: randomUUID(),
      participantId: participants[0],
      dilemmaId: open.id,
      round: 1,
      choice: { value: 2 },
      clientVoteId: attempts[0],
      seenClientVoteIds: [attempts[1]],
    };
    const retry = (clientVoteId: string): VoteWrite => ({ ...earlier, eveningId: evening, clientVoteId });
    const plan = planVoteBatch([retry(attempts[0]), retry(attempts[1])], locked, [earlier]);
    expect(plan.outcomes).toEqual([
      { kind: 'stored', voteId: earlier.id, status: 'duplicate', round: 1 },
      { kind: 'stored', voteId: earlier.id, status: 'duplicate', round: 1 },
    ]);
    expect(plan.writes).toEqual([]);
  });

  it('keeps at most SEEN_LIMIT earlier attempts, the newest', () => {
    const current: PriorVote = {
      id: randomUUID(),
      participantId: participants[0],
      dilemmaId: open.id,
      round: open.round,
      choice: { value: 2 },
      clientVoteId: randomUUID(),
      seenClientVoteIds: Array.from({ length: 120 }, () => randomUUID()),
    };
    const next = randomUUID();
    const plan = planVoteBatch([{ ...current, eveningId: evening, clientVoteId: next, choice: { value: 4 } }], locked, [current]);
    expect(plan.writes[0].seen).toHaveLength(100);
    expect(plan.writes[0].seen.at(-1)).toBe(current.clientVoteId);
    expect(plan.writes[0].statuses).toEqual(['changed']);
  });
});
