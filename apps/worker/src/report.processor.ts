import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, REPORTS_QUEUE } from '@hs/contracts';
import { JOB_WORKERS, type JobWorkers, ReportService } from '@hs/domain';

/** Consumes the reports queue; a report whose job fails for good is marked failed with the reason. */
@Injectable()
export class ReportProcessor implements OnApplicationBootstrap {
  constructor(
    @Inject(JOB_WORKERS) private readonly jobs: JobWorkers,
    private readonly reports: ReportService,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.start(
      REPORTS_QUEUE,
      { 'render-report': ({ reportId }, job) => this.reports.render(reportId, job.progress) },
      {
        concurrency: 1,
        isPermanent: (error) => error instanceof DomainError,
        onFinalFailure: async (name, payload, reason) => {
          if (name === 'render-report') await this.reports.fail((payload as { reportId: string }).reportId, reason);
        },
      },
    );
  }
}
