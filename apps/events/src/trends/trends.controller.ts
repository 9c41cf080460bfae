import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type StaffScope, TrendService } from '@hs/domain';
import { ApiRoute, CurrentScope, Roles, Scoped } from '@hs/http';
import { TrendsQueryDto } from './trends.dto';

@ApiTags('policy input')
@Controller('api/trends')
export class TrendsController {
  constructor(private readonly trends: TrendService) {}

  @Get()
  @Roles('analyst')
  @Scoped()
  @ApiOkResponse({ description: 'Trends (libs/contracts/src/trends.ts): per linked dilemma its rounds and differences.' })
  @ApiRoute({
    summary: 'Trends: the same dilemma across consultation rounds (analyst, admin, tenant_org, municipality).',
    errors: [[400, 'A bad query.']],
    description:
      'Per linked dilemma (same template or link key) asked in two or more rounds: per round the pooled final-round shares ' +
      'with 95% Wilson intervals; between consecutive rounds the difference per option with its 95% interval ' +
      "(Newcombe's hybrid score method), `changed` only where that interval excludes zero. A round with fewer than " +
      'SUPPRESS_BELOW people is suppressed and carries no numbers. Budget dilemmas have no trend. See docs/METHODS.md.',
  })
  list(@Query() query: TrendsQueryDto, @CurrentScope() scope: StaffScope) {
    return this.trends.trends(query.toQuery(), scope);
  }
}
