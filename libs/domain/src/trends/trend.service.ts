import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import type { Trends } from '@hs/contracts';
import { AggregationRepository, RoundRepository } from '@hs/persistence';
import { AggregationService } from '../aggregation/aggregation.service';
import { EVERYTHING, narrowMunicipalities, type StaffScope } from '../scope/staff-scope';
import { buildTrends, type ConsultationRoundRef } from '../statistics/trend-builder';

export interface TrendQuery {
  theme?: string;
  municipalities?: string[];
}

/** GET /api/trends: the dilemmas in scope, counted as the policy input counts them, laid out per consultation round. */
@Injectable()
export class TrendService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly aggregation: AggregationService,
    private readonly repo: AggregationRepository,
    private readonly rounds: RoundRepository,
  ) {}

  async trends(query: TrendQuery, staff: StaffScope = EVERYTHING): Promise<Trends> {
    const municipalities = narrowMunicipalities(staff, query.municipalities);
    const themes = query.theme ? [query.theme] : undefined;
    await this.aggregation.checkScope({ themes });
    const sources = await this.repo.dilemmaSources({ themes, municipalities, heldOnly: true });
    const [tallies, roundOf] = await Promise.all([
      this.aggregation.currentTallies(sources),
      this.rounds.roundsOfEvenings([...new Set(sources.map((s) => s.eveningId))]),
    ]);
    const roundOfEvening = new Map<string, ConsultationRoundRef>();
    for (const [eveningId, round] of roundOf) {
      roundOfEvening.set(eveningId, {
        id: round.id,
        name: round.name,
        year: round.year,
        order: `${round.year}|${round.startsOn ?? ''}|${round.createdAt.toISOString()}`,
      });
    }
    return buildTrends({
      scope: { themes: themes ?? null, municipalities: municipalities ?? null },
      suppressBelow: this.config.suppressBelow,
      sources: sources.map((s) => ({ ...s, tallies: tallies.get(s.id) ?? new Map() })),
      roundOfEvening,
    });
  }
}
