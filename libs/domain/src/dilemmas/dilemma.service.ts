import { Inject, Injectable, Logger } from '@nestjs/common';
import { type DilemmaKind, type DilemmaTranslations, type DilemmaView, DomainError, jobIds } from '@hs/contracts';
import { type DilemmaMove, type DilemmaMoveOutcome, DilemmaRepository, EveningRepository } from '@hs/persistence';
import { LIVE_BUS, type LiveBus } from '../ports/live-bus.port';
import { JOB_QUEUE, type JobQueue } from '../ports/job-queue.port';
import { AuditService } from '../audit/audit.service';
import { looksLikeUuid } from '../evenings/uuid';
import {
  assertEveningLive,
  assertEveningNotEnded,
  cleanTranslations,
  DILEMMA_TEXTS,
  type TranslatedOptionInput,
  withOptionTranslations,
  defaultLinkKey,
  DILEMMA_MOVES,
  validateDilemmaShape,
} from './dilemma-rules';
import { toDilemmaView } from './dilemma.mapper';

type OptionInput = TranslatedOptionInput;

export interface CreateDilemmaInput {
  theme: string;
  question: string;
  description?: string | null;
  kind: DilemmaKind;
  options?: OptionInput[];
  maxChoices?: number | null;
  budget?: number | null;
  linkKey?: string | null;
  translations?: DilemmaTranslations;
}

/** PATCH: what may change while the dilemma is a draft. `options` replaces them all. */
export interface UpdateDilemmaInput {
  question?: string;
  description?: string | null;
  options?: OptionInput[];
  maxChoices?: number | null;
  budget?: number | null;
  translations?: DilemmaTranslations;
}

const CHANGE_OF: Record<DilemmaMove, 'opened' | 'closed' | 'revealed' | 'revoted'> = {
  open: 'opened',
  close: 'closed',
  reveal: 'revealed',
  revote: 'revoted',
};

@Injectable()
export class DilemmaService {
  private readonly logger = new Logger('Dilemmas');

  constructor(
    private readonly dilemmas: DilemmaRepository,
    private readonly evenings: EveningRepository,
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  async create(actorId: string, eveningId: string, input: CreateDilemmaInput): Promise<DilemmaView> {
    if (!looksLikeUuid(eveningId)) throw eveningNotFound();
    const shape = validateDilemmaShape(input);
    const outcome = await this.dilemmas.create(
      {
        eveningId,
        theme: input.theme,
        question: input.question,
        description: input.description ?? null,
        kind: input.kind,
        linkKey: input.linkKey ?? defaultLinkKey(input.theme, input.question),
        ...shape,
        options: withOptionTranslations(shape.options, input.options),
        translations: cleanTranslations(input.translations, DILEMMA_TEXTS),
      },
      assertEveningNotEnded,
    );
    switch (outcome.kind) {
      case 'evening-not-found':
        throw eveningNotFound();
      case 'unknown-theme':
        throw new DomainError('UNKNOWN_THEME', `Onbekend thema "${input.theme}"; zie GET /api/themes.`);
      case 'created':
        await this.audit.record(actorId, 'dilemma.create', 'dilemma', outcome.dilemma.id, { eveningId, kind: input.kind });
        return toDilemmaView(outcome.dilemma, outcome.options);
    }
  }

  /**
   * Changes a draft's texts, translations and options (409 DILEMMA_LOCKED once it has been opened: votes then
   * refer to its options and the room has read its question). The rules of the kind apply to the result.
   */
  async update(actorId: string, id: string, input: UpdateDilemmaInput): Promise<DilemmaView> {
    if (!looksLikeUuid(id)) throw dilemmaNotFound();
    const outcome = await this.dilemmas.updateDraft(
      id,
      (current) => {
        const shape = validateDilemmaShape({
          kind: current.dilemma.kind,
          options: input.options ?? current.options,
          maxChoices: input.maxChoices !== undefined ? input.maxChoices : current.dilemma.maxChoices,
          budget: input.budget !== undefined ? input.budget : current.dilemma.budget,
        });
        return {
          question: input.question ?? current.dilemma.question,
          description: input.description !== undefined ? input.description : current.dilemma.description,
          maxChoices: shape.maxChoices,
          budget: shape.budget,
          translations:
            input.translations !== undefined
              ? cleanTranslations(input.translations, DILEMMA_TEXTS)
              : current.dilemma.translations,
          options: input.options ? withOptionTranslations(shape.options, input.options) : null,
        };
      },
      assertEveningNotEnded,
    );
    switch (outcome.kind) {
      case 'not-found':
        throw dilemmaNotFound();
      case 'not-draft':
        throw new DomainError('DILEMMA_LOCKED', 'Dit dilemma is al geopend; de tekst en de opties liggen nu vast.', {
          status: outcome.status,
        });
      case 'updated':
        await this.audit.record(actorId, 'dilemma.update', 'dilemma', id, {
          eveningId: outcome.dilemma.eveningId,
          fields: Object.keys(input),
        });
        return toDilemmaView(outcome.dilemma, outcome.options);
    }
  }

  async list(eveningId: string): Promise<DilemmaView[]> {
    if (!looksLikeUuid(eveningId) || !(await this.evenings.findById(eveningId))) throw eveningNotFound();
    return (await this.dilemmas.listByEvening(eveningId)).map(({ dilemma, options }) => toDilemmaView(dilemma, options));
  }

  async get(id: string): Promise<DilemmaView> {
    const found = looksLikeUuid(id) ? await this.dilemmas.findWithOptions(id) : null;
    if (!found) throw dilemmaNotFound();
    return toDilemmaView(found.dilemma, found.options);
  }

  /** open, close, reveal or revote (see DILEMMA_MOVES); each is audited and announced on the live bus. */
  async move(actorId: string | null, id: string, move: DilemmaMove): Promise<DilemmaView> {
    if (!looksLikeUuid(id)) throw dilemmaNotFound();
    const rule = DILEMMA_MOVES[move];
    const outcome = await this.dilemmas.move(id, move, {
      from: rule.from,
      onlyUnrevealed: rule.onlyUnrevealed,
      guardEvening: rule.needsLiveEvening ? assertEveningLive : undefined,
    });
    const moved = this.resultOf(move, outcome);
    const view = toDilemmaView(moved.dilemma, moved.options);
    await this.audit.record(actorId, `dilemma.${move}`, 'dilemma', id, { eveningId: view.eveningId, round: view.round });
    if (move === 'close') {
      await this.afterClose(view.eveningId, view.id, view.round);
    } else {
      await this.bus.publish('dilemma.changed', { eveningId: view.eveningId, dilemmaId: id, change: CHANGE_OF[move] });
    }
    return view;
  }

  /**
   * What follows every close, by HTTP or by the end of the evening: the gateway is told and the
   * round's aggregation is queued. The job id carries the round and the time, so a revote's
   * later close is aggregated again rather than taken for a duplicate.
   */
  async afterClose(eveningId: string, dilemmaId: string, round: number): Promise<void> {
    await this.bus.publish('dilemma.changed', { eveningId, dilemmaId, change: 'closed' });
    try {
      await this.jobs.enqueue(
        'aggregate-dilemma',
        { dilemmaId },
        { jobId: jobIds.aggregateDilemma(dilemmaId, `${round}-${Date.now()}`) },
      );
    } catch (error) {
      // The close has committed and must stand; the worker's results are recomputable from the votes.
      this.logger.error(`could not queue aggregation of dilemma ${dilemmaId}: ${(error as Error).message}`);
    }
  }

  private resultOf(move: DilemmaMove, outcome: DilemmaMoveOutcome): Extract<DilemmaMoveOutcome, { kind: 'moved' }> {
    switch (outcome.kind) {
      case 'moved':
        return outcome;
      case 'not-found':
        throw dilemmaNotFound();
      case 'another-open':
        throw new DomainError('ANOTHER_DILEMMA_OPEN', 'Er staat al een ander dilemma open; sluit dat eerst.');
      case 'wrong-state':
        if (move === 'close') throw new DomainError('DILEMMA_NOT_OPEN', 'Dit dilemma staat niet open.');
        throw new DomainError(
          'INVALID_TRANSITION',
          `Dit dilemma kan niet "${move}" vanuit status "${outcome.status}"${outcome.revealed ? ' (al getoond)' : ''}.`,
          { status: outcome.status, revealed: outcome.revealed },
        );
    }
  }
}

function eveningNotFound(): DomainError {
  return new DomainError('EVENING_NOT_FOUND', 'Deze avond bestaat niet.');
}

function dilemmaNotFound(): DomainError {
  return new DomainError('DILEMMA_NOT_FOUND', 'Dit dilemma bestaat niet.');
}
