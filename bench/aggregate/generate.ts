/**
 * The benchmark's data, generated inside PostgreSQL (generate_series), which is far faster than
 * sending a million rows from Node: nine ended evenings of 40 dilemmas each (every kind, the same
 * questions at every evening so they pool), participants with segments, two rounds of votes from
 * everyone, and some hand counts.
 */
import type { Client } from 'pg';
import { THEME_SLUGS } from '../../libs/contracts/src/enums';

export const MUNICIPALITIES = [
  'Leeuwarden',
  'Smallingerland',
  'Heerenveen',
  'Súdwest-Fryslân',
  'Harlingen',
  'Waadhoeke',
  'Tytsjerksteradiel',
  'Opsterland',
  'De Fryske Marren',
];

export async function generate(
  db: Client,
  votesWanted: number,
  dilemmasPerEvening = 40,
  rounds = 2,
): Promise<{ votes: number; participants: number }> {
  const evenings = MUNICIPALITIES.length;
  const perEvening = Math.ceil(votesWanted / (evenings * dilemmasPerEvening * rounds));
  await db.query('SET synchronous_commit = off');
  await db.query(
    `INSERT INTO evening (title, municipality, venue, starts_at, status, join_code, ended_at)
     SELECT 'Bewonersavond ' || m, m, 'Dorpshuis', timestamptz '2026-09-01 19:00+02' + (i * interval '7 days'), 'ended',
            'BENCH' || substr('23456789A', i::int, 1), now()
     FROM unnest($1::text[]) WITH ORDINALITY AS t(m, i)`,
    [MUNICIPALITIES],
  );
  await db.query(
    `INSERT INTO dilemma (evening_id, position, theme, question, kind, budget, max_choices, status, round)
     SELECT e.id, j, ($1::text[])[1 + (j - 1) % 8], 'Dilemma ' || j || ': wat kiest u?',
            k.kind, CASE WHEN k.kind = 'budget' THEN 10 END, CASE WHEN k.kind = 'multi' THEN 2 END, 'closed', $2
     FROM evening e CROSS JOIN generate_series(1, $3::int) AS j
     CROSS JOIN LATERAL (SELECT CASE j % 10 WHEN 0 THEN 'scale' WHEN 1 THEN 'budget' WHEN 2 THEN 'multi' WHEN 3 THEN 'multi' ELSE 'choice' END AS kind) AS k`,
    [THEME_SLUGS, rounds, dilemmasPerEvening],
  );
  await db.query(
    `INSERT INTO dilemma_option (dilemma_id, position, label, consequence)
     SELECT d.id, k, 'Optie ' || k, CASE WHEN k = 1 THEN 'Huur stijgt met € 5 per maand' END
     FROM dilemma d CROSS JOIN generate_series(1, 4) AS k WHERE d.kind <> 'scale'`,
  );
  await db.query(
    `INSERT INTO participant (evening_id, "group", municipality, age_band)
     SELECT e.id,
       CASE WHEN r < 0.80 THEN 'tenant' WHEN r < 0.92 THEN 'tenant_org' WHEN r < 0.98 THEN 'stakeholder' END,
       CASE WHEN r2 < 0.85 THEN e.municipality WHEN r2 < 0.98 THEN ($1::text[])[1 + floor(r2 * 1000)::int % 9] END,
       CASE WHEN r3 < 0.95 THEN (ARRAY['<30', '30-49', '50-64', '65-79', '80+'])[1 + floor(r3 * 100)::int % 5] END
     FROM evening e CROSS JOIN generate_series(1, $2::int) AS i
     CROSS JOIN LATERAL (SELECT random() + i * 0 AS r, random() + i * 0 AS r2, random() + i * 0 AS r3) AS x`,
    [MUNICIPALITIES, perEvening],
  );
  await db.query(
    `CREATE TEMP TABLE bench_dilemma AS
     SELECT d.id, d.evening_id, d.kind, COALESCE(array_agg(o.id ORDER BY o.position) FILTER (WHERE o.id IS NOT NULL), '{}') AS opts
     FROM dilemma d LEFT JOIN dilemma_option o ON o.dilemma_id = d.id GROUP BY d.id`,
  );
  // Skewed choices (x² favours the first options) so that results are not all equal.
  const { rowCount } = await db.query(
    `INSERT INTO vote (participant_id, dilemma_id, round, choice, client_vote_id)
     SELECT p.id, d.id, r.round,
       CASE d.kind
         WHEN 'choice' THEN jsonb_build_object('optionIds', jsonb_build_array(d.opts[1 + floor(x.a * x.a * 4)::int]))
         WHEN 'multi' THEN jsonb_build_object('optionIds', jsonb_build_array(d.opts[1 + floor(x.a * 2)::int], d.opts[3 + floor(x.b * 2)::int]))
         WHEN 'budget' THEN jsonb_build_object('allocation', jsonb_build_object(d.opts[1]::text, floor(x.a * 11)::int, d.opts[2]::text, 10 - floor(x.a * 11)::int))
         ELSE jsonb_build_object('value', 1 + floor(x.a * 5)::int)
       END,
       gen_random_uuid()
     FROM bench_dilemma d JOIN participant p ON p.evening_id = d.evening_id
     CROSS JOIN generate_series(1, $1::int) AS r(round)
     CROSS JOIN LATERAL (SELECT random() + r.round * 0 AS a, random() + r.round * 0 AS b) AS x`,
    [rounds],
  );
  await db.query(
    `INSERT INTO manual_count_entry (dilemma_id, round, option_key, count)
     SELECT d.id, $1, o.key, o.n FROM bench_dilemma d
     CROSS JOIN LATERAL (VALUES (d.opts[1]::text, 3), (d.opts[2]::text, 2)) AS o(key, n)
     WHERE d.kind = 'choice'`,
    [rounds],
  );
  await db.query(
    `INSERT INTO manual_count_round (dilemma_id, round, respondents) SELECT d.id, $1, 5 FROM bench_dilemma d WHERE d.kind = 'choice'`,
    [rounds],
  );
  await db.query('ANALYZE');
  return { votes: rowCount ?? 0, participants: perEvening * evenings };
}

/**
 * The bare SQL baseline: one count of the same votes by option, overall and per group, municipality and
 * age band (GROUPING SETS), each vote's optionIds taken apart with jsonb_array_elements_text, nothing
 * else: no dilemma or round keys, no respondent counts, no budget points or scale values, no storing.
 * Measured with the server's default settings (JIT on), as a plain query would run.
 */
export const BASELINE_SQL = `
SELECT o.opt, p."group", p.municipality, p.age_band, count(*)
FROM vote v JOIN participant p ON p.id = v.participant_id
CROSS JOIN LATERAL jsonb_array_elements_text(v.choice -> 'optionIds') AS o(opt)
GROUP BY GROUPING SETS ((o.opt), (o.opt, p."group"), (o.opt, p.municipality), (o.opt, p.age_band))`;
