import { Injectable, Logger } from '@nestjs/common';
import type { LimitRule, LimitState } from '@hs/contracts';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { isOffline, withTimeout } from '../redis-availability';
import { RedisRepository } from '../redis.repository';

const NOT_COUNTED: LimitState = { consumed: 0, over: false, retryAfterSeconds: 0 };
/** How long a counter may take before the request is let through uncounted. */
const COUNT_TIMEOUT_MS = 500;

function stateOf(res: RateLimiterRes, points: number): LimitState {
  const over = res.consumedPoints > points;
  return {
    consumed: res.consumedPoints,
    over,
    retryAfterSeconds: over ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : Math.ceil(res.msBeforeNext / 1000),
  };
}

/**
 * Counters by rate-limiter-flexible (fixed windows, atomic in Redis), one limiter per rule. The
 * limiter's key prefix carries the rule's name, points and window, so two rules with one name but
 * different limits (two processes configured differently) never share a counter.
 */
abstract class FlexibleRateLimitStore {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  protected abstract create(rule: LimitRule, keyPrefix: string): RateLimiterAbstract;

  /** Whether a count can be tried now; false sends the request through uncounted. */
  protected available(): boolean {
    return true;
  }

  async consume(rule: LimitRule, key: string, points = 1): Promise<LimitState> {
    if (!this.available()) return NOT_COUNTED;
    try {
      return stateOf(
        await withTimeout(this.limiter(rule).consume(key, points), COUNT_TIMEOUT_MS, 'a rate limit counter'),
        rule.points,
      );
    } catch (refusal) {
      // Over the limit, the library rejects with the counter's state; anything else is an outage.
      if (refusal instanceof RateLimiterRes) return stateOf(refusal, rule.points);
      this.unavailable(refusal);
      return NOT_COUNTED;
    }
  }

  async peek(rule: LimitRule, key: string): Promise<LimitState> {
    if (!this.available()) return NOT_COUNTED;
    try {
      const res = await withTimeout(this.limiter(rule).get(key), COUNT_TIMEOUT_MS, 'a rate limit counter');
      return res ? stateOf(res, rule.points) : NOT_COUNTED;
    } catch (error) {
      this.unavailable(error);
      return NOT_COUNTED;
    }
  }

  protected unavailable(_error: unknown): void {}

  private limiter(rule: LimitRule): RateLimiterAbstract {
    const keyPrefix = `${rule.name}:${rule.points}:${rule.durationSeconds}`;
    let limiter = this.limiters.get(keyPrefix);
    if (!limiter) {
      limiter = this.create(rule, keyPrefix);
      this.limiters.set(keyPrefix, limiter);
    }
    return limiter;
  }
}

/**
 * Counters in Redis, shared by every process. When Redis is unreachable or slow the request goes
 * through uncounted: an evening must not stop because a counter is missing. It does not wait for a
 * reconnect either (our client queues commands while offline), so a disconnected client counts as
 * unreachable.
 */
@Injectable()
export class RedisRateLimitStore extends FlexibleRateLimitStore {
  private readonly logger = new Logger('RateLimits');

  constructor(private readonly redis: RedisRepository) {
    super();
  }

  protected create(rule: LimitRule, keyPrefix: string): RateLimiterAbstract {
    return new RateLimiterRedis({
      storeClient: this.redis.client,
      keyPrefix: this.redis.key('rl', keyPrefix),
      points: rule.points,
      duration: rule.durationSeconds,
    });
  }

  protected override available(): boolean {
    return !isOffline(this.redis.client);
  }

  protected override unavailable(error: unknown): void {
    this.logger.debug(`rate limit not counted: ${(error as Error).message}`);
  }
}

/** Counters in this process's memory: for a single process without Redis, and for tests of the rules. */
@Injectable()
export class MemoryRateLimitStore extends FlexibleRateLimitStore {
  protected create(rule: LimitRule, keyPrefix: string): RateLimiterAbstract {
    return new RateLimiterMemory({ keyPrefix, points: rule.points, duration: rule.durationSeconds });
  }
}
