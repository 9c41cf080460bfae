import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConsultationRoundEntity } from '../entities';

export interface NewRound {
  name: string;
  year: number;
  startsOn: string | null;
  endsOn: string | null;
}

@Injectable()
export class RoundRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts; null when the year already has a round of that name (the unique index decides). */
  async insert(values: NewRound): Promise<ConsultationRoundEntity | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ConsultationRoundEntity)
      .values(values)
      .orIgnore()
      .returning('id')
      .execute();
    const row = result.raw[0] as { id: string } | undefined;
    return row ? this.findById(row.id) : null;
  }

  findById(id: string): Promise<ConsultationRoundEntity | null> {
    return this.dataSource.getRepository(ConsultationRoundEntity).findOneBy({ id });
  }

  /** Newest first: by year, then start date, then creation. */
  list(): Promise<ConsultationRoundEntity[]> {
    return this.dataSource
      .getRepository(ConsultationRoundEntity)
      .createQueryBuilder('r')
      .orderBy('r.year', 'DESC')
      .addOrderBy('r.starts_on', 'DESC', 'NULLS LAST')
      .addOrderBy('r.created_at', 'DESC')
      .getMany();
  }

  /** Evenings per round and municipality. */
  async eveningCounts(): Promise<Array<{ roundId: string; municipality: string; n: number }>> {
    return this.dataSource.query(
      'SELECT round_id AS "roundId", municipality, COUNT(*)::int AS n FROM evening GROUP BY round_id, municipality',
    );
  }

  /** evening id → its round, for the evenings given. */
  async roundsOfEvenings(eveningIds: string[]): Promise<Map<string, ConsultationRoundEntity>> {
    if (eveningIds.length === 0) return new Map();
    const rows: Array<{
      evening_id: string;
      id: string;
      name: string;
      year: number;
      starts_on: string | null;
      ends_on: string | null;
      created_at: Date;
    }> = await this.dataSource.query(
      `SELECT e.id AS evening_id, r.id, r.name, r.year, to_char(r.starts_on, 'YYYY-MM-DD') AS starts_on,
                to_char(r.ends_on, 'YYYY-MM-DD') AS ends_on, r.created_at
         FROM evening e JOIN consultation_round r ON r.id = e.round_id WHERE e.id = ANY($1::uuid[])`,
      [eveningIds],
    );
    const repo = this.dataSource.getRepository(ConsultationRoundEntity);
    return new Map(
      rows.map((r) => [
        r.evening_id,
        repo.create({ id: r.id, name: r.name, year: r.year, startsOn: r.starts_on, endsOn: r.ends_on, createdAt: r.created_at }),
      ]),
    );
  }
}
