import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ManualCountService, type StaffPrincipal } from '@hs/domain';
import { ApiRoute, CurrentStaff, Roles } from '@hs/http';
import { ManualCountDto, ManualCountResponseDto } from './live.dto';

@ApiTags('dilemmas')
@Controller('api/dilemmas')
export class ManualCountsController {
  constructor(private readonly manual: ManualCountService) {}

  @Post(':id/manual-counts')
  @Roles('facilitator')
  @ApiRoute({
    summary: 'Add hand counts for people without a phone to a round of a dilemma.',
    description: 'For the current round or an earlier one: kept apart from phone votes, included in totals and tallies.',
    errors: [
      [400, 'Invalid fields, an unknown option, or a round later than the current one (INVALID_MANUAL_COUNT).'],
      [404, 'Unknown dilemma.'],
      [409, 'The dilemma is still a draft (DILEMMA_NOT_OPEN).'],
    ],
  })
  @ApiCreatedResponse({ type: ManualCountResponseDto })
  add(@Param('id') id: string, @Body() body: ManualCountDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.manual.add(actor.userId, id, body);
  }
}
