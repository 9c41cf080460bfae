import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DilemmaStatus, EveningStatus, VoteChoice } from '@hs/contracts';
import { isRetryable, rowRejection } from '../pg-errors';

export interface VoteWrite {
  participantId: string;
  /** The evening of the participant's token. */
  eveningId: string;
  dilemmaId: string;
  clientVoteId: string;
  choice: VoteChoice;
}

export type VoteStatus = 'new' | 'changed' | 'duplicate';

export type VoteWriteOutcome =
  | { kind: 'stored'; voteId: string; status: VoteStatus; round: number }
  | { kind: 'not-open' }
  | { kind: 'wrong-evening' }
  /** A row the database refuses on its own (e.g. the participant no longer exists). */
  | { kind: 'rejected'; reason: 'unknown-participant' | 'invalid' };

/** One stored change of a current vote, for the tally deltas. `before` undefined: not known (a race). */
export interface VoteChange {
  eveningId: string;
  dilemmaId: string;
  round: number;
  before: VoteChoice | null | undefined;
  after: VoteChoice;
}

export interface VoteBatchResult {
  outcomes: VoteWriteOutcome[];
  changes: VoteChange[];
}

/** A dilemma of the batch as read FOR SHARE in the writer's transaction. */
export interface LockedDilemma {
  id: string;
  eveningId: string;
  status: DilemmaStatus;
  round: number;
  eveningStatus: EveningStatus;
}

/** A stored vote of a batch's participant on a batch's dilemma, in its current or an earlier round. */
export interface PriorVote {
  id: string;
  participantId: string;
  dilemmaId: string;
  round: number;
  choice: VoteChoice;
  clientVoteId: string;
  seenClientVoteIds: string[];
}

/** One row to upsert: the last vote of a participant on a dilemma in the batch, answering `indexes`. */
export interface PlannedWrite {
  item: VoteWrite;
  round: number;
  /** The clientVoteIds this vote replaces, newest last (capped by the rule). */
  seen: string[];
  before: VoteChoice | null;
  /** The batch items this row answers, with the status each gets. */
  indexes: number[];
  statuses: VoteStatus[];
}

export interface VoteBatchPlan {
  /** Per item: decided already, or undefined when a planned write answers it. */
  outcomes: Array<VoteWriteOutcome | undefined>;
  writes: PlannedWrite[];
}

/** The rule that decides a batch (planVoteBatch in @hs/domain), given what the transaction locked. */
export type VoteBatchPlanner = (items: VoteWrite[], lockedDilemmas: LockedDilemma[], priorVotes: PriorVote[]) => VoteBatchPlan;

/** Deadlocks and serialization failures are tried again this many times. */
const ATTEMPTS = 6;

/**
 * The group commit's writer: a whole batch of votes in ONE transaction.
 * 1. The batch's dilemmas are read FOR SHARE (in id order): a close or revote is one UPDATE of that
 *    row, so it waits for this batch to commit, and a batch that starts after a close sees it closed.
 * 2. The current and earlier-round votes of the batch's participants on them are locked FOR UPDATE,
 *    and the planner (a pure rule of the domain) decides every item.
 * 3. One multi-row INSERT … ON CONFLICT DO UPDATE writes the plan. Should another process insert
 *    the same vote concurrently, the conflict clause still refuses a duplicate and the change is
 *    reported with an unknown `before` (the tally is then rebuilt rather than patched).
 * Deadlocks are retried; a row the database refuses on its own is isolated by writing one by one.
 */
@Injectable()
export class VoteWriteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Resolves with an outcome per item; rejects only when the database cannot be used at all. */
  async writeBatch(items: VoteWrite[], plan: VoteBatchPlanner): Promise<VoteBatchResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', (m) => this.write(m, items, plan));
      } catch (error) {
        if (isRetryable(error) && attempt < ATTEMPTS) continue;
        const reason = rowRejection(error);
        if (!reason) throw error;
        if (items.length === 1) return { outcomes: [{ kind: 'rejected', reason }], changes: [] };
        return this.writeOneByOne(items, plan);
      }
    }
  }

  private async writeOneByOne(items: VoteWrite[], plan: VoteBatchPlanner): Promise<VoteBatchResult> {
    const result: VoteBatchResult = { outcomes: [], changes: [] };
    for (const item of items) {
      const one = await this.writeBatch([item], plan);
      result.outcomes.push(one.outcomes[0]);
      result.changes.push(...one.changes);
    }
    return result;
  }

  private async write(m: EntityManager, items: VoteWrite[], plan: VoteBatchPlanner): Promise<VoteBatchResult> {
    const dilemmaIds = [...new Set(items.map((i) => i.dilemmaId))].sort();
    const dilemmas: LockedDilemma[] = await m.query(
      `SELECT d.id, d.evening_id AS "eveningId", d.status, d.round, e.status AS "eveningStatus"
         FROM dilemma d JOIN evening e ON e.id = d.evening_id
        WHERE d.id = ANY($1::uuid[]) ORDER BY d.id FOR SHARE OF d`,
      [dilemmaIds],
    );
    const roundOf = new Map(dilemmas.map((d) => [d.id, d.round]));
    // Every (participant, dilemma) of the batch on a dilemma that exists; earlier rounds too, so that a
    // late retry of an attempt from before a revote is recognised.
    const keys = [...new Set(items.filter((i) => roundOf.has(i.dilemmaId)).map((i) => `${i.participantId}|${i.dilemmaId}`))]
      .sort()
      .map((key) => key.split('|'));
    const prior: PriorVote[] = keys.length
      ? await m.query(
          `SELECT v.id, v.participant_id AS "participantId", v.dilemma_id AS "dilemmaId", v.round, v.choice,
                  v.client_vote_id AS "clientVoteId", v.seen_client_vote_ids AS "seenClientVoteIds"
             FROM vote v
             JOIN unnest($1::uuid[], $2::uuid[], $3::int[]) AS k(participant_id, dilemma_id, round)
               ON v.participant_id = k.participant_id AND v.dilemma_id = k.dilemma_id AND v.round <= k.round
            ORDER BY v.participant_id, v.dilemma_id, v.round FOR UPDATE OF v`,
          [keys.map(([p]) => p), keys.map(([, d]) => d), keys.map(([, d]) => roundOf.get(d))],
        )
      : [];
    const { outcomes, writes } = plan(items, dilemmas, prior);
    const changes = writes.length > 0 ? await this.upsert(m, writes, outcomes) : [];
    return { outcomes: outcomes.map((o) => o ?? { kind: 'not-open' }), changes };
  }

  /** Writes the planned rows and fills in the outcomes they answer. */
  private async upsert(m: EntityManager, writes: PlannedWrite[], outcomes: VoteBatchPlan['outcomes']): Promise<VoteChange[]> {
    const written: Array<{ id: string; participant_id: string; dilemma_id: string; inserted: boolean }> = await m.query(
      `INSERT INTO vote AS v (participant_id, dilemma_id, round, choice, client_vote_id, seen_client_vote_ids)
       SELECT w.participant_id, w.dilemma_id, w.round, w.choice, w.client_vote_id,
              ARRAY(SELECT jsonb_array_elements_text(w.seen))::uuid[]
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::jsonb[], $5::uuid[], $6::jsonb[])
              AS w(participant_id, dilemma_id, round, choice, client_vote_id, seen)
        ORDER BY w.participant_id, w.dilemma_id
       ON CONFLICT (participant_id, dilemma_id, round) DO UPDATE
          SET choice = EXCLUDED.choice,
              client_vote_id = EXCLUDED.client_vote_id,
              seen_client_vote_ids = (
                SELECT COALESCE(array_agg(DISTINCT s), '{}') FROM unnest(
                  v.seen_client_vote_ids || v.client_vote_id || EXCLUDED.seen_client_vote_ids) AS s
                 WHERE s <> EXCLUDED.client_vote_id),
              updated_at = now()
        WHERE v.client_vote_id <> EXCLUDED.client_vote_id
          AND NOT (EXCLUDED.client_vote_id = ANY (v.seen_client_vote_ids))
       RETURNING v.id, v.participant_id, v.dilemma_id, (v.xmax = 0) AS inserted`,
      [
        writes.map((w) => w.item.participantId),
        writes.map((w) => w.item.dilemmaId),
        writes.map((w) => w.round),
        writes.map((w) => JSON.stringify(w.item.choice)),
        writes.map((w) => w.item.clientVoteId),
        writes.map((w) => JSON.stringify(w.seen)),
      ],
    );
    const writtenByKey = new Map(written.map((r) => [`${r.participant_id}|${r.dilemma_id}`, r]));
    const changes: VoteChange[] = [];
    for (const w of writes) {
      const row = writtenByKey.get(`${w.item.participantId}|${w.item.dilemmaId}`);
      if (!row) {
        // Another process stored this very clientVoteId between our read and our write: a duplicate.
        const rows: Array<{ id: string }> = await m.query(
          'SELECT id FROM vote WHERE participant_id = $1 AND dilemma_id = $2 AND round = $3',
          [w.item.participantId, w.item.dilemmaId, w.round],
        );
        for (const index of w.indexes)
          outcomes[index] = { kind: 'stored', voteId: rows[0].id, status: 'duplicate', round: w.round };
        continue;
      }
      // Another process inserted this vote first: ours replaced it, and what it replaced is unknown.
      const raced = !row.inserted && w.before === null;
      w.indexes.forEach((index, i) => {
        const status = raced && w.statuses[i] === 'new' ? 'changed' : w.statuses[i];
        outcomes[index] = { kind: 'stored', voteId: row.id, status, round: w.round };
      });
      changes.push({
        eveningId: w.item.eveningId,
        dilemmaId: w.item.dilemmaId,
        round: w.round,
        before: raced ? undefined : w.before,
        after: w.item.choice,
      });
    }
    return changes;
  }
}
