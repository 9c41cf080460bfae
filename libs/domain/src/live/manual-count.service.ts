import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type DilemmaKind, jobIds } from '@hs/contracts';
import { DilemmaRepository, ManualCountRepository } from '@hs/persistence';
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

export interface ManualCountView {
  id: string;
  dilemmaId: string;
  round: number;
  counts: Record<string, number>;
  respondents: number;
  note: string | null;
  createdAt: string;
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
      const max = Math.max(...values);
      if (given === undefined) return max;
      if (given < max || given > sum) throw invalid(`respondents moet tussen ${max} en ${sum} liggen.`);
      return given;
    }
  }
}

/** Hand counts for tenants without a phone: kept apart, included in every total. */
@Injectable()
export class ManualCountService {
  constructor(
    private readonly dilemmas: DilemmaRepository,
    private readonly manual: ManualCountRepository,
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  async add(actorId: string, dilemmaId: string, input: ManualCountInput): Promise<ManualCountView> {
    const row = looksLikeUuid(dilemmaId) ? await this.dilemmas.findWithOptions(dilemmaId) : null;
    if (!row) throw new DomainError('DILEMMA_NOT_FOUND', 'Dit dilemma bestaat niet.');
    const { dilemma, options } = row;
    if (dilemma.status === 'draft') throw new DomainError('DILEMMA_NOT_OPEN', 'Over dit dilemma is nog niet gestemd.');
    if (input.round > dilemma.round)
      throw invalid(`Ronde ${input.round} bestaat (nog) niet; de huidige ronde is ${dilemma.round}.`);

    const allowed = new Set<string>(dilemma.kind === 'scale' ? SCALE_VALUES : options.map((o) => o.id));
    const entries = Object.entries(input.counts);
    if (entries.length === 0) throw invalid('Geef ten minste één aantal.');
    const counts: Record<string, number> = {};
    for (const [key, value] of entries) {
      if (!allowed.has(key)) {
        throw invalid(
          dilemma.kind === 'scale'
            ? `"${key.slice(0, 40)}" is geen waarde 1 tot 5.`
            : `Optie "${key.slice(0, 40)}" hoort niet bij dit dilemma.`,
        );
      }
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MANUAL_MAX_PER_KEY) {
        throw invalid(`Aantallen zijn hele getallen van 0 tot ${MANUAL_MAX_PER_KEY}.`);
      }
      counts[key] = value;
    }
    if (Object.values(counts).every((n) => n === 0)) throw invalid('Alle aantallen zijn 0.');
    const respondents = respondentsOfManualCount(dilemma.kind, counts, dilemma.budget, input.respondents);

    const saved = await this.manual.insert({
      dilemmaId,
      round: input.round,
      counts,
      respondents,
      note: input.note?.trim() || null,
      createdBy: actorId,
    });
    await this.audit.record(actorId, 'manual-count.add', 'dilemma', dilemmaId, { round: input.round, counts, respondents });
    await this.bus.publish('manual-counts.added', { eveningId: dilemma.eveningId, dilemmaId, round: input.round });
    if (dilemma.status === 'closed' || input.round < dilemma.round) {
      await this.jobs.enqueue(
        'aggregate-dilemma',
        { dilemmaId },
        { jobId: jobIds.aggregateDilemma(dilemmaId, `${input.round}-manual-${Date.now()}`) },
      );
    }
    return {
      id: saved.id,
      dilemmaId,
      round: saved.round,
      counts: saved.counts,
      respondents: saved.respondents,
      note: saved.note,
      createdAt: saved.createdAt.toISOString(),
    };
  }
}
