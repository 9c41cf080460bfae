import type { LiveCounters } from '@hs/contracts';

/** What a delta did: 'missing' (no counters: rebuild them), 'final' (a closed tally: nothing to do), 'failed' (store away). */
export type DeltaResult = 'applied' | 'missing' | 'final' | 'failed';

/**
 * The live counters per dilemma and round, shared by every process: patched with the delta of each
 * committed batch, rebuilt from the votes when missing or doubtful. Only the store knows how it
 * spells the counters.
 */
export interface TallyStore {
  applyDelta(dilemmaId: string, round: number, delta: LiveCounters): Promise<DeltaResult>;
  /** The counters, or null when they must be rebuilt; throws when the store is away. */
  read(dilemmaId: string, round: number): Promise<LiveCounters | null>;
  /** The counters straight from the votes and hand counts in PostgreSQL, stored nowhere. */
  count(dilemmaId: string, round: number): Promise<LiveCounters>;
  /** Counts and stores; a rebuild that is not final never replaces a final one. */
  rebuild(dilemmaId: string, round: number, final: boolean): Promise<LiveCounters>;
}

export const TALLY_STORE = Symbol('TallyStore');
