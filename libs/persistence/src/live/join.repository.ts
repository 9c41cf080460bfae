import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgeBand, EveningStatus, JoinMode, ParticipantGroup } from '@hs/contracts';

export interface JoinTarget {
  id: string;
  status: EveningStatus;
  joinMode: JoinMode;
  municipality: string;
  otherMunicipalities: string[];
  title: string;
  startsAt: Date;
}

export interface ParticipantFields {
  group: ParticipantGroup | null;
  municipality: string | null;
  ageBand: AgeBand | null;
}

export type CardJoinOutcome = { kind: 'joined'; participantId: string } | { kind: 'card-used' } | { kind: 'card-unknown' };

/** Joining: the evening behind a join code, single-use cards and anonymous participants. */
@Injectable()
export class JoinRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Codes are unique among evenings that have not ended; an ended evening may share its old code. */
  async findByJoinCode(joinCode: string): Promise<JoinTarget | null> {
    const rows: Array<{
      id: string;
      status: EveningStatus;
      join_mode: JoinMode;
      municipality: string;
      others: string[];
      title: string;
      starts_at: Date;
    }> = await this.dataSource.query(
      `SELECT id, status, join_mode, municipality, other_municipalities AS others, title, starts_at
        FROM evening WHERE join_code = $1
        ORDER BY (status <> 'ended') DESC, created_at DESC LIMIT 1`,
      [joinCode],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          status: row.status,
          joinMode: row.join_mode,
          municipality: row.municipality,
          otherMunicipalities: row.others,
          title: row.title,
          startsAt: row.starts_at,
        }
      : null;
  }

  async join(eveningId: string, fields: ParticipantFields): Promise<string> {
    return this.insertParticipant(this.dataSource.manager, eveningId, fields);
  }

  /**
   * Uses the card with one conditional UPDATE (two phones racing for one card: one wins) and creates
   * the participant in the same transaction. The card row does not learn which participant it admitted.
   */
  async joinWithCard(eveningId: string, cardCode: string, fields: ParticipantFields): Promise<CardJoinOutcome> {
    return this.dataSource.transaction(async (m) => {
      // The structured result: TypeORM's plain query() answers an UPDATE with [rows, count].
      const used = await m.queryRunner!.query(
        `UPDATE checkin_card SET used_at = now() WHERE code = $1 AND evening_id = $2 AND used_at IS NULL RETURNING id`,
        [cardCode, eveningId],
        true,
      );
      if (used.records.length === 0) {
        const known: unknown[] = await m.query('SELECT 1 FROM checkin_card WHERE code = $1 AND evening_id = $2', [
          cardCode,
          eveningId,
        ]);
        return known.length > 0 ? { kind: 'card-used' } : { kind: 'card-unknown' };
      }
      return { kind: 'joined', participantId: await this.insertParticipant(m, eveningId, fields) };
    });
  }

  private async insertParticipant(m: EntityManager, eveningId: string, fields: ParticipantFields): Promise<string> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO participant (evening_id, "group", municipality, age_band) VALUES ($1, $2, $3, $4) RETURNING id`,
      [eveningId, fields.group, fields.municipality, fields.ageBand],
    );
    return rows[0].id;
  }
}
