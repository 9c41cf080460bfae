import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AggregationService } from '@hs/domain';
import { ApiRoute, Scoped } from '@hs/http';
import { ResultsQueryDto } from './results.dto';

@ApiTags('results')
@Controller('api/dilemmas')
export class ResultsController {
  constructor(private readonly aggregation: AggregationService) {}

  @Get(':id/results')
  @Scoped('dilemma')
  @ApiRoute({
    summary: 'Results of one dilemma round (any staff role).',
    errors: [
      [400, 'An id that is not a UUID, or a bad round or by.'],
      [404, 'Unknown dilemma.'],
    ],
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
