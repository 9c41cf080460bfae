import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { PresencePayload } from '@hs/contracts';
import {
  LIVE_SOCKET_SERVER,
  LiveStateService,
  type LiveSocketServer,
  PRESENCE_BOARD,
  type PresenceBoard,
  TallyService,
} from '@hs/domain';

const EVERY_MS = 1000;
/** Re-send an unchanged presence now and then, so a staff screen that missed one catches up. */
const REFRESH_MS = 5000;

/**
 * `presence` {connected, voted} to staff, at most once a second. Each process counts its own tenants
 * (distinct participants) and writes that count to Redis; whoever has staff of an evening adds the
 * processes' counts up (the PresenceBoard port: Redis, or memory with BACKPLANE=local). `voted` is the phone voters of the current dilemma's round, from its tally.
 * An ended evening has nobody present: {connected: 0, voted: 0}.
 */
@Injectable()
export class PresenceService {
  private readonly logger = new Logger('Presence');
  private readonly processId = randomUUID();
  /** evening → participant → sockets in this process. */
  private readonly local = new Map<string, Map<string, number>>();
  /** Evenings that went to zero locally; reported as 0 a few more times, then forgotten. */
  private readonly fading = new Map<string, number>();
  private readonly sent = new Map<string, { key: string; at: number }>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    @Inject(PRESENCE_BOARD) private readonly board: PresenceBoard,
    private readonly live: LiveStateService,
    private readonly tallies: TallyService,
    @Inject(LIVE_SOCKET_SERVER) private readonly server: LiveSocketServer,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  tenantConnected(eveningId: string, participantId: string): void {
    const evening = this.local.get(eveningId) ?? new Map<string, number>();
    evening.set(participantId, (evening.get(participantId) ?? 0) + 1);
    this.local.set(eveningId, evening);
    this.fading.delete(eveningId);
  }

  tenantDisconnected(eveningId: string, participantId: string): void {
    const evening = this.local.get(eveningId);
    if (!evening) return;
    const left = (evening.get(participantId) ?? 1) - 1;
    if (left > 0) evening.set(participantId, left);
    else evening.delete(participantId);
    if (evening.size === 0) {
      this.local.delete(eveningId);
      this.fading.set(eveningId, 3);
    }
  }

  private async tick(): Promise<void> {
    if (this.ticking || !this.timer) return;
    this.ticking = true;
    try {
      const counts = new Map<string, number>();
      for (const [eveningId, participants] of this.local) counts.set(eveningId, participants.size);
      for (const [eveningId, left] of this.fading) {
        counts.set(eveningId, 0);
        if (left <= 1) this.fading.delete(eveningId);
        else this.fading.set(eveningId, left - 1);
      }
      await this.board.report(this.processId, counts);
      await Promise.all(this.server.eveningsWithStaff().map((eveningId) => this.emitFor(eveningId)));
    } catch (error) {
      this.logger.warn(`presence: ${(error as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  private async emitFor(eveningId: string): Promise<void> {
    // After the end nobody takes part any more, even with the thank-you page still open on the phones.
    const ended = (await this.live.evening(eveningId))?.status === 'ended';
    const connected = ended ? 0 : ((await this.board.connected(eveningId)) ?? this.local.get(eveningId)?.size ?? 0);
    const current = ended ? null : await this.live.current(eveningId);
    let voted = 0;
    if (current && current.def.status !== 'draft') {
      const tally = await this.tallies.current(current.def);
      voted = tally.total - (tally.manual?.total ?? 0);
    }
    const payload: PresencePayload = { connected, voted };
    const key = `${connected}|${voted}`;
    const last = this.sent.get(eveningId);
    if (last && last.key === key && Date.now() - last.at < REFRESH_MS) return;
    this.sent.set(eveningId, { key, at: Date.now() });
    this.server.emitToEvening(eveningId, 'staff', 'presence', payload);
  }
}
