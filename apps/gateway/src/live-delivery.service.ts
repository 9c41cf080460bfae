import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { LiveBusMessage, ServerToClientEvents } from '@hs/contracts';
import {
  type CurrentDilemma,
  LIVE_BUS,
  LIVE_SOCKET_SERVER,
  type LiveBus,
  LiveStateService,
  type LiveSocketServer,
  TallyService,
} from '@hs/domain';

/** At most 4 tallies a second per dilemma (docs/API.md, `tally`). */
const TALLY_EVERY_MS = 250;
const SUBSCRIBE_WAIT_MS = 3000;

/**
 * Delivers what the bus says to this process's own sockets: `dilemma` on every transition, `tally`
 * to staff (throttled; the trailing one carries the final count), to tenants only once revealed,
 * and on reveal at once to everyone. It reads what it sends from the domain, which heard the same
 * message first (its caches and tallies register on the bus before this does).
 */
@Injectable()
export class LiveDeliveryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LiveDelivery');
  private readonly throttles = new Map<string, { last: number; timer: NodeJS.Timeout | null }>();

  constructor(
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    @Inject(LIVE_SOCKET_SERVER) private readonly server: LiveSocketServer,
    private readonly live: LiveStateService,
    private readonly tallies: TallyService,
  ) {}

  /** Waits a moment for the subscription, but a Redis that is down must not keep the process from starting. */
  async onApplicationBootstrap(): Promise<void> {
    this.bus.onMessage((message) => {
      this.deliver(message).catch((error: unknown) => this.logger.warn(`${message.event}: ${(error as Error).message}`));
    });
    let timer: NodeJS.Timeout | undefined;
    const subscribed = this.bus.listen();
    subscribed.catch((error: unknown) => this.logger.warn(`live bus: ${(error as Error).message}`));
    await Promise.race([subscribed, new Promise((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private async deliver(message: LiveBusMessage): Promise<void> {
    if (this.server.localCount(message.payload.eveningId) === 0) return;
    switch (message.event) {
      case 'dilemma.changed': {
        const dilemma = await this.live.dilemma(message.payload.dilemmaId);
        if (!dilemma) return;
        this.toEveryone(message.payload.eveningId, 'dilemma', { dilemma: dilemma.view });
        await this.sendTally(dilemma, dilemma.def.round);
        return;
      }
      case 'evening.changed': {
        const evening = await this.live.evening(message.payload.eveningId);
        if (!evening) return;
        this.toEveryone(message.payload.eveningId, 'evening', {
          evening: { id: evening.id, title: evening.title, status: evening.status },
        });
        return;
      }
      case 'manual-counts.added': {
        const dilemma = await this.live.dilemma(message.payload.dilemmaId);
        if (dilemma) await this.sendTally(dilemma, message.payload.round);
        return;
      }
      case 'tally.dirty':
        this.scheduleTally(message.payload.dilemmaId, message.payload.round);
        return;
    }
  }

  private toEveryone<E extends 'dilemma' | 'evening'>(
    eveningId: string,
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server.emitToEvening(eveningId, 'tenants', event, ...payload);
    this.server.emitToEvening(eveningId, 'staff', event, ...payload);
  }

  /** Leading and trailing edge: the first change goes out at once, the last within 250 ms. */
  private scheduleTally(dilemmaId: string, round: number): void {
    const key = `${dilemmaId}|${round}`;
    const entry = this.throttles.get(key) ?? { last: 0, timer: null };
    this.throttles.set(key, entry);
    if (entry.timer) return;
    const fire = () => {
      entry.timer = null;
      entry.last = Date.now();
      this.live
        .dilemma(dilemmaId)
        .then((dilemma) => (dilemma ? this.sendTally(dilemma, round) : undefined))
        .catch((error: unknown) => this.logger.warn(`tally: ${(error as Error).message}`));
    };
    const wait = entry.last + TALLY_EVERY_MS - Date.now();
    if (wait <= 0) fire();
    else entry.timer = setTimeout(fire, wait).unref();
  }

  private async sendTally(dilemma: CurrentDilemma, round: number): Promise<void> {
    const { def } = dilemma;
    if (def.status === 'draft') return;
    const tally = await this.tallies.current(def, round);
    const entry = this.throttles.get(`${def.id}|${round}`);
    if (entry) entry.last = Date.now();
    this.server.emitToEvening(def.eveningId, 'staff', 'tally', tally);
    if (def.revealed && round === def.round) this.server.emitToEvening(def.eveningId, 'tenants', 'tally', tally);
  }

  onModuleDestroy(): void {
    for (const entry of this.throttles.values()) if (entry.timer) clearTimeout(entry.timer);
  }
}
