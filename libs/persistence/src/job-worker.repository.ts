import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { type Job, UnrecoverableError, type Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import type { JobContext, JobHandlers, JobName, JobWorkerOptions } from '@hs/contracts';
import { newWorker } from './queue-backend';

/**
 * A crashed worker's job lock expires after LOCK_MS; a live worker renews it every LOCK_MS / 2 and
 * looks for expired locks every STALLED_CHECK_MS, so another worker takes over a killed worker's job
 * within about LOCK_MS + STALLED_CHECK_MS.
 */
const LOCK_MS = 15_000;
const STALLED_CHECK_MS = 5_000;
/** How long a graceful stop waits for active jobs (a report renders in seconds). */
const CLOSE_GRACE_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** BullMQ consumers (the JobWorkers port): the only place that creates a Worker. Closed (active jobs finished) before the database goes. */
@Injectable()
export class JobWorkerRepository implements BeforeApplicationShutdown {
  private readonly logger = new Logger('JobWorker');
  private readonly workers: Worker[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  start(queue: string, handlers: JobHandlers, options: JobWorkerOptions): void {
    const worker = newWorker(
      this.config,
      queue,
      async (job: Job) => {
        const handler = handlers[job.name as JobName] as
          ((payload: unknown, context: JobContext) => Promise<unknown>) | undefined;
        if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
        const context: JobContext = {
          id: job.id ?? '',
          attemptsMade: job.attemptsMade,
          attempts: job.opts.attempts ?? 1,
          progress: async (percent) => {
            await job.updateProgress(percent).catch(() => undefined);
          },
        };
        try {
          return await handler(job.data, context);
        } catch (error) {
          if (options.isPermanent(error)) throw new UnrecoverableError((error as Error).message);
          throw error;
        }
      },
      {
        concurrency: options.concurrency,
        lockDuration: LOCK_MS,
        stalledInterval: STALLED_CHECK_MS,
        maxStalledCount: 2,
        autorun: true,
      },
    );
    worker.on('error', (error) => this.logger.warn(`worker ${queue}: ${error.message}`));
    worker.on('failed', (job, error) => {
      if (!job) return;
      const final =
        error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled/i.test(error.message);
      this.logger.warn(
        `job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}${final ? ', final' : ''}): ${error.message}`,
      );
      if (final && options.onFinalFailure) {
        options.onFinalFailure(job.name as JobName, job.data, error.message).catch((e: Error) => this.logger.error(e.message));
      }
    });
    this.workers.push(worker);
  }

  /**
   * Graceful stop (SIGTERM): take no new jobs, let the active ones finish. BullMQ's close() can wait
   * forever when Redis went away and came back empty, so after CLOSE_GRACE_MS the connections are cut;
   * an unfinished job is then picked up again by another worker (its lock expires).
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.workers.length === 0) return;
    const closed = await Promise.all(
      this.workers.map(async (worker) => {
        const done = await Promise.race([
          worker.close().then(
            () => true,
            (e: Error) => (this.logger.warn(e.message), true),
          ),
          sleep(CLOSE_GRACE_MS).then(() => false),
        ]);
        if (!done) await Promise.race([worker.disconnect().catch(() => undefined), sleep(1000)]);
        return done;
      }),
    );
    const cut = closed.filter((done) => !done).length;
    this.logger.log(`${this.workers.length} job workers closed${cut ? ` (${cut} cut off after ${CLOSE_GRACE_MS} ms)` : ''}`);
  }
}
