import { Injectable } from '@nestjs/common';
import { DomainError } from '@hs/contracts';
import { AdviceRepository } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';
import { looksLikeUuid } from '../evenings/uuid';
import { amsterdamDay } from './finding-rules';
import type { ReadScope } from './read-scope';
import { RegisterService } from './register.service';
import { type AdviceView, toAdviceView } from './register-views';

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

  async give(actorId: string, scope: ReadScope, agreementId: string, input: { text: string; on?: string }): Promise<AdviceView> {
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

  async get(scope: ReadScope, adviceId: string): Promise<AdviceView> {
    const advice = looksLikeUuid(adviceId) ? await this.advice.findById(adviceId) : null;
    if (!advice) throw new DomainError('ADVICE_NOT_FOUND', 'Dit advies bestaat niet.');
    await this.register.readable(scope, advice.agreementId);
    return toAdviceView(advice);
  }
}
