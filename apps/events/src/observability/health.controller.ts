import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { HealthProbeRepository } from '@hs/persistence';
import { ApiRoute, Public } from '@hs/http';

/** Each probe gets this long before its dependency counts as down: a health check must answer quickly. */
const PROBE_TIMEOUT_MS = 1500;

/**
 * Liveness and readiness in one: 200 `{status: "ok", info: {database, redis, queue, backplane}}` when all
 * answer, 503 with `error` naming what is down. `backplane.kind` says what carries the live bus, tallies
 * and jobs: `redis`, or `local` (one process, jobs in PostgreSQL), which has no `redis` entry. Operational plumbing, so it asks the probes directly instead of
 * going through a domain service: there is no rule here, only I/O.
 */
@ApiTags('operations')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly probes: HealthProbeRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiRoute({ summary: 'Whether PostgreSQL, Redis (when used) and the job queue answer; 503 names what is down.' })
  check() {
    const local = this.config.backplane === 'local';
    return this.health.check([
      () => this.indicators.check('backplane').attempt(async () => ({ kind: local ? 'local' : 'redis' })),
      () =>
        this.indicators
          .check('database')
          .attempt(() => this.probes.database())
          .withTimeout(PROBE_TIMEOUT_MS),
      ...(local
        ? []
        : [
            () =>
              this.indicators
                .check('redis')
                .attempt(() => this.probes.redisServer())
                .withTimeout(PROBE_TIMEOUT_MS),
          ]),
      () =>
        this.indicators
          .check('queue')
          .attempt(() => this.probes.queue())
          .withTimeout(PROBE_TIMEOUT_MS),
    ]);
  }
}
