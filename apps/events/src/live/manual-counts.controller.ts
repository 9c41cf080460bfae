import { Body, Controller, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ManualCountService, type StaffPrincipal } from '@hs/domain';
import { ApiRoute, CurrentStaff, Roles } from '@hs/http';
import {
  ManualCountDto,
  ManualCountResponseDto,
  ManualCountRoundDto,
  ManualCountRoundViewDto,
  ManualCountsDto,
} from './live.dto';

@ApiTags('dilemmas')
@Controller('api/dilemmas')
export class ManualCountsController {
  constructor(private readonly manual: ManualCountService) {}

  @Post(':id/manual-counts')
  @Roles('facilitator')
  @ApiRoute({
    summary: 'Set hand counts for people without a phone in a round of a dilemma.',
    description:
      "One entry per option per round: each given option's entry is set (replaced), never added to; options left out keep theirs. " +
      'For the current round or an earlier one: kept apart from phone votes, included in totals and tallies. Audited.',
    errors: [
      [400, 'Invalid fields or an option of another dilemma (INVALID_MANUAL_COUNT).'],
      [404, 'Unknown dilemma, or a round that does not exist yet (VOTING_ROUND_NOT_FOUND).'],
      [409, 'The dilemma is still a draft (DILEMMA_NOT_OPEN).'],
    ],
  })
  @ApiCreatedResponse({ type: ManualCountResponseDto })
  add(@Param('id') id: string, @Body() body: ManualCountDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.manual.add(actor.userId, id, body);
  }

  @Get(':id/manual-counts')
  @Roles('facilitator')
  @ApiRoute({
    summary: 'The hand counts of every round of a dilemma: one entry per option, who entered it and when.',
    errors: [[404, 'Unknown dilemma.']],
  })
  @ApiOkResponse({ type: ManualCountsDto })
  list(@Param('id') id: string) {
    return this.manual.list(id);
  }

  @Put(':id/manual-counts/:round')
  @Roles('facilitator')
  @ApiRoute({
    summary: "Set (replace) the given options' hand counts of one round.",
    description: 'Options left out keep their entries. Audited as manual-count.set with the counts before and after.',
    errors: [
      [
        400,
        'An option of another dilemma, a count that is not a whole number 0..10000, bad fields, a round that is not a number.',
      ],
      [404, 'Unknown dilemma, or a round that does not exist yet (VOTING_ROUND_NOT_FOUND).'],
      [409, 'The dilemma is still a draft (DILEMMA_NOT_OPEN).'],
    ],
  })
  @ApiOkResponse({ type: ManualCountRoundViewDto })
  setRound(
    @Param('id') id: string,
    @Param('round', new ParseIntPipe()) round: number,
    @Body() body: ManualCountRoundDto,
    @CurrentStaff() actor: StaffPrincipal,
  ) {
    return this.manual.setRound(actor.userId, id, round, body);
  }
}
