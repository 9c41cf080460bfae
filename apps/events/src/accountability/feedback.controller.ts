import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FeedbackService } from '@hs/domain';
import { ApiRoute, Public } from '@hs/http';
import { FeedbackQueryDto, LetterQueryDto } from './finding.dto';

@ApiTags('feedback')
@Public()
@Controller('api/public/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get()
  @ApiRoute({
    summary: 'Published findings ("u zei, wij deden") with their response, outcome, agreements and history (public).',
    errors: [[400, 'A bad filter.']],
    description: 'Drafts never appear. The quoted figures are those of the moment they were quoted (asOf).',
  })
  @ApiOkResponse({ description: 'PublicFinding[] (libs/contracts/src/accountability.ts)' })
  list(@Query() query: FeedbackQueryDto) {
    return this.feedback.published(query);
  }

  @Get('municipalities')
  @ApiRoute({ summary: 'Municipalities with published findings (public).' })
  @ApiOkResponse({ description: 'The municipalities, by name.' })
  municipalities() {
    return this.feedback.municipalities();
  }

  @Get('letter.pdf')
  @ApiProduces('application/pdf')
  @ApiRoute({
    summary: 'The same feedback as a printable A4 letter in Dutch, for tenants without internet (public).',
    errors: [[400, 'A bad filter.']],
  })
  @ApiOkResponse({ description: 'The PDF letter.' })
  async letter(@Query() query: LetterQueryDto) {
    const pdf = await this.feedback.letter(query);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: 'inline; filename="terugkoppeling.pdf"',
    });
  }
}
