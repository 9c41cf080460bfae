import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { RedisRepository } from '../redis.repository';

/**
 * The raw counters of one dilemma and round. Field names: `v` phone voters, `s` sum of scale values,
 * `o:<key>` phone counts per option id (scale: "1".."5"; budget: points), `m:<key>` manual counts,
 * `mr` people the manual counts stand for.
 */
export type TallyFields = Record<string, number>;

const TTL_SECONDS = 3 * 24 * 3600;

/**
 * `built` marks a hash made from PostgreSQL; without it (a Redis restart, an eviction) deltas are
 * dropped, since the rebuild will count those votes from PostgreSQL anyway. `final` marks the tally
 * rebuilt after a close: late deltas of votes that the rebuild already counted are dropped too.
 */
const APPLY_DELTA = `
if redis.call('HEXISTS', KEYS[1], 'built') == 0 then return 0 end
if redis.call('HEXISTS', KEYS[1], 'final') == 1 then return 2 end
for i = 1, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1`;

const REPLACE = `
if ARGV[2] == '0' and redis.call('HEXISTS', KEYS[1], 'final') == 1 then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'built', '1')
if ARGV[2] == '1' then redis.call('HSET', KEYS[1], 'final', '1') end
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1`;

/** One query for a whole tally, phone votes and manual counts together, whatever the kind. */
const COUNT_SQL = `
WITH v AS (SELECT choice FROM vote WHERE dilemma_id = $1 AND round = $2)
SELECT 'v' AS f, '' AS k, count(*)::float8 AS n FROM v
UNION ALL
SELECT 'o', x, count(*)::float8 FROM v,
  jsonb_array_elements_text(CASE WHEN jsonb_typeof(v.choice -> 'optionIds') = 'array' THEN v.choice -> 'optionIds' ELSE '[]' END) AS x
 GROUP BY x
UNION ALL
SELECT 'o', a.key, sum(a.value::numeric)::float8 FROM v,
  jsonb_each_text(CASE WHEN jsonb_typeof(v.choice -> 'allocation') = 'object' THEN v.choice -> 'allocation' ELSE '{}' END) AS a
 GROUP BY a.key
UNION ALL
SELECT 'o', v.choice ->> 'value', count(*)::float8 FROM v WHERE v.choice ? 'value' GROUP BY 2
UNION ALL
SELECT 's', '', COALESCE(sum((v.choice ->> 'value')::numeric), 0)::float8 FROM v WHERE v.choice ? 'value'
UNION ALL
SELECT 'm', c.key, sum(c.value::numeric)::float8 FROM manual_count mc, jsonb_each_text(mc.counts) AS c
 WHERE mc.dilemma_id = $1 AND mc.round = $2 GROUP BY c.key
UNION ALL
SELECT 'mr', '', COALESCE(sum(respondents), 0)::float8 FROM manual_count WHERE dilemma_id = $1 AND round = $2`;

type TallyRedis = Redis & {
  hsApplyDelta(key: string, ...args: Array<string | number>): Promise<number>;
  hsReplaceTally(key: string, ...args: Array<string | number>): Promise<number>;
};

/**
 * Live tallies: counters in a Redis hash per dilemma and round, patched with the delta of every
 * committed vote and rebuilt from PostgreSQL (one query) when missing or final. Its own Redis
 * connection fails fast while Redis is away, so voting never waits for a tally.
 */
@Injectable()
export class TallyRepository {
  private readonly fast: TallyRedis;

  constructor(
    private readonly redis: RedisRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.fast = redis.connect('tally', { enableOfflineQueue: false, maxRetriesPerRequest: 0 }) as TallyRedis;
    this.fast.defineCommand('hsApplyDelta', { numberOfKeys: 1, lua: APPLY_DELTA });
    this.fast.defineCommand('hsReplaceTally', { numberOfKeys: 1, lua: REPLACE });
  }

  private key(dilemmaId: string, round: number): string {
    return this.redis.key('tally', dilemmaId, round);
  }

  /** 'applied'; 'missing' (no hash: rebuild it); 'final' (closed tally, nothing to do); 'failed' (Redis away). */
  async applyDelta(dilemmaId: string, round: number, delta: TallyFields): Promise<'applied' | 'missing' | 'final' | 'failed'> {
    const args = Object.entries(delta)
      .filter(([, n]) => n !== 0)
      .flatMap(([field, n]) => [field, n]);
    if (args.length === 0) return 'applied';
    try {
      const answer = await this.fast.hsApplyDelta(this.key(dilemmaId, round), ...args);
      return answer === 1 ? 'applied' : answer === 2 ? 'final' : 'missing';
    } catch {
      return 'failed';
    }
  }

  /** The counters, or null when the hash must be rebuilt; throws when Redis is away. */
  async read(dilemmaId: string, round: number): Promise<TallyFields | null> {
    const raw = await this.fast.hgetall(this.key(dilemmaId, round));
    if (!raw.built) return null;
    const fields: TallyFields = {};
    for (const [field, value] of Object.entries(raw)) if (field !== 'built' && field !== 'final') fields[field] = Number(value);
    return fields;
  }

  /** The counters straight from PostgreSQL, in one query. */
  async count(dilemmaId: string, round: number): Promise<TallyFields> {
    const rows: Array<{ f: string; k: string | null; n: number }> = await this.dataSource.query(COUNT_SQL, [dilemmaId, round]);
    const fields: TallyFields = {};
    for (const row of rows) {
      const field = row.f === 'o' || row.f === 'm' ? `${row.f}:${row.k}` : row.f;
      fields[field] = (fields[field] ?? 0) + Number(row.n);
    }
    return fields;
  }

  /** Counts from PostgreSQL and stores them; a non-final rebuild never replaces a final tally. */
  async rebuild(dilemmaId: string, round: number, final: boolean): Promise<TallyFields> {
    const fields = await this.count(dilemmaId, round);
    const args = Object.entries(fields).flatMap(([field, n]) => [field, n]);
    try {
      await this.fast.hsReplaceTally(this.key(dilemmaId, round), TTL_SECONDS, final ? '1' : '0', ...args);
    } catch {
      // Redis away: the counts are still right for this broadcast; the next read rebuilds again.
    }
    return fields;
  }
}
