import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Tenant households per municipality (the post-stratification weights), replaced as a whole. */
@Injectable()
export class WeightRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async all(): Promise<Record<string, number>> {
    const rows: Array<{ municipality: string; households: number }> = await this.db.query(
      'SELECT municipality, households FROM municipality_weight ORDER BY municipality',
    );
    return Object.fromEntries(rows.map((r) => [r.municipality, r.households]));
  }

  async replace(weights: Record<string, number>, updatedBy: string | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM municipality_weight');
      const entries = Object.entries(weights);
      if (entries.length === 0) return;
      await tx.query(
        `INSERT INTO municipality_weight (municipality, households, updated_by)
         SELECT x.m, x.h, $2 FROM jsonb_to_recordset($1::jsonb) AS x(m text, h int)`,
        [JSON.stringify(entries.map(([m, h]) => ({ m, h }))), updatedBy],
      );
    });
  }
}
