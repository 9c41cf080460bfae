import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { RegistrationService } from '@hs/domain';

const HOUR_MS = 3600 * 1000;

/**
 * Deletes registrations REGISTRATION_RETENTION_DAYS after their evening ended: once at start,
 * then hourly. Every API process runs it; the DELETE is idempotent, so replicas do not conflict.
 */
@Injectable()
export class RegistrationRetentionJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RegistrationRetention');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly registrations: RegistrationService) {}

  onApplicationBootstrap(): void {
    this.run();
    this.timer = setInterval(() => this.run(), HOUR_MS);
    // Never the reason a process stays alive.
    this.timer.unref();
  }

  /** Before the database closes (onApplicationShutdown): stop the timer and let a running purge finish. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private run(): void {
    if (this.running) return;
    this.running = this.registrations
      .purgeExpired()
      .then(() => undefined)
      .catch((error: Error) =>
        this.logger.warn(`purge of expired registrations failed, retried within the hour: ${error.message}`),
      )
      .finally(() => {
        this.running = undefined;
      });
  }
}
