import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthProbeRepository } from '@hs/persistence';
import { Public } from '../http/auth.decorators';

/** Each probe gets this long before its dependency counts as down: a health check must answer quickly. */
const PROBE_TIMEOUT_MS = 1500;

/**
 * Liveness and readiness in one: 200 `{status: "ok", info: {database, redis, queue}}` when all answer,
 * 503 with `error` naming what is down. Operational plumbing, so it asks the probes directly instead of
 * going through a domain service: there is no rule here, only I/O.
 */
@ApiTags('operations')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly probes: HealthProbeRepository,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Whether PostgreSQL, Redis and the BullMQ queue answer; 503 names what is down' })
  check() {
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(() => this.probes.database())
          .withTimeout(PROBE_TIMEOUT_MS),
      () =>
        this.indicators
          .check('redis')
          .attempt(() => this.probes.redisServer())
          .withTimeout(PROBE_TIMEOUT_MS),
      () =>
        this.indicators
          .check('queue')
          .attempt(() => this.probes.queue())
          .withTimeout(PROBE_TIMEOUT_MS),
    ]);
  }
}
