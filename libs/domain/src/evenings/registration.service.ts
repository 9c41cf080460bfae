import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { DomainError, type ParticipantGroup } from '@hs/contracts';
import { EveningRepository, RegistrationRepository } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';
import { assertRegistrationAccepted } from './evening-rules';
import { looksLikeUuid } from './uuid';

export interface RegistrationInput {
  name: string;
  email?: string | null;
  group: ParticipantGroup;
  municipality?: string | null;
  consent: boolean;
}

export interface RegistrationView {
  id: string;
  name: string;
  email: string | null;
  group: ParticipantGroup;
  municipality: string | null;
  createdAt: string;
}

const DAY_MS = 24 * 3600 * 1000;

/** Sign-ups for an evening. Never linked to participants or votes: ballot secrecy (DESIGN.md). */
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger('Registrations');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registrations: RegistrationRepository,
    private readonly evenings: EveningRepository,
    private readonly audit: AuditService,
  ) {}

  async register(eveningId: string, input: RegistrationInput): Promise<{ id: string }> {
    if (input.consent !== true) {
      throw new DomainError('CONSENT_REQUIRED', 'Zonder uw toestemming (consent: true) kunnen wij uw aanmelding niet bewaren.');
    }
    if (!looksLikeUuid(eveningId)) throw eveningNotFound();
    const created = await this.registrations.insertGuarded(
      eveningId,
      { name: input.name, email: input.email ?? null, group: input.group, municipality: input.municipality ?? null },
      assertRegistrationAccepted,
    );
    if (!created) throw eveningNotFound();
    return created;
  }

  async list(eveningId: string): Promise<RegistrationView[]> {
    await this.requireEvening(eveningId);
    return (await this.registrations.listByEvening(eveningId)).map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      group: r.group,
      municipality: r.municipality,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /** An admin's request to delete an evening's registrations now. */
  async deleteAll(actorId: string, eveningId: string): Promise<{ deleted: number }> {
    await this.requireEvening(eveningId);
    const deleted = await this.registrations.deleteByEvening(eveningId);
    await this.audit.record(actorId, 'registrations.delete', 'evening', eveningId, { deleted });
    return { deleted };
  }

  /** Deletes the registrations of evenings that ended more than REGISTRATION_RETENTION_DAYS ago. */
  async purgeExpired(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.registrationRetentionDays * DAY_MS);
    const deleted = await this.registrations.deleteForEveningsEndedBefore(cutoff);
    if (deleted > 0) {
      await this.audit.record(null, 'registrations.purge-expired', 'registration', null, {
        deleted,
        cutoff: cutoff.toISOString(),
      });
      this.logger.log(`deleted ${deleted} registrations of evenings ended before ${cutoff.toISOString()}`);
    }
    return deleted;
  }

  private async requireEvening(eveningId: string): Promise<void> {
    if (!looksLikeUuid(eveningId) || !(await this.evenings.findById(eveningId))) throw eveningNotFound();
  }
}

function eveningNotFound(): DomainError {
  return new DomainError('EVENING_NOT_FOUND', 'Deze avond bestaat niet.');
}
