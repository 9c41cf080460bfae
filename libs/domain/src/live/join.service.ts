import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { type AgeBand, DomainError, type ParticipantGroup } from '@hs/contracts';
import { JoinRepository, MetricsRegistry } from '@hs/persistence';
import type { Counter } from 'prom-client';
import { RateLimitStore, UNDER_LIMIT } from '../limits/rate-limit-store';
import { TokenService } from '../auth/token.service';
import { countedMunicipality } from '../evenings/evening-municipalities';

export interface JoinInput {
  joinCode: string;
  cardCode?: string;
  group?: ParticipantGroup;
  municipality?: string;
  ageBand?: AgeBand;
}

export interface Joined {
  participantToken: string;
  participantId: string;
  eveningId: string;
}

/**
 * What a phone may learn from a code before it asks the group and age questions (GET /api/join/:code).
 * Title and start are those of the public list of evenings (published and live ones only); nothing else.
 */
export interface JoinCheck {
  state: 'live' | 'not-started' | 'ended';
  /** In cards mode a phone without a card is told at once. */
  cardRequired: boolean;
  title: string | null;
  startsAt: string | null;
}

const WINDOW_SECONDS = 60;

type JoinFailure = 'unknown-code' | 'card';

/**
 * Tenants join anonymously with the evening's join code (and, in cards mode, a single-use card).
 * Only failures are counted (issue: abuse resistance, finding 3): unknown codes and bad cards per
 * client address (JOIN_RATE_LIMIT_PER_IP), bad cards also per join code (JOIN_RATE_LIMIT_PER_CODE).
 * Over a limit, a failure is answered 429 rather than 404 / 403 / 409. A valid code or card is always
 * admitted: counting successes, or refusing before the check, let anyone with the code from the
 * projector lock the room out, and one phone on the venue's wifi lock out everyone behind its NAT.
 * The join code is a room code shown to everyone; admission that matters uses cards (31^10 codes).
 */
@Injectable()
export class JoinService {
  private readonly failures: Counter<'reason' | 'limited'>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly joins: JoinRepository,
    private readonly limits: RateLimitStore,
    private readonly tokens: TokenService,
    metrics: MetricsRegistry,
  ) {
    this.failures = metrics.counter({
      name: 'huurdersstem_join_failures_total',
      help: 'Failed joins by reason (unknown-code, card) and whether they were over a limit (429)',
      labelNames: ['reason', 'limited'],
    });
  }

  /**
   * The code checked on its own, so a wrong code or an evening that is not on is said before any question.
   * An unknown code counts as a failed join (the same limit), so the check is no faster way to guess codes.
   */
  async check(rawCode: string, address: string): Promise<JoinCheck> {
    const joinCode = rawCode.trim().toUpperCase();
    const evening = /^[A-Z0-9]{1,20}$/.test(joinCode) ? await this.joins.findByJoinCode(joinCode) : null;
    if (!evening) {
      await this.countFailure('unknown-code', address, null);
      throw unknownCode();
    }
    const listed = evening.status === 'published' || evening.status === 'live';
    return {
      state: evening.status === 'live' ? 'live' : evening.status === 'ended' ? 'ended' : 'not-started',
      cardRequired: evening.joinMode === 'cards',
      title: listed ? evening.title : null,
      startsAt: listed ? evening.startsAt.toISOString() : null,
    };
  }

  /** `address` is the client's (X-Forwarded-For from a trusted proxy only; see TRUST_PROXY). */
  async join(input: JoinInput, address: string): Promise<Joined> {
    const joinCode = input.joinCode.trim().toUpperCase();
    const evening = await this.joins.findByJoinCode(joinCode);
    if (!evening) {
      await this.countFailure('unknown-code', address, null);
      throw unknownCode();
    }
    if (evening.status !== 'live') throw new DomainError('EVENING_NOT_LIVE', 'Deze avond is nu niet open om mee te stemmen.');

    const fields = {
      group: input.group ?? null,
      municipality: countedMunicipality(evening, input.municipality),
      ageBand: input.ageBand ?? null,
    };
    let participantId: string;
    if (evening.joinMode === 'cards') {
      const cardCode = input.cardCode?.trim().toUpperCase();
      if (!cardCode) throw new DomainError('CARD_REQUIRED', 'Voor deze avond heeft u een toegangskaart nodig.');
      const outcome = await this.joins.joinWithCard(evening.id, cardCode, fields);
      if (outcome.kind !== 'joined') await this.countFailure('card', address, joinCode);
      if (outcome.kind === 'card-used') throw new DomainError('CARD_USED', 'Deze toegangskaart is al gebruikt.');
      if (outcome.kind === 'card-unknown') throw new DomainError('CARD_REQUIRED', 'Deze toegangskaart kennen we niet.');
      participantId = outcome.participantId;
    } else {
      participantId = await this.joins.join(evening.id, fields);
    }
    return { participantToken: this.tokens.signParticipant(participantId, evening.id), participantId, eveningId: evening.id };
  }

  /** Counts a failed join; throws 429 when it is one too many for the address or, for a card, the code. */
  private async countFailure(reason: JoinFailure, address: string, joinCode: string | null): Promise<void> {
    const [byAddress, byCode] = await Promise.all([
      this.limits.consume(
        { name: 'join-failures-ip', points: this.config.joinRateLimitPerIp, durationSeconds: WINDOW_SECONDS },
        address,
      ),
      joinCode
        ? this.limits.consume(
            { name: 'join-cards-code', points: this.config.joinRateLimitPerCode, durationSeconds: WINDOW_SECONDS },
            joinCode,
          )
        : Promise.resolve(UNDER_LIMIT),
    ]);
    const limited = byAddress.over || byCode.over;
    this.failures.inc({ reason, limited: String(limited) });
    if (!limited) return;
    throw new DomainError('RATE_LIMITED', 'Te veel mislukte aanmeldpogingen; probeer het over een minuut opnieuw.', {
      retryAfterSeconds: Math.max(byAddress.retryAfterSeconds, byCode.retryAfterSeconds),
    });
  }
}

function unknownCode(): DomainError {
  return new DomainError('JOIN_CODE_UNKNOWN', 'Deze code kennen we niet. Controleer de code op het scherm.');
}
