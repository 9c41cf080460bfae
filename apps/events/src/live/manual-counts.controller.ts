import { Body, Controller, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ManualCountService, type StaffPrincipal } from '@hs/domain';
import { CurrentStaff, Roles } from '@hs/http';
import {
  ManualCountDto,
  ManualCountResponseDto,
  ManualCountRoundDto,
  ManualCountRoundViewDto,
  ManualCountsDto,
} from './live.dto';

@ApiTags('dilemmas')
@ApiBearerAuth()
@Controller('api/dilemmas')
export class ManualCountsController {
  constructor(private readonly manual: ManualCountService) {}

  /** Hand counts for a round (≤ the current one): each given option's entry is set (replaced), never added to. */
  @Post(':id/manual-counts')
  @Roles('facilitator')
  @ApiOperation({ summary: "Set hand counts of a round (replaces the given options' entries); 409 for a draft dilemma." })
  @ApiCreatedResponse({ type: ManualCountResponseDto })
  add(@Param('id') id: string, @Body() body: ManualCountDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.manual.add(actor.userId, id, body);
  }

  @Get(':id/manual-counts')
  @Roles('facilitator')
  @ApiOperation({ summary: 'The hand counts of every round: one entry per option, who entered it and when.' })
  @ApiOkResponse({ type: ManualCountsDto })
  @ApiNotFoundResponse({ description: 'Unknown dilemma.' })
  list(@Param('id') id: string) {
    return this.manual.list(id);
  }

  @Put(':id/manual-counts/:round')
  @Roles('facilitator')
  @ApiOperation({ summary: "Set (replace) the given options' hand counts of one round; other options keep theirs. Audited." })
  @ApiOkResponse({ type: ManualCountRoundViewDto })
  @ApiBadRequestResponse({
    description: 'An option of another dilemma, a count that is not a whole number 0..10000, bad fields.',
  })
  @ApiNotFoundResponse({ description: 'Unknown dilemma, or a round that does not exist (yet): VOTING_ROUND_NOT_FOUND.' })
  @ApiConflictResponse({ description: 'DILEMMA_NOT_OPEN: a draft dilemma has no votes yet.' })
  setRound(
    @Param('id') id: string,
    @Param('round', new ParseIntPipe()) round: number,
    @Body() body: ManualCountRoundDto,
    @CurrentStaff() actor: StaffPrincipal,
  ) {
    return this.manual.setRound(actor.userId, id, round, body);
  }
}
