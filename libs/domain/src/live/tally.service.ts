import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { LiveBusMessage, LiveCounters, TallyPayload } from '@hs/contracts';
import { type DilemmaDefinition, DilemmaRepository, toDefinition, type VoteChange } from '@hs/persistence';
import { LIVE_BUS, type LiveBus } from '../ports/live-bus.port';
import { TALLY_STORE, type TallyStore } from '../ports/tally-store.port';
import { addInto, delta, noCounters, toTally } from './tally-math';

/** How often one process tells the others that a dilemma's tally moved (the gateways throttle again). */
const DIRTY_EVERY_MS = 50;
/** A rebuild races with deltas of votes committing meanwhile; one more rebuild shortly after settles it. */
const SETTLE_AFTER_MS = 1000;

/**
 * Live tallies without a database scan per broadcast: counters in the tally store, patched with the
 * delta of each committed batch, rebuilt from PostgreSQL (one query) when missing, unknown or final.
 * It hears the bus for its own sake: a close makes the tally final, hand counts and a writer that
 * could not patch the counters make them stale. Whoever then asks for the tally gets the right one.
 */
@Injectable()
export class TallyService implements OnModuleDestroy {
  private readonly logger = new Logger('Tally');
  /** dilemma|round keys whose stored counters this process knows to be off. */
  private readonly stale = new Set<string>();
  /** Rebuilds this process started on a bus message, per dilemma: a read of that dilemma waits for them. */
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly dirty = new Map<string, { eveningId: string; rebuild: boolean; timer: NodeJS.Timeout | null; last: number }>();
  private readonly settling = new Map<string, NodeJS.Timeout>();

  constructor(
    @Inject(TALLY_STORE) private readonly tallies: TallyStore,
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    private readonly dilemmas: DilemmaRepository,
  ) {
    bus.onMessage((message) => this.hear(message));
  }

  private hear(message: LiveBusMessage): void {
    switch (message.event) {
      case 'dilemma.changed':
        // Every process that hears a close recounts it once, as final: late deltas are then dropped.
        if (message.payload.change === 'closed')
          this.whileReading(message.payload.dilemmaId, this.finalize(message.payload.dilemmaId));
        return;
      case 'manual-counts.added':
        this.stale.add(`${message.payload.dilemmaId}|${message.payload.round}`);
        return;
      case 'tally.dirty':
        if (message.payload.rebuild) this.stale.add(`${message.payload.dilemmaId}|${message.payload.round}`);
        return;
      case 'evening.changed':
        return;
    }
  }

  private whileReading(dilemmaId: string, work: Promise<unknown>): void {
    const done = work.catch((error: unknown) => this.logger.warn(`tally rebuild: ${(error as Error).message}`));
    this.pending.set(dilemmaId, done);
    void done.finally(() => this.pending.get(dilemmaId) === done && this.pending.delete(dilemmaId));
  }

  private async finalize(dilemmaId: string): Promise<void> {
    const row = await this.dilemmas.findWithOptions(dilemmaId);
    if (row) await this.rebuild(toDefinition(row));
  }

  /** The tally as clients see it. Never throws for the store: without it, it counts in PostgreSQL. */
  async current(def: DilemmaDefinition, round = def.round): Promise<TallyPayload> {
    await this.pending.get(def.id);
    const key = `${def.id}|${round}`;
    let counters: LiveCounters | null = null;
    if (!this.stale.has(key)) {
      try {
        counters = await this.tallies.read(def.id, round);
      } catch {
        return toTally(def, round, await this.tallies.count(def.id, round));
      }
    }
    counters ??= await this.rebuild(def, round);
    return toTally(def, round, counters);
  }

  /** Recounts from PostgreSQL and stores it; final once the dilemma is closed (late deltas are then dropped). */
  private async rebuild(def: DilemmaDefinition, round = def.round): Promise<LiveCounters> {
    const key = `${def.id}|${round}`;
    this.stale.delete(key);
    const final = def.status === 'closed' || round < def.round;
    const counters = await this.tallies.rebuild(def.id, round, final);
    if (!final && !this.settling.has(key)) {
      this.settling.set(
        key,
        setTimeout(() => {
          this.settling.delete(key);
          this.tallies.rebuild(def.id, round, false).then(
            () => this.markDirty(def.eveningId, def.id, round, false),
            (error: unknown) => this.logger.warn(`settling tally failed: ${(error as Error).message}`),
          );
        }, SETTLE_AFTER_MS).unref(),
      );
    }
    return counters;
  }

  /** After a batch committed: patch the counters, and tell every gateway (throttled) to re-read them. */
  async applyChanges(changes: VoteChange[]): Promise<void> {
    const sums = new Map<string, { change: VoteChange; counters: LiveCounters; unknown: boolean }>();
    for (const change of changes) {
      const key = `${change.dilemmaId}|${change.round}`;
      const entry = sums.get(key) ?? { change, counters: noCounters(), unknown: false };
      if (change.before === undefined) entry.unknown = true;
      else addInto(entry.counters, delta(change.before, change.after));
      sums.set(key, entry);
    }
    await Promise.all(
      [...sums.entries()].map(async ([key, { change, counters, unknown }]) => {
        const result = unknown ? 'missing' : await this.tallies.applyDelta(change.dilemmaId, change.round, counters);
        const rebuild = result === 'missing' || result === 'failed';
        if (rebuild) this.stale.add(key);
        this.markDirty(change.eveningId, change.dilemmaId, change.round, rebuild);
      }),
    );
  }

  private markDirty(eveningId: string, dilemmaId: string, round: number, rebuild: boolean): void {
    const key = `${dilemmaId}|${round}`;
    const entry = this.dirty.get(key) ?? { eveningId, rebuild: false, timer: null, last: 0 };
    entry.rebuild ||= rebuild;
    this.dirty.set(key, entry);
    if (entry.timer) return;
    const publish = () => {
      entry.timer = null;
      entry.last = Date.now();
      const needsRebuild = entry.rebuild;
      entry.rebuild = false;
      void this.bus.publish('tally.dirty', { eveningId, dilemmaId, round, ...(needsRebuild ? { rebuild: true } : {}) });
    };
    const wait = entry.last + DIRTY_EVERY_MS - Date.now();
    if (wait <= 0) publish();
    else entry.timer = setTimeout(publish, wait).unref();
  }

  onModuleDestroy(): void {
    for (const t of this.settling.values()) clearTimeout(t);
    for (const e of this.dirty.values()) if (e.timer) clearTimeout(e.timer);
  }
}
