import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MetricsRegistry } from '@hs/persistence';
import { ApiRoute, MetricsAccessGuard, Public } from '@hs/http';

@ApiTags('operations')
@Controller('api/metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  /** @Public() lets it past the staff guard; MetricsAccessGuard then asks for an admin token or METRICS_TOKEN. */
  @Public()
  @UseGuards(MetricsAccessGuard)
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiRoute({
    summary: 'Prometheus metrics of this process.',
    description: 'Needs an admin access token, or Authorization: Bearer <METRICS_TOKEN> when that variable is set.',
    ownToken: true,
    errors: [
      [401, 'No token, or a bad one.'],
      [403, 'A staff token of another role than admin.'],
    ],
  })
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  scrape() {
    return this.metrics.render();
  }
}
