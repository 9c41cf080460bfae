import { Injectable } from '@nestjs/common';
import { RedisRepository } from './redis.repository';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in Redis, shared by all processes. When Redis is unreachable the
 * limiter lets the request through: an evening must not stop because a counter is missing.
 */
@Injectable()
export class RateLimitRepository {
  constructor(private readonly redis: RedisRepository) {}

  async hit(bucket: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const key = this.redis.key('rl', bucket, window);
    try {
      const [[, count]] = (await this.redis.client
        .multi()
        .incr(key)
        .expire(key, windowSeconds + 1)
        .exec()) as [[Error | null, number], unknown];
      const retryAfterSeconds = windowSeconds - (Math.floor(Date.now() / 1000) % windowSeconds);
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds };
    } catch {
      return { allowed: true, remaining: limit, retryAfterSeconds: 0 };
    }
  }

  async reset(bucket: string, windowSeconds: number): Promise<void> {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    await this.redis.client.del(this.redis.key('rl', bucket, window)).catch(() => undefined);
  }
}
