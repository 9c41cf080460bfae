import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { DilemmaKind, DilemmaStatus, SegmentDimension } from '@hs/contracts';

export interface DilemmaSourceRow {
  id: string;
  eveningId: string;
  eveningTitle: string;
  eveningMunicipality: string;
  eveningOtherMunicipalities: string[];
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
  /** cross: municipality × age band, segment the JSON array [municipality, ageBand] ("unknown" for null). */
  dimension: 'all' | SegmentDimension | 'cross';
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
 * The heavy counting, in PostgreSQL, in one statement over every dilemma in scope, in three steps:
 * 1. votes: one plain hash aggregate over the raw votes joined to their participants, per dilemma,
 *    round, group, municipality, age band and distinct choice (keyed by its text form, which hashes
 *    faster than jsonb). PostgreSQL runs this step in parallel; a million votes shrink to ~70,000 rows.
 * 2. cells: GROUPING SETS over those rows: overall and per group, municipality and age band.
 * 3. each distinct choice is taken apart only now (jsonb_array_elements_text for choice/multi,
 *    jsonb_each_text for budget points, the value for scale), plus one row with option NULL that carries
 *    the respondents: the JSON is parsed a few thousand times instead of once per vote.
 * (docs/PERFORMANCE.md has the measurements behind this shape.)
 */
const COUNT_SQL = `
WITH votes AS (
  SELECT v.dilemma_id, v.round, p."group" AS gr,
    -- The municipality rule (evening-municipalities.ts): the participant's pick where the evening serves it, else the evening's.
    CASE WHEN p.municipality = e.municipality OR p.municipality = ANY(e.other_municipalities) THEN p.municipality ELSE e.municipality END AS mu,
    p.age_band AS ab, v.choice::text AS choice, count(*) AS n
  FROM vote v JOIN participant p ON p.id = v.participant_id JOIN evening e ON e.id = p.evening_id
  WHERE v.dilemma_id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR p."group" = ANY($2::text[]))
  GROUP BY 1, 2, 3, 4, 5, 6
), cells AS (
  SELECT dilemma_id, round,
    CASE WHEN GROUPING(mu) = 0 AND GROUPING(ab) = 0 THEN 'cross' WHEN GROUPING(gr) = 0 THEN 'group'
         WHEN GROUPING(mu) = 0 THEN 'municipality' WHEN GROUPING(ab) = 0 THEN 'ageBand' ELSE 'all' END AS dimension,
    CASE WHEN GROUPING(mu) = 0 AND GROUPING(ab) = 0 THEN json_build_array(COALESCE(mu, 'unknown'), COALESCE(ab, 'unknown'))::text
         ELSE COALESCE(gr, mu, ab) END AS segment,
    choice, sum(n) AS n
  FROM votes
  GROUP BY GROUPING SETS ((dilemma_id, round, choice), (dilemma_id, round, choice, gr), (dilemma_id, round, choice, mu),
    (dilemma_id, round, choice, ab), (dilemma_id, round, choice, mu, ab))
)
SELECT c.dilemma_id AS "dilemmaId", c.round AS "round", c.dimension AS "dimension", c.segment AS "segment", o.opt AS "option",
  sum(c.n)::int AS "voters", sum(c.n * o.pts)::float8 AS "points", sum(c.n * o.pts * o.pts)::float8 AS "pointsSq"
FROM (SELECT dilemma_id, round, dimension, segment, choice::jsonb AS choice, n FROM cells) AS c
CROSS JOIN LATERAL (
  SELECT NULL::text AS opt, 0::numeric AS pts
  UNION ALL SELECT t.opt, 0 FROM jsonb_array_elements_text(c.choice -> 'optionIds') AS t(opt)
  UNION ALL SELECT a.key, a.value::numeric FROM jsonb_each_text(c.choice -> 'allocation') AS a(key, value) WHERE a.value::numeric > 0
  UNION ALL SELECT c.choice ->> 'value', 0 WHERE c.choice ->> 'value' IS NOT NULL
) AS o
GROUP BY c.dilemma_id, c.round, c.dimension, c.segment, o.opt`;

/**
 * The people who voted in both the first and the last given round of a dilemma, as (first choice, last choice)
 * combinations with their number: the paired shift (paired-shift.ts) takes them apart.
 */
const PAIRS_SQL = `
SELECT x.dilemma_id AS "dilemmaId", a.choice AS "first", b.choice AS "last", count(*)::int AS n
FROM unnest($1::uuid[], $2::int[], $3::int[]) AS x(dilemma_id, first_round, last_round)
JOIN vote a ON a.dilemma_id = x.dilemma_id AND a.round = x.first_round
JOIN vote b ON b.dilemma_id = x.dilemma_id AND b.round = x.last_round AND b.participant_id = a.participant_id
JOIN participant p ON p.id = a.participant_id
WHERE ($4::text[] IS NULL OR p."group" = ANY($4::text[]))
GROUP BY x.dilemma_id, a.choice, b.choice`;

const SOURCES_SQL = `
SELECT d.id, d.evening_id AS "eveningId", e.title AS "eveningTitle", e.municipality AS "eveningMunicipality",
  e.other_municipalities AS "eveningOtherMunicipalities",
  to_char(e.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "eveningStartsAt",
  d.position, d.theme, d.question, d.description, d.kind, d.budget, d.max_choices AS "maxChoices",
  d.link_key AS "linkKey", d.round, d.status, d.updated_at AS "updatedAt",
  (SELECT max(m.updated_at) FROM manual_count_round m WHERE m.dilemma_id = d.id) AS "manualAt",
  COALESCE((SELECT json_agg(json_build_object('id', o.id, 'label', o.label, 'consequence', o.consequence) ORDER BY o.position)
            FROM dilemma_option o WHERE o.dilemma_id = d.id), '[]'::json) AS options
FROM dilemma d JOIN evening e ON e.id = d.evening_id
WHERE ($1::uuid[] IS NULL OR d.id = ANY($1::uuid[]))
  AND ($2::uuid[] IS NULL OR d.evening_id = ANY($2::uuid[]))
  AND ($3::text[] IS NULL OR d.theme = ANY($3::text[]))
  AND ($4::text[] IS NULL OR lower(e.municipality) = ANY($4::text[])
       OR EXISTS (SELECT 1 FROM unnest(e.other_municipalities) AS o(m) WHERE lower(o.m) = ANY($4::text[])))
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

  /**
   * The grouped count of these dilemmas, and the moment it is as fresh as: the transaction's start,
   * which precedes the count's snapshot, so a stored count is never taken for newer than it is.
   */
  async countVotes(dilemmaIds: string[], groups?: readonly string[]): Promise<{ rows: CountRow[]; at: Date }> {
    return this.db.transaction(async (tx) => {
      // JIT compilation costs PostgreSQL ~0.3 s up front, more than it saves on this sub-second query;
      // the extra work_mem lets the grouping sets hash in memory instead of sorting on disk.
      const [{ at }] = await tx.query(`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true), now() AS at`);
      if (dilemmaIds.length === 0) return { rows: [], at };
      return { rows: await tx.query(COUNT_SQL, [dilemmaIds, groups ?? null]), at };
    });
  }

  /** Paired votes: per dilemma its first and last round; groups limits them to participants of these groups. */
  async countPairs(
    rounds: Array<{ dilemmaId: string; first: number; last: number }>,
    groups?: readonly string[],
  ): Promise<Array<{ dilemmaId: string; first: unknown; last: unknown; n: number }>> {
    if (rounds.length === 0) return [];
    return this.db.query(PAIRS_SQL, [
      rounds.map((r) => r.dilemmaId),
      rounds.map((r) => r.first),
      rounds.map((r) => r.last),
      groups ?? null,
    ]);
  }

  /** The evenings among these ids that exist. */
  async existingEvenings(eveningIds: readonly string[]): Promise<string[]> {
    if (eveningIds.length === 0) return [];
    const rows: Array<{ id: string }> = await this.db.query('SELECT id FROM evening WHERE id = ANY($1::uuid[])', [eveningIds]);
    return rows.map((r) => r.id);
  }

  /** The municipalities each of these evenings serves (its own and the further ones). */
  async eveningPlaces(eveningIds: readonly string[]): Promise<Array<{ municipality: string; otherMunicipalities: string[] }>> {
    if (eveningIds.length === 0) return [];
    const rows: Array<{ municipality: string; other_municipalities: string[] }> = await this.db.query(
      'SELECT municipality, other_municipalities FROM evening WHERE id = ANY($1::uuid[])',
      [eveningIds],
    );
    return rows.map((r) => ({ municipality: r.municipality, otherMunicipalities: r.other_municipalities ?? [] }));
  }

  async dilemmaExists(dilemmaId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM dilemma WHERE id = $1', [dilemmaId]);
    return rows.length > 0;
  }

  async manualCounts(
    dilemmaIds: string[],
  ): Promise<Array<{ dilemmaId: string; round: number; counts: Record<string, number>; respondents: number }>> {
    if (dilemmaIds.length === 0) return [];
    return this.db.query(
      `SELECT r.dilemma_id AS "dilemmaId", r.round,
         COALESCE((SELECT jsonb_object_agg(e.option_key, e.count) FROM manual_count_entry e
                   WHERE e.dilemma_id = r.dilemma_id AND e.round = r.round), '{}'::jsonb) AS counts,
         r.respondents
       FROM manual_count_round r WHERE r.dilemma_id = ANY($1::uuid[]) ORDER BY r.created_at, r.id`,
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
   * Replaces the stored tallies of these dilemmas by the given rows, in one statement (so atomically):
   * an upsert, so two workers writing the same count leave one row each, and removal of rounds no
   * longer present. computed_at never goes back, so a late writer of an older count cannot look newer.
   */
  async replaceTallies(
    dilemmaIds: string[],
    rows: Array<{ dilemmaId: string; round: number; tally: unknown }>,
    computedAt: Date,
  ): Promise<void> {
    if (dilemmaIds.length === 0) return;
    const sorted = [...rows].sort((a, b) => (a.dilemmaId < b.dilemmaId ? -1 : a.dilemmaId > b.dilemmaId ? 1 : a.round - b.round));
    await this.db.query(
      `WITH incoming AS (
         SELECT x."dilemmaId" AS dilemma_id, x.round, x.tally FROM jsonb_to_recordset($2::jsonb) AS x("dilemmaId" uuid, round int, tally jsonb)
       ), removed AS (
         DELETE FROM dilemma_result r WHERE r.dilemma_id = ANY($1::uuid[])
           AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.dilemma_id = r.dilemma_id AND i.round = r.round)
       )
       INSERT INTO dilemma_result (dilemma_id, round, tally, computed_at)
       SELECT dilemma_id, round, tally, $3 FROM incoming
       ON CONFLICT (dilemma_id, round) DO UPDATE SET tally = EXCLUDED.tally, computed_at = GREATEST(dilemma_result.computed_at, EXCLUDED.computed_at)`,
      [dilemmaIds, JSON.stringify(sorted), computedAt],
    );
  }

  async upsertPolicyInput(scopeKey: string, result: unknown, computedAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO policy_input_cache (scope_key, result, computed_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (scope_key) DO UPDATE SET result = EXCLUDED.result, computed_at = EXCLUDED.computed_at`,
      [scopeKey, JSON.stringify(result), computedAt],
    );
  }

  async policyInput(scopeKey: string): Promise<{ result: unknown; computedAt: Date } | null> {
    const [row] = await this.db.query('SELECT result, computed_at AS "computedAt" FROM policy_input_cache WHERE scope_key = $1', [
      scopeKey,
    ]);
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
