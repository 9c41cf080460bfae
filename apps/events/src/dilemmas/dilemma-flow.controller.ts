import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DilemmaFlowService, type StaffPrincipal } from '@hs/domain';
import { ApiRoute, CurrentStaff, Roles } from '@hs/http';
import { DilemmaDto } from './dilemma.dto';
import { CountdownDto, NextDilemmaDto } from './dilemma-flow.dto';

@ApiTags('dilemmas')
@Controller('api')
export class DilemmaFlowController {
  constructor(private readonly flow: DilemmaFlowService) {}

  @Post('evenings/:id/next')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiRoute({
    summary: '"Volgende vraag": close the open dilemma (if any) and open the next draft on the agenda.',
    errors: [
      [404, 'Unknown evening.'],
      [409, 'No draft left (NO_NEXT_DILEMMA; nothing is closed), or the evening is not live (EVENING_NOT_LIVE).'],
    ],
  })
  @ApiOkResponse({ type: NextDilemmaDto })
  next(@Param('id') eveningId: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.flow.next(actor.userId, eveningId);
  }

  @Put('dilemmas/:id/countdown')
  @Roles('facilitator')
  @ApiRoute({
    summary: 'Set the countdown of a dilemma: on an open one it starts now, otherwise with the next open or revote.',
    description: 'Phones and the projector show it (dilemma.countdown); with closeAtZero the server closes the dilemma at zero.',
    errors: [[404, 'Unknown dilemma.']],
  })
  @ApiOkResponse({ type: DilemmaDto })
  setCountdown(@Param('id') id: string, @Body() body: CountdownDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.flow.setCountdown(actor.userId, id, body.seconds, body.closeAtZero ?? false);
  }

  @Delete('dilemmas/:id/countdown')
  @Roles('facilitator')
  @ApiRoute({ summary: 'Remove the countdown of a dilemma (it stops at once).', errors: [[404, 'Unknown dilemma.']] })
  @ApiOkResponse({ type: DilemmaDto })
  clearCountdown(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.flow.clearCountdown(actor.userId, id);
  }
}
