import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DilemmaFlowService, type StaffPrincipal } from '@hs/domain';
import { CurrentStaff, Roles } from '@hs/http';
import { DilemmaDto } from './dilemma.dto';
import { CountdownDto, NextDilemmaDto } from './dilemma-flow.dto';

@ApiTags('dilemmas')
@ApiBearerAuth()
@Controller('api')
export class DilemmaFlowController {
  constructor(private readonly flow: DilemmaFlowService) {}

  @Post('evenings/:id/next')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiOperation({ summary: '"Volgende vraag": close the open dilemma (if any) and open the next draft on the agenda.' })
  @ApiOkResponse({ type: NextDilemmaDto })
  @ApiConflictResponse({ description: 'NO_NEXT_DILEMMA (nothing changed), EVENING_NOT_LIVE.' })
  @ApiNotFoundResponse({ description: 'Unknown evening.' })
  next(@Param('id') eveningId: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.flow.next(actor.userId, eveningId);
  }

  @Put('dilemmas/:id/countdown')
  @Roles('facilitator')
  @ApiOperation({
    summary: 'Set the countdown: on an open dilemma it starts now, otherwise with the next open or revote.',
    description: 'Phones and the projector show it (dilemma.countdown); with closeAtZero the server closes the dilemma at zero.',
  })
  @ApiOkResponse({ type: DilemmaDto })
  @ApiBadRequestResponse({ description: 'seconds not a whole number from 5 to 3600, closeAtZero not a boolean.' })
  @ApiNotFoundResponse({ description: 'Unknown dilemma.' })
  setCountdown(@Param('id') id: string, @Body() body: CountdownDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.flow.setCountdown(actor.userId, id, body.seconds, body.closeAtZero ?? false);
  }

  @Delete('dilemmas/:id/countdown')
  @Roles('facilitator')
  @ApiOperation({ summary: 'Remove the countdown (it stops at once).' })
  @ApiOkResponse({ type: DilemmaDto })
  @ApiNotFoundResponse({ description: 'Unknown dilemma.' })
  clearCountdown(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.flow.clearCountdown(actor.userId, id);
  }
}
