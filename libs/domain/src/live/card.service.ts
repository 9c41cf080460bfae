import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomInt, randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { DomainError } from '@hs/contracts';
import { CheckinCardRepository, LiveStateRepository } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';
import { looksLikeUuid } from '../evenings/uuid';

/** No look-alikes (0/O, 1/I/L), as for join codes. */
export const CARD_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 31^10 ≈ 8·10^14 codes: guessing one of 2,000 cards at the join rate limit takes millennia. */
export const CARD_CODE_LENGTH = 10;
const PRINT_TOKEN_TTL_SECONDS = 2 * 3600;
const PRINT_AUDIENCE = 'card-print';

export function newCardCode(): string {
  let code = '';
  for (let i = 0; i < CARD_CODE_LENGTH; i++) code += CARD_ALPHABET[randomInt(CARD_ALPHABET.length)];
  return code;
}

export interface CardSheet {
  title: string;
  joinCode: string;
  cards: Array<{ code: string; url: string }>;
}

/**
 * Single-use check-in cards for `cards` evenings. A card is not linked to a registration nor to the
 * participant it admits. The print page opens in a browser, without a bearer header, so its URL carries
 * a short-lived signed token for exactly that evening and batch.
 */
@Injectable()
export class CardService {
  private readonly jwt: JwtService;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cards: CheckinCardRepository,
    private readonly live: LiveStateRepository,
    private readonly audit: AuditService,
  ) {
    this.jwt = new JwtService({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256', issuer: 'huurdersstem' } });
  }

  async generate(
    actorId: string,
    eveningId: string,
    count: number,
  ): Promise<{ cards: Array<{ code: string }>; printUrl: string }> {
    const evening = looksLikeUuid(eveningId) ? await this.live.findEvening(eveningId) : null;
    if (!evening) throw new DomainError('EVENING_NOT_FOUND', 'Deze avond bestaat niet.');
    if (evening.status === 'ended') throw new DomainError('EVENING_ENDED', 'Deze avond is afgelopen.');
    const batchId = randomUUID();
    const codes: string[] = [];
    while (codes.length < count) {
      const wanted = Array.from({ length: count - codes.length }, newCardCode);
      codes.push(...(await this.cards.insertBatch(eveningId, batchId, [...new Set(wanted)])));
    }
    await this.audit.record(actorId, 'cards.generate', 'evening', eveningId, { count, batchId });
    const token = this.jwt.sign(
      { typ: 'card-print', eve: eveningId, bat: batchId },
      { audience: PRINT_AUDIENCE, expiresIn: PRINT_TOKEN_TTL_SECONDS },
    );
    return {
      cards: codes.map((code) => ({ code })),
      printUrl: `${this.config.publicUrl}/api/evenings/${eveningId}/cards/print?token=${encodeURIComponent(token)}`,
    };
  }

  /** The cards of the batch the token names, with their join links; 401 for a bad or expired token. */
  async sheet(eveningId: string, token: unknown): Promise<CardSheet> {
    let claims: { typ?: string; eve?: string; bat?: string };
    try {
      if (typeof token !== 'string' || token.length > 2048) throw new Error('no token');
      claims = this.jwt.verify(token, { algorithms: ['HS256'], issuer: 'huurdersstem', audience: PRINT_AUDIENCE });
    } catch {
      throw new DomainError('UNAUTHORIZED', 'Deze printlink is ongeldig of verlopen; maak de kaarten opnieuw aan.');
    }
    if (claims.typ !== 'card-print' || claims.eve !== eveningId || typeof claims.bat !== 'string' || !looksLikeUuid(claims.bat)) {
      throw new DomainError('UNAUTHORIZED', 'Deze printlink hoort niet bij deze avond.');
    }
    const [evening, codes, joinCode] = await Promise.all([
      this.live.findEvening(eveningId),
      this.cards.listBatch(eveningId, claims.bat),
      this.live.findJoinCode(eveningId),
    ]);
    if (!evening || !joinCode) throw new DomainError('EVENING_NOT_FOUND', 'Deze avond bestaat niet.');
    return {
      title: evening.title,
      joinCode,
      cards: codes.map((code) => ({
        code,
        url: `${this.config.publicUrl}/join/${encodeURIComponent(joinCode)}?card=${encodeURIComponent(code)}`,
      })),
    };
  }
}
