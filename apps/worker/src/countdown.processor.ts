import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DilemmaFlowService } from '@hs/domain';

/** A dilemma set to close at zero closes within this after its countdown ends. */
const SWEEP_EVERY_MS = 1000;

/**
 * Closes dilemmas whose countdown ran out ("close at zero"), in the worker, so it happens with the console
 * closed. A sweep is one indexed query (ix_dilemma_countdown_due); any number of workers may sweep.
 */
@Injectable()
export class CountdownProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Countdown');
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(private readonly flow: DilemmaFlowService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      await this.flow.closeExpired();
    } catch (error) {
      this.logger.warn(`countdown sweep: ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
