import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { TallyPayload } from '@hs/contracts';
import { type DilemmaDefinition, LiveBusRepository, TallyRepository, type VoteChange } from '@hs/persistence';
import { addInto, type Counters, delta, toTally } from './tally-math';

/** How often one process tells the others that a dilemma's tally moved (the gateways throttle again). */
const DIRTY_EVERY_MS = 100;
/** A rebuild races with deltas of votes committing meanwhile; one more rebuild shortly after settles it. */
const SETTLE_AFTER_MS = 1000;

/**
 * Live tallies without a database scan per broadcast: counters in Redis, patched with the delta of
 * each committed batch, rebuilt from PostgreSQL (one query) when missing, unknown or final.
 */
@Injectable()
export class TallyService implements OnModuleDestroy {
  private readonly logger = new Logger('Tally');
  /** dilemma|round keys whose Redis counters this process knows to be off. */
  private readonly stale = new Set<string>();
  private readonly dirty = new Map<string, { eveningId: string; rebuild: boolean; timer: NodeJS.Timeout | null; last: number }>();
  private readonly settling = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly tallies: TallyRepository,
    private readonly bus: LiveBusRepository,
  ) {}

  /** The tally as clients see it. Never throws for Redis: without Redis it counts in PostgreSQL. */
  async current(def: DilemmaDefinition, round = def.round): Promise<TallyPayload> {
    const key = `${def.id}|${round}`;
    let counters: Counters | null = null;
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
  async rebuild(def: DilemmaDefinition, round = def.round, settle = true): Promise<Counters> {
    const key = `${def.id}|${round}`;
    this.stale.delete(key);
    const final = def.status === 'closed' || round < def.round;
    const counters = await this.tallies.rebuild(def.id, round, final);
    if (!final && settle && !this.settling.has(key)) {
      this.settling.set(
        key,
        setTimeout(() => {
          this.settling.delete(key);
          this.tallies.rebuild(def.id, round, false).then(
            () => this.markDirty(def.eveningId, def.id, round, false),
            (error: unknown) => this.logger.warn(`settling tally failed: ${(error as Error).message}`),
          );
        }, SETTLE_AFTER_MS),
      );
    }
    return counters;
  }

  /** After a batch committed: patch the counters, and tell every gateway (throttled) to re-read them. */
  async applyChanges(changes: VoteChange[]): Promise<void> {
    const sums = new Map<string, { change: VoteChange; counters: Counters; unknown: boolean }>();
    for (const change of changes) {
      const key = `${change.dilemmaId}|${change.round}`;
      const entry = sums.get(key) ?? { change, counters: {}, unknown: false };
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

  /** Called for a `tally.dirty` from another process that could not patch the counters. */
  markStale(dilemmaId: string, round: number): void {
    this.stale.add(`${dilemmaId}|${round}`);
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
    else entry.timer = setTimeout(publish, wait);
  }

  onModuleDestroy(): void {
    for (const t of this.settling.values()) clearTimeout(t);
    for (const e of this.dirty.values()) if (e.timer) clearTimeout(e.timer);
  }
}
