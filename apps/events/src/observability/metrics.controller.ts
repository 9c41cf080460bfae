import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MetricsRegistry } from '@hs/persistence';
import { MetricsAccessGuard, Public } from '@hs/http';

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
  @ApiBearerAuth()
  @ApiProduces('text/plain')
  @ApiOperation({
    summary: 'Prometheus metrics of this process',
    description: 'Needs an admin access token, or Authorization: Bearer <METRICS_TOKEN> when that variable is set.',
  })
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  scrape() {
    return this.metrics.render();
  }
}
