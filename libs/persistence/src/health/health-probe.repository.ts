import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGGREGATION_QUEUE } from '@hs/contracts';
import { JobQueueRepository } from '../job-queue.repository';
import { isOffline } from '../redis-availability';
import { RedisRepository } from '../redis.repository';

/**
 * Cheap probes of what this process depends on, for GET /api/health. Each throws when the dependency
 * is not usable; the caller puts a time limit on them. A Redis client that already lost its server is
 * reported at once instead of queueing a PING that would wait for the reconnect.
 */
/** Each probe gets this long before its dependency counts as down: a health check must answer quickly. */
export const PROBE_TIMEOUT_MS = 1500;

export type HealthProbeName = 'database' | 'redis' | 'queue';
/** Throws when its dependency is not usable; may answer figures for operators. */
export type HealthProbe = () => Promise<void | Record<string, unknown>>;

@Injectable()
export class HealthProbeRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueueRepository,
    /** Absent on the local backplane: the process runs without Redis. */
    @Optional() private readonly redis?: RedisRepository,
  ) {}

  /**
   * What this process depends on, in the order a health answer lists it: the one list behind /api/health and a
   * worker's /health. Redis only where the process has it (never on the local backplane).
   */
  probes(): Array<[HealthProbeName, HealthProbe]> {
    return [
      ['database', () => this.database()],
      ...(this.redis ? [['redis', () => this.redisServer()] as [HealthProbeName, HealthProbe]] : []),
      ['queue', () => this.queue()],
    ];
  }

  async database(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  async redisServer(): Promise<void> {
    if (!this.redis) throw new Error('this process runs without Redis (BACKPLANE=local)');
    const client = this.redis.client;
    if (isOffline(client)) throw new Error(`Redis is ${client.status}`);
    const answer = await client.ping();
    if (answer !== 'PONG') throw new Error(`Redis answered ${answer}`);
  }

  /** The aggregation queue answers (its own BullMQ connection); returns its backlog for operators. */
  async queue(): Promise<{ waiting: number; active: number; failed: number }> {
    const queue = this.queues.queue(AGGREGATION_QUEUE);
    await queue.waitUntilReady();
    const counts = await queue.getJobCounts('waiting', 'active', 'failed');
    return { waiting: counts.waiting ?? 0, active: counts.active ?? 0, failed: counts.failed ?? 0 };
  }
}
