import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { LiveCounters } from '@hs/contracts';
import { RedisRepository } from '../redis.repository';

/**
 * How the counters are spelled, here and nowhere else: in the Redis hash (`v`, `s`, `o:<key>`,
 * `m:<key>`, `mr`) and in the rows of COUNT_SQL (one row kind per LiveCounters field).
 */
const FIELD = { voters: 'v', scaleSum: 's', option: 'o:', manual: 'm:', manualPeople: 'mr' } as const;
/** Markers in the hash besides the counters (see APPLY_DELTA and REPLACE). */
const BUILT = 'built';
const FINAL = 'final';

/** The counters as hash fields and values, zeros left out. */
function encode(counters: LiveCounters): Array<string | number> {
  const out: Array<string | number> = [];
  const put = (field: string, n: number) => n !== 0 && out.push(field, n);
  put(FIELD.voters, counters.voters);
  put(FIELD.scaleSum, counters.scaleSum);
  for (const [key, n] of Object.entries(counters.options)) put(FIELD.option + key, n);
  for (const [key, n] of Object.entries(counters.manual)) put(FIELD.manual + key, n);
  put(FIELD.manualPeople, counters.manualPeople);
  return out;
}

function decode(hash: Record<string, string>): LiveCounters {
  const counters: LiveCounters = { voters: 0, scaleSum: 0, options: {}, manual: {}, manualPeople: 0 };
  for (const [field, value] of Object.entries(hash)) {
    const n = Number(value);
    if (field === FIELD.voters) counters.voters = n;
    else if (field === FIELD.scaleSum) counters.scaleSum = n;
    else if (field === FIELD.manualPeople) counters.manualPeople = n;
    else if (field.startsWith(FIELD.option)) counters.options[field.slice(FIELD.option.length)] = n;
    else if (field.startsWith(FIELD.manual)) counters.manual[field.slice(FIELD.manual.length)] = n;
  }
  return counters;
}

const TTL_SECONDS = 3 * 24 * 3600;

/**
 * `built` marks a hash made from PostgreSQL; without it (a Redis restart, an eviction) deltas are
 * dropped, since the rebuild will count those votes from PostgreSQL anyway. `final` marks the tally
 * rebuilt after a close: late deltas of votes that the rebuild already counted are dropped too.
 * ARGV: field, increment, field, increment, …
 */
const APPLY_DELTA = `
if redis.call('HEXISTS', KEYS[1], '${BUILT}') == 0 then return 0 end
if redis.call('HEXISTS', KEYS[1], '${FINAL}') == 1 then return 2 end
for i = 1, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1`;

/** ARGV: ttl, final ('1' or '0'), field, value, field, value, … */
const REPLACE = `
if ARGV[2] == '0' and redis.call('HEXISTS', KEYS[1], '${FINAL}') == 1 then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], '${BUILT}', '1')
if ARGV[2] == '1' then redis.call('HSET', KEYS[1], '${FINAL}', '1') end
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1`;

type CountRow = { f: 'voters' | 'option' | 'scaleSum' | 'manual' | 'manualPeople'; k: string | null; n: number };

/** One query for a whole tally, phone votes and manual counts together, whatever the kind. */
const COUNT_SQL = `
WITH v AS (SELECT choice FROM vote WHERE dilemma_id = $1 AND round = $2)
SELECT 'voters' AS f, '' AS k, count(*)::float8 AS n FROM v
UNION ALL
SELECT 'option', x, count(*)::float8 FROM v,
  jsonb_array_elements_text(CASE WHEN jsonb_typeof(v.choice -> 'optionIds') = 'array' THEN v.choice -> 'optionIds' ELSE '[]' END) AS x
 GROUP BY x
UNION ALL
SELECT 'option', a.key, sum(a.value::numeric)::float8 FROM v,
  jsonb_each_text(CASE WHEN jsonb_typeof(v.choice -> 'allocation') = 'object' THEN v.choice -> 'allocation' ELSE '{}' END) AS a
 GROUP BY a.key
UNION ALL
SELECT 'option', v.choice ->> 'value', count(*)::float8 FROM v WHERE v.choice ? 'value' GROUP BY 2
UNION ALL
SELECT 'scaleSum', '', COALESCE(sum((v.choice ->> 'value')::numeric), 0)::float8 FROM v WHERE v.choice ? 'value'
UNION ALL
SELECT 'manual', e.option_key, sum(e.count)::float8 FROM manual_count_entry e
 WHERE e.dilemma_id = $1 AND e.round = $2 GROUP BY e.option_key
UNION ALL
SELECT 'manualPeople', '', COALESCE(sum(respondents), 0)::float8 FROM manual_count_round WHERE dilemma_id = $1 AND round = $2`;

/** The counters of one dilemma and round straight from PostgreSQL, in one query (shared by both tally stores). */
export async function countTally(dataSource: DataSource, dilemmaId: string, round: number): Promise<LiveCounters> {
  return fromRows(await dataSource.query(COUNT_SQL, [dilemmaId, round]));
}

function fromRows(rows: CountRow[]): LiveCounters {
  const counters: LiveCounters = { voters: 0, scaleSum: 0, options: {}, manual: {}, manualPeople: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    switch (row.f) {
      case 'voters':
      case 'scaleSum':
      case 'manualPeople':
        counters[row.f] += n;
        break;
      case 'option':
      case 'manual': {
        const map = row.f === 'option' ? counters.options : counters.manual;
        const key = row.k ?? '';
        map[key] = (map[key] ?? 0) + n;
        break;
      }
    }
  }
  return counters;
}

type TallyRedis = Redis & {
  hsApplyDelta(key: string, ...args: Array<string | number>): Promise<number>;
  hsReplaceTally(key: string, ...args: Array<string | number>): Promise<number>;
};

/**
 * Live tallies in Redis (the TallyStore port): a hash per dilemma and round, patched with the delta
 * of every committed vote and rebuilt from PostgreSQL (one query) when missing or final. Its own
 * Redis connection fails fast while Redis is away, so voting never waits for a tally.
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

  async applyDelta(dilemmaId: string, round: number, delta: LiveCounters): Promise<'applied' | 'missing' | 'final' | 'failed'> {
    const args = encode(delta);
    if (args.length === 0) return 'applied';
    try {
      const answer = await this.fast.hsApplyDelta(this.key(dilemmaId, round), ...args);
      return answer === 1 ? 'applied' : answer === 2 ? 'final' : 'missing';
    } catch {
      return 'failed';
    }
  }

  async read(dilemmaId: string, round: number): Promise<LiveCounters | null> {
    const { [BUILT]: built, [FINAL]: _final, ...fields } = await this.fast.hgetall(this.key(dilemmaId, round));
    return built ? decode(fields) : null;
  }

  async count(dilemmaId: string, round: number): Promise<LiveCounters> {
    return countTally(this.dataSource, dilemmaId, round);
  }

  async rebuild(dilemmaId: string, round: number, final: boolean): Promise<LiveCounters> {
    const counters = await this.count(dilemmaId, round);
    try {
      await this.fast.hsReplaceTally(this.key(dilemmaId, round), TTL_SECONDS, final ? '1' : '0', ...encode(counters));
    } catch {
      // Redis away: the counts are still right for this broadcast; the next read rebuilds again.
    }
    return counters;
  }
}
