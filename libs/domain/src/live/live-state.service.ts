import { Inject, Injectable } from '@nestjs/common';
import type { DilemmaView, LiveBusMessage, StatePayload } from '@hs/contracts';
import {
  DilemmaRepository,
  type DilemmaDefinition,
  type EveningSummary,
  LiveStateRepository,
  toDefinition,
} from '@hs/persistence';
import { toDilemmaView } from '../dilemmas/dilemma.mapper';
import { looksLikeUuid } from '../evenings/uuid';
import { LIVE_BUS, type LiveBus } from '../ports/live-bus.port';
import { TallyService } from './tally.service';

/** How long this process trusts what it read; every transition also clears it at once (bus events). */
const FRESH_MS = 2000;

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

export type Viewer = { kind: 'staff' } | { kind: 'participant'; participantId: string };

export interface CurrentDilemma {
  view: DilemmaView;
  def: DilemmaDefinition;
}

/**
 * The live state of an evening as each client sees it, and the dilemma definitions votes are
 * checked against. Reads are cached per process for a moment (a crowd reconnecting at once costs
 * one query, not hundreds) and dropped whenever the bus says something changed.
 */
@Injectable()
export class LiveStateService {
  private readonly evenings = new Map<string, Cached<EveningSummary | null>>();
  private readonly currents = new Map<string, Cached<CurrentDilemma | null>>();
  private readonly definitions = new Map<string, Cached<CurrentDilemma | null>>();

  constructor(
    private readonly repo: LiveStateRepository,
    private readonly dilemmas: DilemmaRepository,
    private readonly tallies: TallyService,
    @Inject(LIVE_BUS) bus: LiveBus,
  ) {
    bus.onMessage((message) => this.hear(message));
  }

  /** Whatever changed is read afresh: registered in the constructor, so before anything that delivers the message. */
  private hear(message: LiveBusMessage): void {
    switch (message.event) {
      case 'dilemma.changed':
        this.invalidate(message.payload.eveningId, message.payload.dilemmaId);
        return;
      case 'evening.changed':
        this.invalidate(message.payload.eveningId);
        return;
      case 'manual-counts.added':
      case 'tally.dirty':
        return;
    }
  }

  private cached<T>(map: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && Date.now() - hit.at < FRESH_MS) return hit.value;
    const value = load();
    map.set(key, { at: Date.now(), value });
    value.catch(() => map.delete(key));
    if (map.size > 10_000) map.delete(map.keys().next().value!);
    return value;
  }

  evening(eveningId: string): Promise<EveningSummary | null> {
    if (!looksLikeUuid(eveningId)) return Promise.resolve(null);
    return this.cached(this.evenings, eveningId, () => this.repo.findEvening(eveningId));
  }

  /** The open dilemma, else the last one touched, else null. */
  current(eveningId: string): Promise<CurrentDilemma | null> {
    return this.cached(this.currents, eveningId, async () => {
      const row = await this.dilemmas.findCurrent(eveningId);
      return row ? { view: toDilemmaView(row.dilemma, row.options), def: toDefinition(row) } : null;
    });
  }

  dilemma(dilemmaId: string): Promise<CurrentDilemma | null> {
    if (!looksLikeUuid(dilemmaId)) return Promise.resolve(null);
    return this.cached(this.definitions, dilemmaId, async () => {
      const row = await this.dilemmas.findWithOptions(dilemmaId);
      return row ? { view: toDilemmaView(row.dilemma, row.options), def: toDefinition(row) } : null;
    });
  }

  /** Forget what this process read about an evening (and a dilemma of it). */
  private invalidate(eveningId: string, dilemmaId?: string): void {
    this.evenings.delete(eveningId);
    this.currents.delete(eveningId);
    if (dilemmaId) this.definitions.delete(dilemmaId);
  }

  /** CONTRACT.md `state`; null when the evening does not exist (any more). */
  async state(viewer: Viewer, eveningId: string): Promise<StatePayload | null> {
    const [evening, current] = await Promise.all([this.evening(eveningId), this.current(eveningId)]);
    if (!evening) return null;
    let myVote: StatePayload['myVote'] = null;
    let results: StatePayload['results'] = null;
    let previousResults: StatePayload['previousResults'] = null;
    if (current) {
      const { def } = current;
      const [vote, tally, previous] = await Promise.all([
        viewer.kind === 'participant' ? this.repo.findMyVote(viewer.participantId, def.id, def.round) : null,
        def.status !== 'draft' && (viewer.kind === 'staff' || def.revealed) ? this.tallies.current(def) : null,
        viewer.kind === 'staff' && def.round > 1 ? this.tallies.current(def, def.round - 1) : null,
      ]);
      myVote = vote;
      results = tally;
      previousResults = previous;
    }
    return {
      evening: { id: evening.id, title: evening.title, status: evening.status },
      dilemma: current?.view ?? null,
      myVote,
      results,
      ...(viewer.kind === 'staff' ? { previousResults } : {}),
    };
  }
}
