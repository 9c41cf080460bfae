import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AGGREGATION_QUEUE, DomainError } from '@hs/contracts';
import { AggregationService } from '@hs/domain';
import { JobWorkerRepository } from '@hs/persistence';

/** Consumes the aggregation queue: one call into the domain per job. */
@Injectable()
export class AggregationProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobWorkerRepository,
    private readonly aggregation: AggregationService,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.start(
      AGGREGATION_QUEUE,
      {
        'aggregate-dilemma': ({ dilemmaId }) => this.aggregation.aggregateDilemma(dilemmaId),
        'aggregate-evening': ({ eveningId }) => this.aggregation.aggregateEvening(eveningId),
        'recompute-policy-input': () => this.aggregation.recomputeAll(),
      },
      { concurrency: 2, isPermanent: (error) => error instanceof DomainError },
    );
  }
}
