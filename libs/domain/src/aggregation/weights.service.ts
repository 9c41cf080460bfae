import { Injectable } from '@nestjs/common';
import { AGE_BANDS, DomainError, type WeightsView } from '@hs/contracts';
import { WeightRepository } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';

const MAX_HOUSEHOLDS = 10_000_000;

/**
 * The weights: tenant households per municipality and, optionally, per age band. Each PUT replaces the
 * municipality table, and the age-band table when it is given (absent: unchanged, {}: cleared). Every change is
 * audited with the tables before and after, so who changed what, and when, can be read back.
 */
@Injectable()
export class WeightsService {
  constructor(
    private readonly weights: WeightRepository,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<WeightsView> {
    const [households, ageBands, last] = await Promise.all([
      this.weights.all(),
      this.weights.ageBands(),
      this.weights.lastChange(),
    ]);
    return {
      households,
      ageBands,
      updatedAt: last ? new Date(last.updatedAt).toISOString() : null,
      updatedBy: last?.updatedBy ?? null,
    };
  }

  async replace(
    actorId: string,
    input: { households: Record<string, number>; ageBands?: Record<string, number> },
  ): Promise<WeightsView> {
    const households = cleanMunicipalities(input.households);
    const ageBands = input.ageBands === undefined ? undefined : cleanAgeBands(input.ageBands);
    const before = await this.get();
    await this.weights.replace(households, ageBands, actorId);
    await this.audit.record(actorId, 'weights.replace', 'municipality_weight', null, {
      before: { households: before.households, ageBands: before.ageBands },
      after: { households, ageBands: ageBands ?? before.ageBands },
    });
    return this.get();
  }
}

function checkCount(what: string, count: unknown): number {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_HOUSEHOLDS) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Het aantal huishoudens voor ${what} moet een heel getal van 1 tot 10.000.000 zijn.`,
    );
  }
  return count;
}

function cleanMunicipalities(households: Record<string, number>): Record<string, number> {
  const clean: Record<string, number> = {};
  const seen = new Set<string>();
  for (const [name, count] of Object.entries(households)) {
    const municipality = name.trim();
    if (!municipality || municipality.length > 100)
      throw new DomainError('VALIDATION_FAILED', 'Een gemeentenaam is leeg of te lang.');
    checkCount(municipality, count);
    if (seen.has(municipality.toLowerCase()))
      throw new DomainError('VALIDATION_FAILED', `${municipality} staat er twee keer in.`);
    seen.add(municipality.toLowerCase());
    clean[municipality] = count;
  }
  return clean;
}

function cleanAgeBands(ageBands: Record<string, number>): Record<string, number> {
  const clean: Record<string, number> = {};
  for (const [band, count] of Object.entries(ageBands)) {
    if (!(AGE_BANDS as readonly string[]).includes(band))
      throw new DomainError(
        'VALIDATION_FAILED',
        `Onbekende leeftijdsgroep: ${band.slice(0, 20)}; kies uit ${AGE_BANDS.join(', ')}.`,
      );
    clean[band] = checkCount(`leeftijdsgroep ${band}`, count);
  }
  return clean;
}
