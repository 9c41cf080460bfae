import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Single-use check-in cards, made in batches (one print page per batch). */
@Injectable()
export class CheckinCardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts what it can; a code that exists already (astronomically rare) is skipped and not returned. */
  async insertBatch(eveningId: string, batchId: string, codes: string[]): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `INSERT INTO checkin_card (evening_id, batch_id, code) SELECT $1, $2, c FROM unnest($3::text[]) AS c
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [eveningId, batchId, codes],
    );
    return rows.map((r) => r.code);
  }

  async listBatch(eveningId: string, batchId: string): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.dataSource.query(
      'SELECT code FROM checkin_card WHERE evening_id = $1 AND batch_id = $2 ORDER BY created_at, code',
      [eveningId, batchId],
    );
    return rows.map((r) => r.code);
  }
}
