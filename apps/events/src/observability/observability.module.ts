import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';

/**
 * GET /api/health and GET /api/metrics: served by every process with an HTTP server (ROLE all, api and
 * gateway), so each replica can be checked and scraped on its own.
 */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController, MetricsController],
})
export class ObservabilityModule {}
