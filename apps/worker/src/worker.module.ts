import { Module } from '@nestjs/common';

/** The worker: BullMQ processors that aggregate votes and render exports. */
@Module({})
export class WorkerModule {}
