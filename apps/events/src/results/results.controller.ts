import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregationService } from '@hs/domain';
import { Scoped } from '@hs/http';
import { ResultsQueryDto } from './results.dto';

@ApiTags('results')
@ApiBearerAuth()
@Controller('api/dilemmas')
export class ResultsController {
  constructor(private readonly aggregation: AggregationService) {}

  @Get(':id/results')
  @Scoped('dilemma')
  @ApiOperation({
    summary: 'Results of one dilemma round (any staff role)',
    description:
      'total, count and share include hand counts (also shown apart in manual); ci95 is the 95% Wilson interval ' +
      '(budget: share of all points with a normal-approximation interval). Segments hold electronic votes only and add up to ' +
      'total − manual.total; a segment under SUPPRESS_BELOW is suppressed, with complementary suppression, and carries no counts. ' +
      'See docs/METHODS.md.',
  })
  @ApiOkResponse({ description: '{dilemmaId, round, total, options, manual, segments, ...}' })
  results(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ResultsQueryDto) {
    return this.aggregation.dilemmaResults(id, query.round, query.by ?? 'group');
  }
}
