import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { EveningStatus, JoinMode } from '@hs/contracts';
import { EveningEntity } from '../entities';

export interface NewEvening {
  title: string;
  municipality: string;
  otherMunicipalities?: string[];
  venue: string;
  startsAt: Date;
  capacity: number | null;
  joinMode: JoinMode;
  joinCode: string;
  /** Absent: the database files it under the newest round of its year (migration 1795000008100). */
  roundId?: string;
}

export type EveningChanges = Partial<
  Pick<
    EveningEntity,
    'title' | 'municipality' | 'otherMunicipalities' | 'venue' | 'startsAt' | 'capacity' | 'joinMode' | 'roundId'
  >
>;

export type EveningMoveOutcome =
  | { kind: 'moved'; evening: EveningEntity; closedDilemmas: Array<{ id: string; round: number }> }
  | { kind: 'not-found' }
  | { kind: 'wrong-state'; status: EveningStatus };

@Injectable()
export class EveningRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts; null when the join code is taken by an evening that has not ended (the partial unique
   * index uq_evening_join_code_not_ended decides; ON CONFLICT DO NOTHING, so a clash is no error).
   * The caller draws another code.
   */
  async insert(values: NewEvening): Promise<EveningEntity | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(EveningEntity)
      .values(values)
      .orIgnore()
      .returning('id')
      .execute();
    const row = result.raw[0] as { id: string } | undefined;
    return row ? this.findById(row.id) : null;
  }

  findById(id: string): Promise<EveningEntity | null> {
    return this.dataSource.getRepository(EveningEntity).findOneBy({ id });
  }

  list(statuses?: readonly EveningStatus[]): Promise<EveningEntity[]> {
    return this.dataSource.getRepository(EveningEntity).find({
      where: statuses ? { status: In([...statuses]) } : {},
      order: { startsAt: 'ASC', createdAt: 'ASC' },
    });
  }

  /** Registrations per evening, for the seats left on the public list. */
  async registrationCounts(eveningIds: string[]): Promise<Map<string, number>> {
    if (eveningIds.length === 0) return new Map();
    const rows: Array<{ evening_id: string; n: number }> = await this.dataSource.query(
      'SELECT evening_id, COUNT(*)::int AS n FROM registration WHERE evening_id = ANY($1::uuid[]) GROUP BY evening_id',
      [eveningIds],
    );
    return new Map(rows.map((row) => [row.evening_id, row.n]));
  }

  /**
   * Changes fields with the row locked, so that `guard` (the domain's rule on which fields may
   * change in which state) sees the state the update is applied to, not one a transition just left.
   */
  async update(id: string, changes: EveningChanges, guard: (status: EveningStatus) => void): Promise<EveningEntity | null> {
    return this.dataSource.transaction(async (m) => {
      const evening = await m.findOne(EveningEntity, { where: { id }, lock: { mode: 'for_no_key_update' } });
      if (!evening) return null;
      guard(evening.status);
      if (Object.keys(changes).length === 0) return evening;
      await m.update(EveningEntity, { id }, changes);
      return m.findOneByOrFail(EveningEntity, { id });
    });
  }

  /**
   * One conditional UPDATE (`WHERE status = from`), so two concurrent moves cannot both succeed.
   * Ending also closes the evening's open dilemma in the same transaction, with the same single
   * UPDATE a close uses, so no vote is stored for an evening that has ended.
   */
  async move(id: string, from: EveningStatus, to: EveningStatus): Promise<EveningMoveOutcome> {
    return this.dataSource.transaction(async (m): Promise<EveningMoveOutcome> => {
      const updated = await m.queryRunner!.query(
        `UPDATE evening SET status = $3, updated_at = now(), ended_at = CASE WHEN $3 = 'ended' THEN now() ELSE ended_at END
         WHERE id = $1 AND status = $2 RETURNING id`,
        [id, from, to],
        true,
      );
      if (updated.records.length === 0) {
        const current = await m.findOneBy(EveningEntity, { id });
        return current ? { kind: 'wrong-state', status: current.status } : { kind: 'not-found' };
      }
      let closedDilemmas: Array<{ id: string; round: number }> = [];
      if (to === 'ended') {
        const closed = await m.queryRunner!.query(
          `UPDATE dilemma SET status = 'closed', touched_at = now(), updated_at = now()
           WHERE evening_id = $1 AND status = 'open' RETURNING id, round`,
          [id],
          true,
        );
        closedDilemmas = closed.records as Array<{ id: string; round: number }>;
      }
      return { kind: 'moved', evening: await m.findOneByOrFail(EveningEntity, { id }), closedDilemmas };
    });
  }
}
