import { Injectable } from '@nestjs/common';
import { DomainError } from '@hs/contracts';
import { type ConsultationRoundEntity, RoundRepository } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';
import { looksLikeUuid } from '../evenings/uuid';
import { allowsAll, EVERYTHING, type StaffScope } from '../scope/staff-scope';

/** docs/API.md, Rounds (and docs/ROUNDS.md). Dates are calendar dates, YYYY-MM-DD. */
export interface RoundView {
  id: string;
  name: string;
  year: number;
  startsOn: string | null;
  endsOn: string | null;
  /** How many evenings the round holds (of the reader's municipalities, for a tenant organisation or municipality). */
  evenings: number;
  createdAt: string;
}

export interface CreateRoundInput {
  name: string;
  year: number;
  startsOn?: string | null;
  endsOn?: string | null;
}

/** Consultation rounds: a round groups the evenings of one cycle, so results and trends can be read per round. */
@Injectable()
export class RoundService {
  constructor(
    private readonly rounds: RoundRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actorId: string, input: CreateRoundInput): Promise<RoundView> {
    const startsOn = input.startsOn ?? null;
    const endsOn = input.endsOn ?? null;
    if (startsOn && endsOn && startsOn > endsOn) {
      throw new DomainError('VALIDATION_FAILED', 'endsOn ligt vóór startsOn.');
    }
    const created = await this.rounds.insert({ name: input.name.trim(), year: input.year, startsOn, endsOn });
    if (!created) throw new DomainError('ROUND_EXISTS', `Er is in ${input.year} al een ronde met deze naam.`);
    await this.audit.record(actorId, 'round.create', 'consultation_round', created.id, { year: created.year });
    return toRoundView(created, 0);
  }

  async list(scope: StaffScope = EVERYTHING): Promise<RoundView[]> {
    const [rounds, counts] = await Promise.all([this.rounds.list(), this.eveningCounts(scope)]);
    return rounds.map((r) => toRoundView(r, counts.get(r.id) ?? 0));
  }

  async get(id: string, scope: StaffScope = EVERYTHING): Promise<RoundView> {
    const round = looksLikeUuid(id) ? await this.rounds.findById(id) : null;
    if (!round) throw roundNotFound();
    return toRoundView(round, (await this.eveningCounts(scope)).get(round.id) ?? 0);
  }

  private async eveningCounts(scope: StaffScope): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const row of await this.rounds.eveningCounts()) {
      if (allowsAll(scope, [row.municipality])) counts.set(row.roundId, (counts.get(row.roundId) ?? 0) + row.n);
    }
    return counts;
  }

  /** A round an evening is put in must exist (404). Without one, the database files it (see the rounds migration). */
  async existing(roundId: string): Promise<string> {
    const round = looksLikeUuid(roundId) ? await this.rounds.findById(roundId) : null;
    if (!round) throw roundNotFound();
    return round.id;
  }
}

export function toRoundView(round: ConsultationRoundEntity, evenings: number): RoundView {
  return {
    id: round.id,
    name: round.name,
    year: round.year,
    startsOn: round.startsOn,
    endsOn: round.endsOn,
    evenings,
    createdAt: round.createdAt.toISOString(),
  };
}

function roundNotFound(): DomainError {
  return new DomainError('ROUND_NOT_FOUND', 'Deze ronde bestaat niet.');
}
