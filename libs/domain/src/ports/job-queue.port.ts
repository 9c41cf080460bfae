import type { EnqueueOptions, JobHandlers, JobName, JobPayloads, JobWorkerOptions } from '@hs/contracts';

/**
 * Producers: the only way work is queued. Rejects instead of hanging while the queue is away; the
 * caller decides whether its action still stands.
 */
export interface JobQueue {
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<void>;
}

/** Consumers: a worker process runs handlers for one queue; each job goes to one worker. */
export interface JobWorkers {
  start(queue: string, handlers: JobHandlers, options: JobWorkerOptions): void;
}

export const JOB_QUEUE = Symbol('JobQueue');
export const JOB_WORKERS = Symbol('JobWorkers');
