import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { LiveBusEventName, LiveBusEvents } from '@hs/contracts';
import { type CurrentDilemma, LiveStateService, TallyService } from '@hs/domain';
import { LiveBusRepository } from '@hs/persistence';
import { LiveGateway } from './live.gateway';
import { staffRoom, tenantRoom } from './live-rooms';

/** CONTRACT.md: at most 4 tallies a second per dilemma. */
const TALLY_EVERY_MS = 250;
const SUBSCRIBE_WAIT_MS = 3000;

/**
 * Delivers what the bus says to this process's own sockets: `dilemma` on every transition, `tally`
 * to staff (throttled; the trailing one carries the final count), to tenants only once revealed,
 * and on reveal at once to everyone.
 */
@Injectable()
export class LiveDeliveryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LiveDelivery');
  private readonly throttles = new Map<string, { last: number; timer: NodeJS.Timeout | null }>();

  constructor(
    private readonly bus: LiveBusRepository,
    private readonly gateway: LiveGateway,
    private readonly live: LiveStateService,
    private readonly tallies: TallyService,
  ) {}

  /** Waits a moment for the subscription, but a Redis that is down must not keep the process from starting. */
  async onApplicationBootstrap(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const subscribed = this.bus.subscribe((event, payload) => {
      this.handle(event, payload).catch((error: unknown) => this.logger.warn(`${event}: ${(error as Error).message}`));
    });
    subscribed.catch((error: unknown) => this.logger.warn(`live bus: ${(error as Error).message}`));
    await Promise.race([subscribed, new Promise((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private async handle<E extends LiveBusEventName>(event: E, payload: LiveBusEvents[E]): Promise<void> {
    switch (event) {
      case 'dilemma.changed': {
        const p = payload as LiveBusEvents['dilemma.changed'];
        this.live.invalidate(p.eveningId, p.dilemmaId);
        const serves = this.serves(p.eveningId);
        if (!serves && p.change !== 'closed') return;
        const dilemma = await this.live.dilemma(p.dilemmaId);
        if (!dilemma) return;
        // After a close the tally is recounted from PostgreSQL (by every gateway: the closed tally is exact).
        if (p.change === 'closed') await this.tallies.rebuild(dilemma.def);
        if (!serves) return;
        this.gateway.emitLocal(tenantRoom(p.eveningId), 'dilemma', { dilemma: dilemma.view });
        this.gateway.emitLocal(staffRoom(p.eveningId), 'dilemma', { dilemma: dilemma.view });
        await this.sendTally(dilemma, dilemma.def.round);
        return;
      }
      case 'evening.changed': {
        const p = payload as LiveBusEvents['evening.changed'];
        this.live.invalidate(p.eveningId);
        if (!this.serves(p.eveningId)) return;
        const evening = await this.live.evening(p.eveningId);
        if (!evening) return;
        const view = { evening: { id: evening.id, title: evening.title, status: evening.status } };
        this.gateway.emitLocal(tenantRoom(p.eveningId), 'evening', view);
        this.gateway.emitLocal(staffRoom(p.eveningId), 'evening', view);
        return;
      }
      case 'manual-counts.added': {
        const p = payload as LiveBusEvents['manual-counts.added'];
        if (!this.serves(p.eveningId)) return;
        const dilemma = await this.live.dilemma(p.dilemmaId);
        if (!dilemma) return;
        await this.tallies.rebuild(dilemma.def, p.round);
        await this.sendTally(dilemma, p.round);
        return;
      }
      case 'tally.dirty': {
        const p = payload as LiveBusEvents['tally.dirty'];
        if (p.rebuild) this.tallies.markStale(p.dilemmaId, p.round);
        if (this.serves(p.eveningId)) this.scheduleTally(p.dilemmaId, p.round);
        return;
      }
    }
  }

  private serves(eveningId: string): boolean {
    return this.gateway.localCount(staffRoom(eveningId)) + this.gateway.localCount(tenantRoom(eveningId)) > 0;
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
    else entry.timer = setTimeout(fire, wait);
  }

  private async sendTally(dilemma: CurrentDilemma, round: number): Promise<void> {
    const { def } = dilemma;
    if (def.status === 'draft') return;
    const tally = await this.tallies.current(def, round);
    const entry = this.throttles.get(`${def.id}|${round}`);
    if (entry) entry.last = Date.now();
    this.gateway.emitLocal(staffRoom(def.eveningId), 'tally', tally);
    if (def.revealed && round === def.round) this.gateway.emitLocal(tenantRoom(def.eveningId), 'tally', tally);
  }

  onModuleDestroy(): void {
    for (const entry of this.throttles.values()) if (entry.timer) clearTimeout(entry.timer);
  }
}
