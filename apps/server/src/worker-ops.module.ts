import { Module } from '@nestjs/common';
import { WorkerOpsService } from './worker-ops.service';

/** Health and metrics for a ROLE=worker process, on METRICS_PORT when it is set (see WorkerOpsService). */
@Module({ providers: [WorkerOpsService] })
export class WorkerOpsModule {}
