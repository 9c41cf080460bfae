/**
 * The port through which the domain and the HTTP edge count attempts against a limit. Today's
 * implementation keeps the counters in Redis, shared by every process (RedisRateLimitStore in
 * @hs/persistence); a single process without Redis can bind an in-memory one
 * (MemoryRateLimitStore) instead. Which one is bound is decided in one place:
 * rate-limit-store.provider.ts.
 *
 * A store never throws for an unreachable backend: it answers "not over", because an evening must
 * not stop for a missing counter.
 */
import type { LimitRule, LimitState } from '@hs/contracts';

export type { LimitRule, LimitState };

export const UNDER_LIMIT: LimitState = { consumed: 0, over: false, retryAfterSeconds: 0 };

export abstract class RateLimitStore {
  /** Counts `points` (default 1) for `key` and answers the state after counting. */
  abstract consume(rule: LimitRule, key: string, points?: number): Promise<LimitState>;
  /** The state for `key` without counting anything. */
  abstract peek(rule: LimitRule, key: string): Promise<LimitState>;
}
