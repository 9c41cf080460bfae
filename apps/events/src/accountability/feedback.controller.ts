import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FeedbackService } from '@hs/domain';
import { Public } from '../http/auth.decorators';
import { FeedbackQueryDto } from './finding.dto';

@ApiTags('feedback')
@Public()
@Controller('api/public/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get()
  @ApiOperation({
    summary: 'Published findings ("u zei, wij deden") with their response, outcome, agreements and history (public).',
    description: 'Drafts never appear. The quoted figures are those of the moment they were quoted (asOf).',
  })
  @ApiOkResponse({ description: 'PublicFinding[] (libs/contracts/src/accountability.ts)' })
  list(@Query() query: FeedbackQueryDto) {
    return this.feedback.published(query);
  }

  @Get('municipalities')
  @ApiOperation({ summary: 'Municipalities with published findings (public).' })
  municipalities() {
    return this.feedback.municipalities();
  }
}
