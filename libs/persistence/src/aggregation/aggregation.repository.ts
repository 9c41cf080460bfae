import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { DilemmaKind, DilemmaStatus, SegmentDimension } from '@hs/contracts';

export interface DilemmaSourceRow {
  id: string;
  eveningId: string;
  eveningTitle: string;
  eveningMunicipality: string;
  eveningStartsAt: string;
  position: number;
  theme: string;
  question: string;
  description: string | null;
  kind: DilemmaKind;
  budget: number | null;
  maxChoices: number | null;
  linkKey: string | null;
  round: number;
  status: DilemmaStatus;
  updatedAt: Date;
  manualAt: Date | null;
  options: Array<{ id: string; label: string; consequence: string | null }>;
}

export interface DilemmaFilter {
  dilemmaIds?: string[];
  eveningIds?: string[];
  themes?: string[];
  /** Matched case-insensitively against the evening's municipality. */
  municipalities?: string[];
  /** Leave out dilemmas that were never opened. */
  heldOnly?: boolean;
}

export interface CountRow {
  dilemmaId: string;
  round: number;
  dimension: 'all' | SegmentDimension;
  segment: string | null;
  option: string | null;
  voters: number;
  points: number;
  pointsSq: number;
}

export interface StoredTallyRow {
  dilemmaId: string;
  round: number;
  tally: unknown;
  computedAt: Date;
}

/**
 * The heavy counting, in PostgreSQL: one grouped query over every dilemma in scope. Each vote is
 * expanded to its option keys (jsonb_array_elements_text for choice/multi, jsonb_each_text for budget,
 * the value for scale) plus one row with option NULL that counts the respondent, then counted per
 * dilemma, round and option, overall and per group, municipality and age band (GROUPING SETS).
 */
const COUNT_SQL = `
SELECT v.dilemma_id AS "dilemmaId", v.round AS "round",
  CASE WHEN GROUPING(p."group") = 0 THEN 'group'
       WHEN GROUPING(p.municipality) = 0 THEN 'municipality'
       WHEN GROUPING(p.age_band) = 0 THEN 'ageBand' ELSE 'all' END AS "dimension",
  COALESCE(p."group", p.municipality, p.age_band) AS "segment",
  o.opt AS "option",
  count(*)::int AS "voters",
  COALESCE(sum(o.pts), 0)::float8 AS "points",
  COALESCE(sum(o.pts * o.pts), 0)::float8 AS "pointsSq"
FROM vote v
JOIN participant p ON p.id = v.participant_id
CROSS JOIN LATERAL (
  SELECT NULL::text AS opt, 0::numeric AS pts
  UNION ALL SELECT t.opt, 0 FROM jsonb_array_elements_text(v.choice -> 'optionIds') AS t(opt)
  UNION ALL SELECT a.key, a.value::numeric FROM jsonb_each_text(v.choice -> 'allocation') AS a(key, value) WHERE a.value::numeric > 0
  UNION ALL SELECT v.choice ->> 'value', 0 WHERE v.choice ->> 'value' IS NOT NULL
) AS o
WHERE v.dilemma_id = ANY($1::uuid[])
GROUP BY GROUPING SETS (
  (v.dilemma_id, v.round, o.opt),
  (v.dilemma_id, v.round, o.opt, p."group"),
  (v.dilemma_id, v.round, o.opt, p.municipality),
  (v.dilemma_id, v.round, o.opt, p.age_band)
)`;

const SOURCES_SQL = `
SELECT d.id, d.evening_id AS "eveningId", e.title AS "eveningTitle", e.municipality AS "eveningMunicipality",
  to_char(e.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "eveningStartsAt",
  d.position, d.theme, d.question, d.description, d.kind, d.budget, d.max_choices AS "maxChoices",
  d.link_key AS "linkKey", d.round, d.status, d.updated_at AS "updatedAt",
  (SELECT max(m.created_at) FROM manual_count m WHERE m.dilemma_id = d.id) AS "manualAt",
  COALESCE((SELECT json_agg(json_build_object('id', o.id, 'label', o.label, 'consequence', o.consequence) ORDER BY o.position)
            FROM dilemma_option o WHERE o.dilemma_id = d.id), '[]'::json) AS options
FROM dilemma d JOIN evening e ON e.id = d.evening_id
WHERE ($1::uuid[] IS NULL OR d.id = ANY($1::uuid[]))
  AND ($2::uuid[] IS NULL OR d.evening_id = ANY($2::uuid[]))
  AND ($3::text[] IS NULL OR d.theme = ANY($3::text[]))
  AND ($4::text[] IS NULL OR lower(e.municipality) = ANY($4::text[]))
  AND (NOT $5::boolean OR d.status <> 'draft')
ORDER BY e.starts_at, d.evening_id, d.position`;

@Injectable()
export class AggregationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  dilemmaSources(filter: DilemmaFilter): Promise<DilemmaSourceRow[]> {
    return this.db.query(SOURCES_SQL, [
      filter.dilemmaIds ?? null,
      filter.eveningIds ?? null,
      filter.themes ?? null,
      filter.municipalities?.map((m) => m.trim().toLowerCase()) ?? null,
      filter.heldOnly ?? false,
    ]);
  }

  /** The database clock, read before a count: a stored count is as fresh as the moment it started. */
  async now(): Promise<Date> {
    const [row] = await this.db.query('SELECT clock_timestamp() AS now');
    return row.now as Date;
  }

  async countVotes(dilemmaIds: string[]): Promise<CountRow[]> {
    if (dilemmaIds.length === 0) return [];
    return this.db.query(COUNT_SQL, [dilemmaIds]);
  }

  async manualCounts(dilemmaIds: string[]): Promise<Array<{ dilemmaId: string; round: number; counts: Record<string, number> }>> {
    if (dilemmaIds.length === 0) return [];
    return this.db.query(
      'SELECT dilemma_id AS "dilemmaId", round, counts FROM manual_count WHERE dilemma_id = ANY($1::uuid[]) ORDER BY created_at, id',
      [dilemmaIds],
    );
  }

  async storedTallies(dilemmaIds: string[]): Promise<StoredTallyRow[]> {
    if (dilemmaIds.length === 0) return [];
    return this.db.query(
      'SELECT dilemma_id AS "dilemmaId", round, tally, computed_at AS "computedAt" FROM dilemma_result WHERE dilemma_id = ANY($1::uuid[])',
      [dilemmaIds],
    );
  }

  /**
   * Replaces the stored tallies of these dilemmas by the given rows, in one transaction: an upsert
   * (so two workers writing the same count leave one row each) and removal of rounds no longer present.
   */
  async replaceTallies(dilemmaIds: string[], rows: Array<{ dilemmaId: string; round: number; tally: unknown }>, computedAt: Date): Promise<void> {
    if (dilemmaIds.length === 0) return;
    const sorted = [...rows].sort((a, b) => (a.dilemmaId < b.dilemmaId ? -1 : a.dilemmaId > b.dilemmaId ? 1 : a.round - b.round));
    await this.db.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM dilemma_result r WHERE r.dilemma_id = ANY($1::uuid[])
           AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x("dilemmaId" uuid, round int)
                           WHERE x."dilemmaId" = r.dilemma_id AND x.round = r.round)`,
        [dilemmaIds, JSON.stringify(sorted.map(({ dilemmaId, round }) => ({ dilemmaId, round })))],
      );
      if (sorted.length === 0) return;
      await tx.query(
        `INSERT INTO dilemma_result (dilemma_id, round, tally, computed_at)
         SELECT x."dilemmaId", x.round, x.tally, $2 FROM jsonb_to_recordset($1::jsonb) AS x("dilemmaId" uuid, round int, tally jsonb)
         ON CONFLICT (dilemma_id, round) DO UPDATE SET tally = EXCLUDED.tally, computed_at = GREATEST(dilemma_result.computed_at, EXCLUDED.computed_at)`,
        [JSON.stringify(sorted), computedAt],
      );
    });
  }

  async upsertPolicyInput(scopeKey: string, result: unknown, computedAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO policy_input_cache (scope_key, result, computed_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (scope_key) DO UPDATE SET result = EXCLUDED.result, computed_at = EXCLUDED.computed_at`,
      [scopeKey, JSON.stringify(result), computedAt],
    );
  }

  async policyInput(scopeKey: string): Promise<{ result: unknown; computedAt: Date } | null> {
    const [row] = await this.db.query('SELECT result, computed_at AS "computedAt" FROM policy_input_cache WHERE scope_key = $1', [scopeKey]);
    return row ?? null;
  }

  async themes(): Promise<Array<{ slug: string; name: string }>> {
    return this.db.query('SELECT slug, name_nl AS name FROM theme ORDER BY position');
  }

  async eveningExists(eveningId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM evening WHERE id = $1', [eveningId]);
    return rows.length > 0;
  }
}
