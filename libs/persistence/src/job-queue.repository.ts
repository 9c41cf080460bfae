import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { AGGREGATION_QUEUE, type EnqueueOptions, type JobName, type JobPayloads, REPORTS_QUEUE } from '@hs/contracts';
import { newQueue } from './queue-backend';
import { withTimeout } from './redis-availability';

const ENQUEUE_TIMEOUT_MS = 2000;

const QUEUE_OF: Record<JobName, string> = {
  'aggregate-dilemma': AGGREGATION_QUEUE,
  'aggregate-evening': AGGREGATION_QUEUE,
  'render-report': REPORTS_QUEUE,
  'recompute-policy-input': AGGREGATION_QUEUE,
};

/** BullMQ producers (the JobQueue port): the only place that puts jobs on a queue. */
@Injectable()
export class JobQueueRepository implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = newQueue(this.config, name, {
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 24 * 3600, count: 1000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    // Rejects instead of hanging while Redis is away (the caller decides whether the action still stands);
    // BullMQ keeps the command and adds the job once Redis is back.
    await withTimeout(this.queue(QUEUE_OF[name]).add(name, payload, options), ENQUEUE_TIMEOUT_MS, `queueing ${name}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
