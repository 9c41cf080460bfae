import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RegistrationService } from '@hs/domain';

const HOUR_MS = 3600 * 1000;

/**
 * Deletes registrations REGISTRATION_RETENTION_DAYS after their evening ended: once at start,
 * then hourly. Every API process runs it; the DELETE is idempotent, so replicas do not conflict.
 */
@Injectable()
export class RegistrationRetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RegistrationRetention');
  private timer?: NodeJS.Timeout;

  constructor(private readonly registrations: RegistrationService) {}

  onApplicationBootstrap(): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), HOUR_MS);
    // Never the reason a process stays alive.
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    try {
      await this.registrations.purgeExpired();
    } catch (error) {
      this.logger.warn(`purge of expired registrations failed, retried within the hour: ${(error as Error).message}`);
    }
  }
}
