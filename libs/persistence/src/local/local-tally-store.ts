import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LiveCounters } from '@hs/contracts';
import { countTally } from '../live/tally.repository';

/** Tallies kept at most; the oldest go first (a rebuild from PostgreSQL brings one back when needed). */
const MAX_TALLIES = 5000;

const add = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
};

/**
 * Live tallies in the process's memory (the TallyStore port, BACKPLANE=local), with the rules of the
 * Redis store: a delta only patches counters that were built from PostgreSQL (after a start they are
 * missing, so the first read rebuilds them), and a final tally, rebuilt after a close, is never patched
 * or replaced by a rebuild that is not final.
 */
@Injectable()
export class LocalTallyStore {
  private readonly tallies = new Map<string, { final: boolean; counters: LiveCounters }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private key(dilemmaId: string, round: number): string {
    return `${dilemmaId}:${round}`;
  }

  async applyDelta(dilemmaId: string, round: number, delta: LiveCounters): Promise<'applied' | 'missing' | 'final' | 'failed'> {
    const tally = this.tallies.get(this.key(dilemmaId, round));
    if (!tally) return 'missing';
    if (tally.final) return 'final';
    const counters = tally.counters;
    counters.voters += delta.voters;
    counters.scaleSum += delta.scaleSum;
    counters.manualPeople += delta.manualPeople;
    add(counters.options, delta.options);
    add(counters.manual, delta.manual);
    return 'applied';
  }

  async read(dilemmaId: string, round: number): Promise<LiveCounters | null> {
    const tally = this.tallies.get(this.key(dilemmaId, round));
    return tally ? structuredClone(tally.counters) : null;
  }

  async count(dilemmaId: string, round: number): Promise<LiveCounters> {
    return countTally(this.dataSource, dilemmaId, round);
  }

  async rebuild(dilemmaId: string, round: number, final: boolean): Promise<LiveCounters> {
    const counters = await this.count(dilemmaId, round);
    const key = this.key(dilemmaId, round);
    if (final || !this.tallies.get(key)?.final) {
      this.tallies.delete(key);
      this.tallies.set(key, { final, counters: structuredClone(counters) });
      if (this.tallies.size > MAX_TALLIES) this.tallies.delete(this.tallies.keys().next().value!);
    }
    return counters;
  }
}
