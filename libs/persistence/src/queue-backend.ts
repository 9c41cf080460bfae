import { createPostgresBackend, Queue, type QueueOptions, type Processor, Worker, type WorkerOptions } from 'bullmq';
import type { AppConfig } from '@hs/config';

/**
 * Where BullMQ keeps its jobs: Redis, or (BACKPLANE=local) PostgreSQL through BullMQ's own PostgreSQL
 * backend, in a schema of its own in our database, so a queued aggregation survives a restart without
 * Redis. The Queue and Worker API is the same either way; only this file knows which backend is used.
 */
type QueueSettings = Omit<QueueOptions, 'connection' | 'prefix'>;
type WorkerSettings = Omit<WorkerOptions, 'connection' | 'prefix'>;

/** The PostgreSQL schema for the jobs: one per deployment prefix, as the Redis keys are. */
export function jobSchema(config: AppConfig): string {
  return `bullmq_${config.redisPrefix.toLowerCase().replace(/-/g, '_')}`;
}

function postgresConnection(config: AppConfig) {
  return { connectionString: config.databaseUrl, schema: jobSchema(config), migrate: true, max: 4 };
}

function redisConnection(config: AppConfig) {
  return { connection: { url: config.redisUrl, maxRetriesPerRequest: null }, prefix: `${config.redisPrefix}:bull` };
}

export function newQueue(config: AppConfig, name: string, settings: QueueSettings): Queue {
  if (config.backplane !== 'local') return new Queue(name, { ...settings, ...redisConnection(config) });
  // The PostgreSQL-backed Queue is typed by its backend; every method we call exists on both.
  return new Queue(name, { ...settings, connection: postgresConnection(config) }, createPostgresBackend) as unknown as Queue;
}

export function newWorker(config: AppConfig, name: string, processor: Processor, settings: WorkerSettings): Worker {
  if (config.backplane !== 'local') return new Worker(name, processor, { ...settings, ...redisConnection(config) });
  return new Worker(
    name,
    processor,
    { ...settings, connection: postgresConnection(config) },
    createPostgresBackend,
  ) as unknown as Worker;
}
