import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { DomainError } from '@hs/contracts';
import { EveningRepository } from '@hs/persistence';
import { looksLikeUuid } from '../evenings/uuid';
import { qrCodeSvg } from './qr-code';

export interface JoinLink {
  joinCode: string;
  /** PUBLIC_URL + /join/CODE: what the QR code on the projector and on paper holds. */
  url: string;
}

export interface OriginCheck {
  /** Whether a socket handshake from this origin is admitted (ALLOWED_ORIGINS, which holds PUBLIC_URL's origin). */
  allowed: boolean;
  /** Where phones should open the page instead: PUBLIC_URL. */
  publicUrl: string;
}

/** The link tenants follow to join an evening, and its QR code for the projector screen. */
@Injectable()
export class JoinLinkService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly evenings: EveningRepository,
  ) {}

  async joinLink(eveningId: string): Promise<JoinLink> {
    // An id that is not a UUID is unknown: answer 404 rather than let PostgreSQL reject the cast.
    const found = looksLikeUuid(eveningId) ? await this.evenings.findById(eveningId) : null;
    if (!found) throw new DomainError('EVENING_NOT_FOUND', 'Deze avond bestaat niet.');
    return { joinCode: found.joinCode, url: `${this.config.publicUrl}/join/${found.joinCode}` };
  }

  /**
   * For a page whose socket keeps failing: is it open on an address the socket refuses? Then it can tell the
   * tenant which address to use. Says nothing that the QR code does not already show.
   */
  originCheck(origin: string): OriginCheck {
    return { allowed: this.config.allowedOrigins.includes(origin), publicUrl: this.config.publicUrl };
  }

  /** An SVG QR code of the join link, for the projector screen. */
  async joinQrSvg(eveningId: string): Promise<string> {
    const { url } = await this.joinLink(eveningId);
    return qrCodeSvg(url, 2);
  }
}
