import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { type AgeBand, DomainError, type ParticipantGroup } from '@hs/contracts';
import { JoinRepository, RateLimitRepository } from '@hs/persistence';
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

const WINDOW_SECONDS = 60;

/**
 * Tenants join anonymously with the evening's join code (and, in cards mode, a single-use card).
 * Rate limits per code and per IP are generous (a venue NAT puts hundreds of phones behind one IP),
 * yet guessing a 6-character code out of 31^6 at that pace takes years.
 */
@Injectable()
export class JoinService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly joins: JoinRepository,
    private readonly limits: RateLimitRepository,
    private readonly tokens: TokenService,
  ) {}

  /** Per address the HTTP edge limits (JOIN_RATE_LIMIT_PER_IP, @RateLimit on the route); per code, here. */
  async join(input: JoinInput): Promise<Joined> {
    const joinCode = input.joinCode.trim().toUpperCase();
    const byCode = await this.limits.hit(`join:code:${joinCode}`, this.config.joinRateLimitPerCode, WINDOW_SECONDS);
    if (!byCode.allowed) {
      throw new DomainError('RATE_LIMITED', 'Te veel aanmeldpogingen met deze code; probeer het over een minuut opnieuw.', {
        retryAfterSeconds: byCode.retryAfterSeconds,
      });
    }
    const evening = await this.joins.findByJoinCode(joinCode);
    if (!evening) throw new DomainError('JOIN_CODE_UNKNOWN', 'Deze code kennen we niet. Controleer de code op het scherm.');
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
      if (outcome.kind === 'card-used') throw new DomainError('CARD_USED', 'Deze toegangskaart is al gebruikt.');
      if (outcome.kind === 'card-unknown') throw new DomainError('CARD_REQUIRED', 'Deze toegangskaart kennen we niet.');
      participantId = outcome.participantId;
    } else {
      participantId = await this.joins.join(evening.id, fields);
    }
    return { participantToken: this.tokens.signParticipant(participantId, evening.id), participantId, eveningId: evening.id };
  }
}
