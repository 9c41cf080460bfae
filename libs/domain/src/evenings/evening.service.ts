import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { DomainError, type JoinMode, jobIds } from '@hs/contracts';
import { type EveningChanges, type EveningEntity, EveningRepository } from '@hs/persistence';
import { LIVE_BUS, type LiveBus } from '../ports/live-bus.port';
import { JOB_QUEUE, type JobQueue } from '../ports/job-queue.port';
import { AuditService } from '../audit/audit.service';
import { allowsAll, eveningMunicipalities, EVERYTHING, isRestricted, type StaffScope } from '../scope/staff-scope';
import { DilemmaService } from '../dilemmas/dilemma.service';
import { RoundService } from '../rounds/round.service';
import {
  assertPatchAllowed,
  type EveningAction,
  type EveningPatch,
  EVENING_TRANSITIONS,
  REGISTRATION_OPEN_STATUSES,
} from './evening-rules';
import { type EveningView, type PublicEveningView, toEveningView, toPublicEveningView } from './evening.mapper';
import { otherMunicipalities } from './evening-municipalities';
import { generateJoinCode } from './join-code';
import { looksLikeUuid } from './uuid';

export interface CreateEveningInput {
  title: string;
  municipality: string;
  /** Every municipality the evening serves; absent: only `municipality`. */
  municipalities?: string[];
  venue: string;
  /** ISO-8601 with an offset (or a Date). */
  startsAt: string | Date;
  capacity?: number | null;
  joinMode?: JoinMode;
  /** Absent: the newest round of the evening's year (made when there is none). */
  roundId?: string | null;
}

/** 31^6 ≈ 887 million codes against at most a few hundred evenings not ended: a clash is rare, ten in a row is a bug. */
const JOIN_CODE_ATTEMPTS = 10;

@Injectable()
export class EveningService {
  private readonly logger = new Logger('Evenings');

  constructor(
    private readonly evenings: EveningRepository,
    private readonly dilemmas: DilemmaService,
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly rounds: RoundService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actorId: string, input: CreateEveningInput): Promise<EveningView> {
    const startsAt = parseStartsAt(input.startsAt);
    const roundId = input.roundId ? await this.rounds.existing(input.roundId) : undefined;
    for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
      const evening = await this.evenings.insert({
        title: input.title,
        municipality: input.municipality,
        otherMunicipalities: otherMunicipalities(input.municipality, input.municipalities ?? []),
        venue: input.venue,
        startsAt,
        capacity: input.capacity ?? null,
        joinMode: input.joinMode ?? 'open',
        joinCode: generateJoinCode(),
        ...(roundId ? { roundId } : {}),
      });
      if (evening) {
        await this.audit.record(actorId, 'evening.create', 'evening', evening.id, { municipality: evening.municipality });
        return toEveningView(evening);
      }
    }
    throw new DomainError('JOIN_CODE_EXHAUSTED', 'Er kon geen vrije toegangscode worden gevonden; probeer het opnieuw.');
  }

  /**
   * Every evening; for the people at the table those of their municipalities. Join codes only for those who
   * run evenings (`withJoinCodes`: admin, facilitator).
   */
  async list(scope: StaffScope = EVERYTHING, withJoinCodes = true): Promise<Array<EveningView | ScopedEveningView>> {
    const evenings = (await this.evenings.list()).filter((e) => allowsAll(scope, eveningMunicipalities(e)));
    return evenings.map((e) => viewFor(scope, e, withJoinCodes));
  }

  /** The route's guard has checked the scope already; the join code stays with those who run evenings. */
  async get(id: string, scope: StaffScope = EVERYTHING, withJoinCodes = true): Promise<EveningView | ScopedEveningView> {
    const evening = looksLikeUuid(id) ? await this.evenings.findById(id) : null;
    if (!evening) throw eveningNotFound();
    return viewFor(scope, evening, withJoinCodes);
  }

  /** Published and live evenings for anyone, without join codes. */
  async listPublic(): Promise<PublicEveningView[]> {
    const evenings = await this.evenings.list(['published', 'live']);
    const counts = await this.evenings.registrationCounts(evenings.map((e) => e.id));
    const days = this.config.registrationRetentionDays;
    return evenings.map((e) =>
      toPublicEveningView(e, counts.get(e.id) ?? 0, REGISTRATION_OPEN_STATUSES.includes(e.status), days),
    );
  }

  async update(
    actorId: string,
    id: string,
    input: Omit<EveningPatch, 'startsAt'> & { startsAt?: string | Date },
  ): Promise<EveningView> {
    if (!looksLikeUuid(id)) throw eveningNotFound();
    const patch: EveningPatch = { ...input, startsAt: input.startsAt === undefined ? undefined : parseStartsAt(input.startsAt) };
    if (patch.roundId !== undefined) patch.roundId = await this.rounds.existing(patch.roundId);
    const changes: EveningChanges = {};
    for (const key of Object.keys(patch) as Array<keyof EveningPatch>) {
      if (patch[key] !== undefined && key !== 'municipalities') Object.assign(changes, { [key]: patch[key] });
    }
    if (patch.municipality !== undefined || patch.municipalities !== undefined) {
      const current = await this.evenings.findById(id);
      if (!current) throw eveningNotFound();
      const main = patch.municipality ?? current.municipality;
      changes.otherMunicipalities = otherMunicipalities(main, patch.municipalities ?? current.otherMunicipalities);
    }
    const evening = await this.evenings.update(id, changes, (status) => assertPatchAllowed(status, patch));
    if (!evening) throw eveningNotFound();
    if (Object.keys(changes).length > 0) {
      await this.audit.record(actorId, 'evening.update', 'evening', id, { fields: Object.keys(changes) });
    }
    return toEveningView(evening);
  }

  /**
   * publish, start or end (EVENING_TRANSITIONS). Every move is announced on the live bus. Ending
   * also closes the open dilemma (announced and aggregated like any close) and queues the
   * evening's aggregation.
   */
  async move(actorId: string, id: string, action: EveningAction): Promise<EveningView> {
    if (!looksLikeUuid(id)) throw eveningNotFound();
    const { from, to } = EVENING_TRANSITIONS[action];
    const outcome = await this.evenings.move(id, from, to);
    if (outcome.kind === 'not-found') throw eveningNotFound();
    if (outcome.kind === 'wrong-state') {
      throw new DomainError('INVALID_TRANSITION', `Een avond met status "${outcome.status}" kan niet naar "${to}".`, {
        status: outcome.status,
      });
    }
    await this.audit.record(actorId, `evening.${action}`, 'evening', id);
    for (const dilemma of outcome.closedDilemmas) {
      await this.audit.record(actorId, 'dilemma.close', 'dilemma', dilemma.id, {
        eveningId: id,
        round: dilemma.round,
        reason: 'evening-ended',
      });
      await this.dilemmas.afterClose(id, dilemma.id, dilemma.round);
    }
    await this.bus.publish('evening.changed', { eveningId: id, status: to });
    if (to === 'ended') {
      try {
        await this.jobs.enqueue('aggregate-evening', { eveningId: id }, { jobId: jobIds.aggregateEvening(id) });
      } catch (error) {
        // The evening has ended and stays ended; its aggregation can be recomputed from the votes.
        this.logger.error(`could not queue aggregation of evening ${id}: ${(error as Error).message}`);
      }
    }
    return toEveningView(outcome.evening);
  }
}

/** A time with an explicit offset; "19:30" alone would mean whatever zone the server happens to run in. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseStartsAt(value: string | Date): Date {
  const date = value instanceof Date ? value : ISO_WITH_OFFSET.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'startsAt moet een tijd in ISO-8601 met tijdzone zijn, bv. 2026-03-12T19:30:00+01:00.',
    );
  }
  return date;
}

/** What an analyst, a tenant organisation or a municipality sees of an evening: everything but the join code. */
export type ScopedEveningView = Omit<EveningView, 'joinCode'>;

function viewFor(scope: StaffScope, evening: EveningEntity, withJoinCode: boolean): EveningView | ScopedEveningView {
  const view = toEveningView(evening);
  if (withJoinCode && !isRestricted(scope)) return view;
  const { joinCode: _hidden, ...rest } = view;
  return rest;
}

function eveningNotFound(): DomainError {
  return new DomainError('EVENING_NOT_FOUND', 'Deze avond bestaat niet.');
}
