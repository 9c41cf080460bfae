import { Inject, Injectable, Logger } from '@nestjs/common';
import { type DilemmaView, DomainError } from '@hs/contracts';
import { DilemmaRepository, EveningRepository } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';
import { looksLikeUuid } from '../evenings/uuid';
import { LIVE_BUS, type LiveBus } from '../ports/live-bus.port';
import { COUNTDOWN_MAX_SECONDS, COUNTDOWN_MIN_SECONDS, isCountdownLength, nextStep } from './dilemma-flow';
import { toDilemmaView } from './dilemma.mapper';
import { DilemmaService } from './dilemma.service';

export interface NextOutcome {
  /** The dilemma that was open and is now closed, if one was. */
  closed: DilemmaView | null;
  opened: DilemmaView;
}

/**
 * How a facilitator moves through the evening besides the single transitions: "Volgende vraag" (close the
 * open dilemma, open the next) and a countdown per dilemma that the server closes at zero when asked to,
 * so it holds with the console closed.
 */
@Injectable()
export class DilemmaFlowService {
  private readonly logger = new Logger('DilemmaFlow');

  constructor(
    private readonly dilemmas: DilemmaRepository,
    private readonly evenings: EveningRepository,
    private readonly moves: DilemmaService,
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    private readonly audit: AuditService,
  ) {}

  /** 409 NO_NEXT_DILEMMA (and nothing closed) when no draft is left; the evening must be live to open. */
  async next(actorId: string, eveningId: string): Promise<NextOutcome> {
    if (!looksLikeUuid(eveningId) || !(await this.evenings.findById(eveningId))) {
      throw new DomainError('EVENING_NOT_FOUND', 'Deze avond bestaat niet.');
    }
    const list = await this.dilemmas.listByEvening(eveningId);
    const step = nextStep(list.map(({ dilemma }) => dilemma));
    if (!step.open) throw new DomainError('NO_NEXT_DILEMMA', 'Er is geen volgende vraag meer op de agenda.');
    const closed = step.close ? await this.moves.move(actorId, step.close, 'close') : null;
    const opened = await this.moves.move(actorId, step.open, 'open');
    return { closed, opened };
  }

  /** Sets a countdown: on an open dilemma it starts now, otherwise with the next open or revote. */
  async setCountdown(actorId: string, id: string, seconds: number, closeAtZero: boolean): Promise<DilemmaView> {
    if (!isCountdownLength(seconds)) {
      throw new DomainError(
        'INVALID_COUNTDOWN',
        `Een aftelklok duurt ${COUNTDOWN_MIN_SECONDS} tot ${COUNTDOWN_MAX_SECONDS} seconden (hele seconden).`,
      );
    }
    return this.changeCountdown(actorId, id, seconds, closeAtZero);
  }

  clearCountdown(actorId: string, id: string): Promise<DilemmaView> {
    return this.changeCountdown(actorId, id, null, false);
  }

  private async changeCountdown(actorId: string, id: string, seconds: number | null, closeAtZero: boolean): Promise<DilemmaView> {
    const row = looksLikeUuid(id) ? await this.dilemmas.setCountdown(id, seconds, closeAtZero) : null;
    if (!row) throw new DomainError('DILEMMA_NOT_FOUND', 'Dit dilemma bestaat niet.');
    const view = toDilemmaView(row.dilemma, row.options);
    await this.audit.record(actorId, seconds === null ? 'dilemma.countdown-clear' : 'dilemma.countdown-set', 'dilemma', id, {
      eveningId: view.eveningId,
      seconds,
      closeAtZero,
    });
    await this.bus.publish('dilemma.changed', { eveningId: view.eveningId, dilemmaId: id, change: 'countdown' });
    return view;
  }

  /**
   * Closes every open dilemma whose countdown ran out with "close at zero". Several processes may sweep at
   * once: the close is one conditional UPDATE, so one of them closes it and the others find it closed.
   */
  async closeExpired(): Promise<number> {
    let closed = 0;
    for (const id of await this.dilemmas.findDueCountdowns()) {
      try {
        await this.moves.move(null, id, 'close');
        closed++;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'DILEMMA_NOT_OPEN') continue;
        this.logger.warn(`countdown close of ${id} failed: ${(error as Error).message}`);
      }
    }
    return closed;
  }
}
