import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { VoteChoice } from '@hs/contracts';

export interface VoteWrite {
  participantId: string;
  /** The evening of the participant's token. */
  eveningId: string;
  dilemmaId: string;
  clientVoteId: string;
  choice: VoteChoice;
}

export type VoteWriteOutcome =
  | { kind: 'stored'; voteId: string; status: 'new' | 'changed' | 'duplicate'; round: number }
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

/** Earlier clientVoteIds kept per vote; a retry older than this many attempts is not expected. */
const SEEN_LIMIT = 100;

interface OldRow {
  id: string;
  participant_id: string;
  dilemma_id: string;
  choice: VoteChoice;
  client_vote_id: string;
  seen_client_vote_ids: string[];
}

/**
 * The group commit's writer: a whole batch of votes in ONE transaction.
 * 1. The batch's dilemmas are read FOR SHARE (in id order): a close or revote is one UPDATE of that
 *    row, so it waits for this batch to commit, and a batch that starts after a close sees it closed.
 *    Status, evening and the current round come from these locked rows only.
 * 2. The current votes of the batch's participants are locked FOR UPDATE and every item is decided
 *    in memory in arrival order (new, changed, duplicate; a late retry of an older clientVoteId is a
 *    duplicate), so several votes of one participant in a batch end as the last one.
 * 3. One multi-row INSERT … ON CONFLICT DO UPDATE writes the outcome. Should another process insert
 *    the same vote concurrently, the conflict clause still refuses a duplicate and the change is
 *    reported with an unknown `before` (the tally is then rebuilt rather than patched).
 */
@Injectable()
export class VoteWriteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async writeBatch(items: VoteWrite[]): Promise<VoteBatchResult> {
    return this.dataSource.transaction('READ COMMITTED', (m) => this.write(m, items));
  }

  private async write(m: EntityManager, items: VoteWrite[]): Promise<VoteBatchResult> {
    const outcomes: VoteWriteOutcome[] = new Array(items.length);
    const dilemmaIds = [...new Set(items.map((i) => i.dilemmaId))].sort();
    const dilemmas: Array<{ id: string; evening_id: string; status: string; round: number; evening_status: string }> =
      await m.query(
        `SELECT d.id, d.evening_id, d.status, d.round, e.status AS evening_status
           FROM dilemma d JOIN evening e ON e.id = d.evening_id
          WHERE d.id = ANY($1::uuid[]) ORDER BY d.id FOR SHARE OF d`,
        [dilemmaIds],
      );
    const byId = new Map(dilemmas.map((d) => [d.id, d]));

    // Items that may be written, grouped per (participant, dilemma) in arrival order.
    const groups = new Map<string, number[]>();
    items.forEach((item, index) => {
      const d = byId.get(item.dilemmaId);
      if (!d) outcomes[index] = { kind: 'not-open' };
      else if (d.evening_id !== item.eveningId) outcomes[index] = { kind: 'wrong-evening' };
      else if (d.status !== 'open' || d.evening_status !== 'live') outcomes[index] = { kind: 'not-open' };
      else {
        const key = `${item.participantId}|${item.dilemmaId}`;
        const list = groups.get(key) ?? [];
        list.push(index);
        groups.set(key, list);
      }
    });
    if (groups.size === 0) return { outcomes, changes: [] };

    const keys = [...groups.keys()].sort();
    const firstOf = (key: string) => items[groups.get(key)![0]];
    const roundOf = (dilemmaId: string) => byId.get(dilemmaId)!.round;
    const old: OldRow[] = await m.query(
      `SELECT v.id, v.participant_id, v.dilemma_id, v.choice, v.client_vote_id, v.seen_client_vote_ids
         FROM vote v
         JOIN unnest($1::uuid[], $2::uuid[], $3::int[]) AS k(participant_id, dilemma_id, round)
           ON v.participant_id = k.participant_id AND v.dilemma_id = k.dilemma_id AND v.round = k.round
        ORDER BY v.participant_id, v.dilemma_id FOR UPDATE OF v`,
      [
        keys.map((k) => firstOf(k).participantId),
        keys.map((k) => firstOf(k).dilemmaId),
        keys.map((k) => roundOf(firstOf(k).dilemmaId)),
      ],
    );
    const oldByKey = new Map(old.map((row) => [`${row.participant_id}|${row.dilemma_id}`, row]));

    interface Planned {
      key: string;
      item: VoteWrite;
      round: number;
      seen: string[];
      before: VoteChoice | null;
      indexes: number[];
      statuses: Array<'new' | 'changed' | 'duplicate'>;
    }
    const writes: Planned[] = [];
    const duplicatesOfOld: Array<{ index: number; voteId: string; round: number }> = [];
    for (const key of keys) {
      const indexes = groups.get(key)!;
      const prior = oldByKey.get(key);
      let current = prior ? prior.client_vote_id : null;
      const seen = new Set(prior?.seen_client_vote_ids ?? []);
      let last: VoteWrite | null = null;
      const statuses: Array<'new' | 'changed' | 'duplicate'> = [];
      for (const index of indexes) {
        const item = items[index];
        if (current !== null && (item.clientVoteId === current || seen.has(item.clientVoteId))) {
          statuses.push('duplicate');
          continue;
        }
        statuses.push(current === null ? 'new' : 'changed');
        if (current !== null) seen.add(current);
        current = item.clientVoteId;
        last = item;
      }
      const round = roundOf(firstOf(key).dilemmaId);
      if (!last) {
        indexes.forEach((index) => duplicatesOfOld.push({ index, voteId: prior!.id, round }));
        continue;
      }
      writes.push({
        key,
        item: last,
        round,
        seen: [...seen].slice(-SEEN_LIMIT),
        before: prior?.choice ?? null,
        indexes,
        statuses,
      });
    }

    const changes: VoteChange[] = [];
    for (const d of duplicatesOfOld)
      outcomes[d.index] = { kind: 'stored', voteId: d.voteId, status: 'duplicate', round: d.round };
    if (writes.length > 0) {
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
      const lost: Planned[] = [];
      for (const w of writes) {
        const row = writtenByKey.get(w.key);
        if (!row) {
          lost.push(w);
          continue;
        }
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
      // Another process stored this very clientVoteId between our read and our write: a duplicate.
      for (const w of lost) {
        const rows: Array<{ id: string }> = await m.query(
          'SELECT id FROM vote WHERE participant_id = $1 AND dilemma_id = $2 AND round = $3',
          [w.item.participantId, w.item.dilemmaId, w.round],
        );
        w.indexes.forEach((index) => {
          outcomes[index] = { kind: 'stored', voteId: rows[0].id, status: 'duplicate', round: w.round };
        });
      }
    }
    return { outcomes, changes };
  }
}

/** Errors that a single row causes on its own and that a retry will not cure. */
export function rowRejection(error: unknown): 'unknown-participant' | 'invalid' | null {
  if (!(error instanceof QueryFailedError)) return null;
  const code = (error.driverError as { code?: string } | undefined)?.code ?? '';
  if (code === '23503') return 'unknown-participant';
  if (code.startsWith('23') || code.startsWith('22')) return 'invalid';
  return null;
}

/** Deadlocks and serialization failures: the batch is simply tried again. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === '40P01' || code === '40001';
}
