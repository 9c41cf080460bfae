import { Injectable } from '@nestjs/common';
import type { RateLimitResult } from '../rate-limit.repository';

/** Windows are swept when this many counters exist (a flood of distinct addresses cannot grow memory without end). */
const SWEEP_AT = 50_000;

/**
 * Fixed-window counters in the process's memory (BACKPLANE=local), with the semantics of the Redis
 * counters: one process serves every request, so its own counts are the whole truth.
 */
@Injectable()
export class LocalRateLimit {
  private readonly counters = new Map<string, { count: number; until: number }>();

  async hit(bucket: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const now = Date.now();
    const window = Math.floor(now / 1000 / windowSeconds);
    const key = `${bucket}:${window}`;
    if (this.counters.size >= SWEEP_AT) this.sweep(now);
    const entry = this.counters.get(key) ?? { count: 0, until: (window + 1) * windowSeconds * 1000 };
    entry.count += 1;
    this.counters.set(key, entry);
    const retryAfterSeconds = windowSeconds - (Math.floor(now / 1000) % windowSeconds);
    return { allowed: entry.count <= limit, remaining: Math.max(0, limit - entry.count), retryAfterSeconds };
  }

  async reset(bucket: string, windowSeconds: number): Promise<void> {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    this.counters.delete(`${bucket}:${window}`);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.counters) if (entry.until <= now) this.counters.delete(key);
  }
}
