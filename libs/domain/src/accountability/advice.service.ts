import { Injectable } from '@nestjs/common';
import { DomainError, type StaffRole } from '@hs/contracts';
import { AdviceRepository } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';
import { looksLikeUuid } from '../evenings/uuid';
import { amsterdamDay } from './finding-rules';
import type { StaffPrincipal } from '../auth/token.service';
import type { StaffScope } from '../scope/staff-scope';
import { RegisterService } from './register.service';
import { type AdviceView, toAdviceView } from './register-views';

/**
 * Who gives formal advice: the tenant organisation (adviesrecht is theirs by law), or an admin entering advice that
 * came in on paper. A municipality reads the advice of its municipalities but gives none; the corporation answers.
 */
export const ADVISING_ROLES: readonly StaffRole[] = ['tenant_org', 'admin'];

/**
 * Formal advice (adviesrecht): a tenant organisation advises on a bid item or agreement of its own municipality;
 * the corporation answers in writing, once. Both are audited and visible to the parties of that municipality.
 */
@Injectable()
export class AdviceService {
  constructor(
    private readonly advice: AdviceRepository,
    private readonly register: RegisterService,
    private readonly audit: AuditService,
  ) {}

  async give(
    actor: StaffPrincipal,
    scope: StaffScope,
    agreementId: string,
    input: { text: string; on?: string },
  ): Promise<AdviceView> {
    if (!ADVISING_ROLES.includes(actor.role)) {
      throw new DomainError('FORBIDDEN', 'Alleen de huurdersorganisatie geeft formeel advies.');
    }
    const actorId = actor.userId;
    const agreement = await this.register.readable(scope, agreementId);
    const advice = await this.advice.insert({
      agreementId: agreement.id,
      text: input.text,
      givenOn: input.on ?? amsterdamDay(new Date()),
      givenBy: actorId,
    });
    await this.audit.record(actorId, 'advice.give', 'advice', advice.id, {
      agreementId: agreement.id,
      municipality: agreement.municipality,
    });
    return toAdviceView(advice);
  }

  async respond(actorId: string, adviceId: string, input: { text: string; on?: string }): Promise<AdviceView> {
    const existing = looksLikeUuid(adviceId) ? await this.advice.findById(adviceId) : null;
    if (!existing) throw new DomainError('ADVICE_NOT_FOUND', 'Dit advies bestaat niet.');
    const answered = await this.advice.respond(adviceId, {
      response: input.text,
      respondedOn: input.on ?? amsterdamDay(new Date()),
      respondedBy: actorId,
    });
    if (!answered) throw new DomainError('ADVICE_ANSWERED', 'Op dit advies is al schriftelijk gereageerd.');
    await this.audit.record(actorId, 'advice.respond', 'advice', adviceId, { agreementId: existing.agreementId });
    return toAdviceView(answered);
  }

  async get(scope: StaffScope, adviceId: string): Promise<AdviceView> {
    const advice = looksLikeUuid(adviceId) ? await this.advice.findById(adviceId) : null;
    if (!advice) throw new DomainError('ADVICE_NOT_FOUND', 'Dit advies bestaat niet.');
    await this.register.readable(scope, advice.agreementId);
    return toAdviceView(advice);
  }
}
