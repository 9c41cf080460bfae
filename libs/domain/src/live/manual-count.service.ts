import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type DilemmaKind, jobIds } from '@hs/contracts';
import { DilemmaRepository, ManualCountRepository, type ManualCountRoundRow } from '@hs/persistence';
import { LIVE_BUS, type LiveBus } from '../ports/live-bus.port';
import { JOB_QUEUE, type JobQueue } from '../ports/job-queue.port';
import { AuditService } from '../audit/audit.service';
import { looksLikeUuid } from '../evenings/uuid';
import { SCALE_VALUES } from '@hs/contracts';

/** More people than this on paper in one entry is a typing error, not a room. */
export const MANUAL_MAX_PER_KEY = 10_000;

export interface ManualCountInput {
  round: number;
  counts: Record<string, unknown>;
  note?: string;
  /** multi only: how many people the counts stand for (default: the largest count). */
  respondents?: number;
}

/** What POST /manual-counts answers (CONTRACT.md): the round's hand counts after the change. */
export interface ManualCountView {
  id: string;
  dilemmaId: string;
  round: number;
  counts: Record<string, number>;
  respondents: number;
  note: string | null;
  createdAt: string;
}

export interface ManualCountEntryView {
  key: string;
  count: number;
  enteredBy: { id: string; name: string } | null;
  enteredAt: string;
}

/** One round's hand counts: an entry per option, who changed them and when. */
export interface ManualCountRoundView {
  dilemmaId: string;
  round: number;
  respondents: number;
  note: string | null;
  updatedBy: { id: string; name: string } | null;
  updatedAt: string;
  entries: ManualCountEntryView[];
}

export interface ManualCountsView {
  dilemmaId: string;
  kind: DilemmaKind;
  /** The dilemma's current round: hand counts can be entered for rounds 1 up to it. */
  currentRound: number;
  rounds: ManualCountRoundView[];
}

const invalid = (message: string) => new DomainError('INVALID_MANUAL_COUNT', message);

/**
 * The people the counts stand for: choice and scale, one count per person; budget, each paper
 * ballot spreads exactly `budget` points; multi, a person may tick several options, so it is given
 * (at least the largest count, at most the sum) or taken as the largest count.
 */
export function respondentsOfManualCount(
  kind: DilemmaKind,
  counts: Record<string, number>,
  budget: number | null,
  given: number | undefined,
  /** The people stored for the round before this change (multi: kept when it still fits the counts). */
  previous: number | null = null,
): number {
  const values = Object.values(counts);
  const sum = values.reduce((a, b) => a + b, 0);
  switch (kind) {
    case 'choice':
    case 'scale':
      if (given !== undefined && given !== sum) throw invalid('respondents is hier gelijk aan de som van de aantallen.');
      return sum;
    case 'budget':
      if (!budget || sum % budget !== 0) throw invalid(`De punten moeten optellen tot een veelvoud van het budget (${budget}).`);
      if (given !== undefined && given !== sum / budget) throw invalid('respondents is hier de som gedeeld door het budget.');
      return sum / budget;
    case 'multi': {
      const max = Math.max(0, ...values);
      if (given === undefined) return previous !== null && previous >= max && previous <= sum ? previous : max;
      if (given < max || given > sum) throw invalid(`respondents moet tussen ${max} en ${sum} liggen.`);
      return given;
    }
  }
}

/**
 * Hand counts for tenants without a phone: one entry per option per round, kept apart from the phones and
 * included in every total. A correction replaces the entry; every change is audited with before and after.
 */
@Injectable()
export class ManualCountService {
  constructor(
    private readonly dilemmas: DilemmaRepository,
    private readonly manual: ManualCountRepository,
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  async list(dilemmaId: string): Promise<ManualCountsView> {
    const { dilemma } = await this.find(dilemmaId);
    const rounds = await this.manual.list(dilemmaId);
    return { dilemmaId, kind: dilemma.kind, currentRound: dilemma.round, rounds: rounds.map((r) => roundView(dilemmaId, r)) };
  }

  /** POST /manual-counts (CONTRACT.md): the round from the body; answers in that route's shape. */
  async add(actorId: string, dilemmaId: string, input: ManualCountInput): Promise<ManualCountView> {
    const round = await this.set(actorId, dilemmaId, input.round, input);
    return {
      id: round.id,
      dilemmaId,
      round: round.round,
      counts: Object.fromEntries(round.entries.map((e) => [e.key, e.count])),
      respondents: round.respondents,
      note: round.note,
      createdAt: round.updatedAt,
    };
  }

  /** Sets (replaces) the given options' counts of a round; other options keep theirs. */
  async setRound(
    actorId: string,
    dilemmaId: string,
    round: number,
    input: Omit<ManualCountInput, 'round'>,
  ): Promise<ManualCountRoundView> {
    const saved = await this.set(actorId, dilemmaId, round, input);
    const { id: _id, ...view } = saved;
    return view;
  }

  private async set(
    actorId: string,
    dilemmaId: string,
    round: number,
    input: Omit<ManualCountInput, 'round'>,
  ): Promise<ManualCountRoundView & { id: string }> {
    const { dilemma, options } = await this.find(dilemmaId);
    if (dilemma.status === 'draft') throw new DomainError('DILEMMA_NOT_OPEN', 'Over dit dilemma is nog niet gestemd.');
    if (!Number.isInteger(round) || round < 1 || round > dilemma.round) {
      throw new DomainError('VOTING_ROUND_NOT_FOUND', `Ronde ${round} bestaat (nog) niet; de huidige ronde is ${dilemma.round}.`);
    }
    const counts = validCounts(dilemma.kind, dilemma.kind === 'scale' ? SCALE_VALUES : options.map((o) => o.id), input.counts);
    const { before, round: saved } = await this.manual.set({
      dilemmaId,
      round,
      counts,
      note: input.note === undefined ? undefined : input.note.trim() || null,
      actorId,
      respondentsOf: (all, previous) => respondentsOfManualCount(dilemma.kind, all, dilemma.budget, input.respondents, previous),
    });
    const changedBefore = Object.fromEntries(Object.keys(counts).map((k) => [k, before[k] ?? 0]));
    await this.audit.record(actorId, 'manual-count.set', 'dilemma', dilemmaId, {
      round,
      before: changedBefore,
      after: counts,
      respondents: saved.respondents,
    });
    await this.bus.publish('manual-counts.added', { eveningId: dilemma.eveningId, dilemmaId, round });
    if (dilemma.status === 'closed' || round < dilemma.round) {
      await this.jobs.enqueue(
        'aggregate-dilemma',
        { dilemmaId },
        { jobId: jobIds.aggregateDilemma(dilemmaId, `${round}-manual-${Date.now()}`) },
      );
    }
    return roundView(dilemmaId, saved);
  }

  private async find(dilemmaId: string) {
    const row = looksLikeUuid(dilemmaId) ? await this.dilemmas.findWithOptions(dilemmaId) : null;
    if (!row) throw new DomainError('DILEMMA_NOT_FOUND', 'Dit dilemma bestaat niet.');
    return row;
  }
}

/** The counts as given, checked: known keys only, whole numbers 0..MANUAL_MAX_PER_KEY, at least one. */
export function validCounts(
  kind: DilemmaKind,
  allowed: readonly string[],
  given: Record<string, unknown>,
): Record<string, number> {
  const entries = Object.entries(given);
  if (entries.length === 0) throw invalid('Geef ten minste één aantal.');
  const known = new Set(allowed);
  const counts: Record<string, number> = {};
  for (const [key, value] of entries) {
    if (!known.has(key)) {
      throw invalid(
        kind === 'scale'
          ? `"${key.slice(0, 40)}" is geen waarde 1 tot 5.`
          : `Optie "${key.slice(0, 40)}" hoort niet bij dit dilemma.`,
      );
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MANUAL_MAX_PER_KEY) {
      throw invalid(`Aantallen zijn hele getallen van 0 tot ${MANUAL_MAX_PER_KEY}.`);
    }
    counts[key] = value;
  }
  return counts;
}

function roundView(dilemmaId: string, row: ManualCountRoundRow): ManualCountRoundView & { id: string } {
  return {
    id: row.id,
    dilemmaId,
    round: row.round,
    respondents: row.respondents,
    note: row.note,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
    entries: row.entries.map((e) => ({
      key: e.optionKey,
      count: e.count,
      enteredBy: e.enteredBy,
      enteredAt: e.enteredAt.toISOString(),
    })),
  };
}
