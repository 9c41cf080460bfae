import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AGGREGATION_QUEUE, DomainError } from '@hs/contracts';
import { AggregationService, JOB_WORKERS, type JobWorkers } from '@hs/domain';

/** Consumes the aggregation queue: one call into the domain per job. */
@Injectable()
export class AggregationProcessor implements OnApplicationBootstrap {
  constructor(
    @Inject(JOB_WORKERS) private readonly jobs: JobWorkers,
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
