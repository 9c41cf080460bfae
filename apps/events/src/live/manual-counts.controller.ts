import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ManualCountService, type StaffPrincipal } from '@hs/domain';
import { CurrentStaff, Roles } from '@hs/http';
import { ManualCountDto, ManualCountResponseDto } from './live.dto';

@ApiTags('dilemmas')
@ApiBearerAuth()
@Controller('api/dilemmas')
export class ManualCountsController {
  constructor(private readonly manual: ManualCountService) {}

  /** Hand counts for a round (≤ the current one): kept apart, included in totals; 409 for a draft dilemma. */
  @Post(':id/manual-counts')
  @Roles('facilitator')
  @ApiCreatedResponse({ type: ManualCountResponseDto })
  add(@Param('id') id: string, @Body() body: ManualCountDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.manual.add(actor.userId, id, body);
  }
}
