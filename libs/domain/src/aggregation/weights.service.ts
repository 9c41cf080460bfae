import { Injectable } from '@nestjs/common';
import { DomainError } from '@hs/contracts';
import { WeightRepository } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';

/** The post-stratification table: tenant households per municipality, replaced as a whole. */
@Injectable()
export class WeightsService {
  constructor(
    private readonly weights: WeightRepository,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<{ households: Record<string, number> }> {
    return { households: await this.weights.all() };
  }

  async replace(actorId: string, households: Record<string, number>): Promise<{ households: Record<string, number> }> {
    const clean: Record<string, number> = {};
    const seen = new Set<string>();
    for (const [name, count] of Object.entries(households)) {
      const municipality = name.trim();
      if (!municipality || municipality.length > 100)
        throw new DomainError('VALIDATION_FAILED', 'Een gemeentenaam is leeg of te lang.');
      if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `Het aantal huishoudens voor ${municipality} moet een heel getal van 1 tot 10.000.000 zijn.`,
        );
      }
      if (seen.has(municipality.toLowerCase()))
        throw new DomainError('VALIDATION_FAILED', `${municipality} staat er twee keer in.`);
      seen.add(municipality.toLowerCase());
      clean[municipality] = count;
    }
    await this.weights.replace(clean, actorId);
    await this.audit.record(actorId, 'weights.replace', 'municipality_weight', null, {
      municipalities: Object.keys(clean).length,
    });
    return this.get();
  }
}
