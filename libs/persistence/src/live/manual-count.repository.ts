import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ManualCountEntryRow {
  optionKey: string;
  count: number;
  enteredBy: { id: string; name: string } | null;
  enteredAt: Date;
}

export interface ManualCountRoundRow {
  id: string;
  round: number;
  respondents: number;
  note: string | null;
  updatedBy: { id: string; name: string } | null;
  updatedAt: Date;
  entries: ManualCountEntryRow[];
}

export interface ManualCountChange {
  dilemmaId: string;
  round: number;
  /** The entries to set (replace), by option key; other options keep theirs. */
  counts: Record<string, number>;
  /** undefined: keep the round's note. */
  note: string | null | undefined;
  actorId: string | null;
  /**
   * The domain's rule: given the round's counts after the change and the people stored before (null: none
   * yet), how many people they stand for. Called inside the transaction; throws to refuse the change.
   */
  respondentsOf: (counts: Record<string, number>, before: number | null) => number;
}

export interface ManualCountChanged {
  before: Record<string, number>;
  round: ManualCountRoundRow;
}

type EntrySql = { option_key: string; count: number; entered_at: Date; by_id: string | null; by_name: string | null };
type RoundSql = {
  id: string;
  round: number;
  respondents: number;
  note: string | null;
  updated_at: Date;
  by_id: string | null;
  by_name: string | null;
};

/**
 * Hand counts: one entry per option per round (manual_count_entry, unique) and one row per round with the people
 * they stand for (manual_count_round). A change replaces entries, never adds to them.
 */
@Injectable()
export class ManualCountRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Sets entries of one round in one transaction: the round row is created or locked first, so two
   * facilitators correcting the same round take turns and the people are computed from what is stored.
   */
  async set(change: ManualCountChange): Promise<ManualCountChanged> {
    return this.dataSource.transaction(async (m) => {
      const { dilemmaId, round } = change;
      await m.query(
        `INSERT INTO manual_count_round (dilemma_id, round, respondents) VALUES ($1, $2, 0)
         ON CONFLICT ON CONSTRAINT uq_manual_count_round DO NOTHING`,
        [dilemmaId, round],
      );
      const [locked]: Array<{ respondents: number; fresh: boolean }> = await m.query(
        `SELECT respondents, updated_by IS NULL AND NOT EXISTS (
           SELECT 1 FROM manual_count_entry e WHERE e.dilemma_id = $1 AND e.round = $2) AS fresh
         FROM manual_count_round WHERE dilemma_id = $1 AND round = $2 FOR UPDATE`,
        [dilemmaId, round],
      );
      const stored: Array<{ option_key: string; count: number }> = await m.query(
        'SELECT option_key, count FROM manual_count_entry WHERE dilemma_id = $1 AND round = $2',
        [dilemmaId, round],
      );
      const before = Object.fromEntries(stored.map((row) => [row.option_key, row.count]));
      const after = { ...before, ...change.counts };
      const respondents = change.respondentsOf(after, locked.fresh ? null : locked.respondents);
      const keys = Object.keys(change.counts);
      await m.query(
        `INSERT INTO manual_count_entry (dilemma_id, round, option_key, count, entered_by, entered_at)
         SELECT $1, $2, k, n, $5, now() FROM unnest($3::text[], $4::int[]) AS x(k, n)
         ON CONFLICT ON CONSTRAINT uq_manual_count_entry_key
         DO UPDATE SET count = EXCLUDED.count, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at`,
        [dilemmaId, round, keys, keys.map((k) => change.counts[k]), change.actorId],
      );
      await m.query(
        `UPDATE manual_count_round SET respondents = $3, updated_by = $4, updated_at = now()${change.note === undefined ? '' : ', note = $5'}
         WHERE dilemma_id = $1 AND round = $2`,
        change.note === undefined
          ? [dilemmaId, round, respondents, change.actorId]
          : [dilemmaId, round, respondents, change.actorId, change.note],
      );
      const [saved] = await this.rounds(m, dilemmaId, round);
      return { before, round: saved };
    });
  }

  /** Every round of a dilemma that has hand counts, oldest round first, with who entered what and when. */
  list(dilemmaId: string): Promise<ManualCountRoundRow[]> {
    return this.rounds(this.dataSource.manager, dilemmaId);
  }

  private async rounds(m: Pick<DataSource, 'query'>, dilemmaId: string, round?: number): Promise<ManualCountRoundRow[]> {
    const rounds: RoundSql[] = await m.query(
      `SELECT r.id, r.round, r.respondents, r.note, r.updated_at, s.id AS by_id, s.name AS by_name
       FROM manual_count_round r LEFT JOIN staff_user s ON s.id = r.updated_by
       WHERE r.dilemma_id = $1 AND ($2::int IS NULL OR r.round = $2) ORDER BY r.round`,
      [dilemmaId, round ?? null],
    );
    const entries: Array<EntrySql & { round: number }> = await m.query(
      `SELECT e.round, e.option_key, e.count, e.entered_at, s.id AS by_id, s.name AS by_name
       FROM manual_count_entry e LEFT JOIN staff_user s ON s.id = e.entered_by
       WHERE e.dilemma_id = $1 AND ($2::int IS NULL OR e.round = $2) ORDER BY e.round, e.option_key`,
      [dilemmaId, round ?? null],
    );
    const who = (row: { by_id: string | null; by_name: string | null }) =>
      row.by_id && row.by_name !== null ? { id: row.by_id, name: row.by_name } : null;
    return rounds.map((r) => ({
      id: r.id,
      round: r.round,
      respondents: r.respondents,
      note: r.note,
      updatedBy: who(r),
      updatedAt: r.updated_at,
      entries: entries
        .filter((e) => e.round === r.round)
        .map((e) => ({ optionKey: e.option_key, count: e.count, enteredBy: who(e), enteredAt: e.entered_at })),
    }));
  }
}
