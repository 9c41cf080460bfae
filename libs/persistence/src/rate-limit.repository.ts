import { Injectable } from '@nestjs/common';
import { isOffline, withTimeout } from './redis-availability';
import { RedisRepository } from './redis.repository';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/** How long a counter may take before the request is let through uncounted. */
const HIT_TIMEOUT_MS = 500;

/**
 * Fixed-window counters in Redis, shared by all processes. When Redis is unreachable the
 * limiter lets the request through: an evening must not stop because a counter is missing.
 * It does not wait for a reconnect either (the client queues commands while offline), so a
 * disconnected client or a slow answer counts as unreachable.
 */
@Injectable()
export class RateLimitRepository {
  constructor(private readonly redis: RedisRepository) {}

  async hit(bucket: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const key = this.redis.key('rl', bucket, window);
    if (isOffline(this.redis.client)) return { allowed: true, remaining: limit, retryAfterSeconds: 0 };
    try {
      const counted = this.redis.client
        .multi()
        .incr(key)
        .expire(key, windowSeconds + 1)
        .exec() as Promise<[[Error | null, number], unknown]>;
      const [[, count]] = await withTimeout(counted, HIT_TIMEOUT_MS, 'a rate limit counter');
      const retryAfterSeconds = windowSeconds - (Math.floor(Date.now() / 1000) % windowSeconds);
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds };
    } catch {
      return { allowed: true, remaining: limit, retryAfterSeconds: 0 };
    }
  }

  async reset(bucket: string, windowSeconds: number): Promise<void> {
    if (isOffline(this.redis.client)) return;
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    await this.redis.client.del(this.redis.key('rl', bucket, window)).catch(() => undefined);
  }
}
