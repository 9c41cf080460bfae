import { Module } from '@nestjs/common';
import { AggregationProcessor } from './aggregation.processor';
import { CountdownProcessor } from './countdown.processor';
import { ReportProcessor } from './report.processor';

/**
 * The worker: BullMQ processors that aggregate votes and render exports, and the countdown sweep. Runs in ROLE=all and
 * ROLE=worker (then without an HTTP server), any number of times: job ids are deterministic and
 * results are upserted, so two workers on the same job store the same result once.
 */
@Module({ providers: [AggregationProcessor, ReportProcessor, CountdownProcessor] })
export class WorkerModule {}
