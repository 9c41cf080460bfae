import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** Tenant households per municipality and per age band (the weights), each table replaced as a whole. */
@Injectable()
export class WeightRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async all(): Promise<Record<string, number>> {
    const rows: Array<{ municipality: string; households: number }> = await this.db.query(
      'SELECT municipality, households FROM municipality_weight ORDER BY municipality',
    );
    return Object.fromEntries(rows.map((r) => [r.municipality, r.households]));
  }

  async ageBands(): Promise<Record<string, number>> {
    const rows: Array<{ age_band: string; households: number }> = await this.db.query(
      'SELECT age_band, households FROM age_band_weight ORDER BY age_band',
    );
    return Object.fromEntries(rows.map((r) => [r.age_band, r.households]));
  }

  /** The last change to either table: when and by whom. */
  async lastChange(): Promise<{ updatedAt: Date; updatedBy: string | null } | null> {
    const [row] = await this.db.query(
      `SELECT updated_at AS "updatedAt", updated_by AS "updatedBy" FROM (
         SELECT updated_at, updated_by FROM municipality_weight UNION ALL SELECT updated_at, updated_by FROM age_band_weight
       ) AS w ORDER BY updated_at DESC LIMIT 1`,
    );
    return row ?? null;
  }

  /** Replaces the municipality table and, when given, the age-band table, in one transaction. */
  async replace(
    households: Record<string, number>,
    ageBands: Record<string, number> | undefined,
    updatedBy: string | null,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      await replaceTable(tx, 'municipality_weight', 'municipality', households, updatedBy);
      if (ageBands !== undefined) await replaceTable(tx, 'age_band_weight', 'age_band', ageBands, updatedBy);
    });
  }
}

async function replaceTable(
  tx: EntityManager,
  table: 'municipality_weight' | 'age_band_weight',
  key: 'municipality' | 'age_band',
  values: Record<string, number>,
  updatedBy: string | null,
): Promise<void> {
  await tx.query(`DELETE FROM ${table}`);
  const entries = Object.entries(values);
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} (${key}, households, updated_by)
     SELECT x.k, x.h, $2 FROM jsonb_to_recordset($1::jsonb) AS x(k text, h int)`,
    [JSON.stringify(entries.map(([k, h]) => ({ k, h }))), updatedBy],
  );
}
