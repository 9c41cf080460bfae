import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
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
import { DilemmaService, type StaffPrincipal } from '@hs/domain';
import { CurrentStaff, Roles, Scoped } from '@hs/http';
import { CreateDilemmaDto, DilemmaDto } from './dilemma.dto';

@ApiTags('dilemmas')
@ApiBearerAuth()
@Controller('api')
export class DilemmasController {
  constructor(private readonly dilemmas: DilemmaService) {}

  @Post('evenings/:id/dilemmas')
  @Roles('facilitator')
  @ApiOperation({ summary: "Add a dilemma at the end of an evening's agenda (draft, round 1)." })
  @ApiCreatedResponse({ type: DilemmaDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, rules of the kind broken, or an unknown theme.' })
  @ApiConflictResponse({ description: 'The evening has ended.' })
  @ApiNotFoundResponse({ description: 'Unknown evening.' })
  create(@Param('id') eveningId: string, @Body() body: CreateDilemmaDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.dilemmas.create(actor.userId, eveningId, body);
  }

  @Get('evenings/:id/dilemmas')
  @Scoped('evening')
  @ApiOperation({ summary: "The evening's dilemmas in position order, options in position order (any staff role)." })
  @ApiOkResponse({ type: [DilemmaDto] })
  list(@Param('id') eveningId: string) {
    return this.dilemmas.list(eveningId);
  }

  @Get('dilemmas/:id')
  @Scoped('dilemma')
  @ApiOkResponse({ type: DilemmaDto })
  @ApiNotFoundResponse({ description: 'Unknown dilemma.' })
  get(@Param('id') id: string) {
    return this.dilemmas.get(id);
  }

  @Post('dilemmas/:id/open')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiOperation({ summary: 'draft → open. The evening must be live; no other dilemma of it may be open.' })
  @ApiOkResponse({ type: DilemmaDto })
  @ApiConflictResponse({
    description: 'EVENING_NOT_LIVE, ANOTHER_DILEMMA_OPEN, or not a draft (INVALID_TRANSITION; use revote).',
  })
  open(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.dilemmas.move(actor.userId, id, 'open');
  }

  @Post('dilemmas/:id/close')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiOperation({ summary: "open → closed; the round's aggregation is queued. No vote is stored after this returns." })
  @ApiOkResponse({ type: DilemmaDto })
  @ApiConflictResponse({ description: 'DILEMMA_NOT_OPEN.' })
  close(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.dilemmas.move(actor.userId, id, 'close');
  }

  @Post('dilemmas/:id/reveal')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiOperation({
    summary: 'revealed: true (tenants see the results). From open or closed, once per round; a draft or a second reveal: 409.',
  })
  @ApiOkResponse({ type: DilemmaDto })
  @ApiConflictResponse({ description: 'INVALID_TRANSITION.' })
  reveal(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.dilemmas.move(actor.userId, id, 'reveal');
  }

  @Post('dilemmas/:id/revote')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiOperation({ summary: 'closed → open with round + 1, not revealed; earlier rounds are kept. The evening must be live.' })
  @ApiOkResponse({ type: DilemmaDto })
  @ApiConflictResponse({ description: 'INVALID_TRANSITION (not closed), EVENING_NOT_LIVE, ANOTHER_DILEMMA_OPEN.' })
  revote(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.dilemmas.move(actor.userId, id, 'revote');
  }
}
