import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RedisRepository } from '../redis.repository';

/** A process's report older than this no longer counts (it died or lost Redis). */
const FRESH_MS = 3500;

/**
 * Connected tenants per evening across gateway processes: every process writes its own count into
 * one hash per evening (field = process id) each second; readers add up the fresh fields. O(processes)
 * per read, whatever the number of sockets. Serves the domain's PresenceBoard port.
 */
@Injectable()
export class PresenceRepository {
  private readonly fast: Redis;

  constructor(private readonly redis: RedisRepository) {
    this.fast = redis.connect('presence', { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  }

  private key(eveningId: string): string {
    return this.redis.key('presence', eveningId);
  }

  async report(processId: string, counts: Map<string, number>): Promise<void> {
    if (counts.size === 0) return;
    const now = Date.now();
    const pipeline = this.fast.pipeline();
    for (const [eveningId, connected] of counts) {
      pipeline.hset(this.key(eveningId), processId, `${connected}:${now}`).pexpire(this.key(eveningId), FRESH_MS * 3);
    }
    await pipeline.exec().catch(() => undefined);
  }

  async connected(eveningId: string): Promise<number | null> {
    try {
      const raw = await this.fast.hgetall(this.key(eveningId));
      const now = Date.now();
      let total = 0;
      for (const value of Object.values(raw)) {
        const [count, at] = value.split(':').map(Number);
        if (now - at <= FRESH_MS) total += count;
      }
      return total;
    } catch {
      return null;
    }
  }
}
