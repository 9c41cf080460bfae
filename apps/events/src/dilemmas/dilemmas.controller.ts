import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DilemmaService, type StaffPrincipal } from '@hs/domain';
import { ApiRoute, CurrentStaff, Roles, Scoped } from '@hs/http';
import { CreateDilemmaDto, DilemmaDto, UpdateDilemmaDto } from './dilemma.dto';

@ApiTags('dilemmas')
@Controller('api')
export class DilemmasController {
  constructor(private readonly dilemmas: DilemmaService) {}

  @Post('evenings/:id/dilemmas')
  @Roles('facilitator')
  @ApiRoute({
    summary: "Add a dilemma at the end of an evening's agenda (draft, round 1).",
    errors: [
      [400, 'Invalid fields, rules of the kind broken (INVALID_DILEMMA), or an unknown theme (UNKNOWN_THEME).'],
      [404, 'Unknown evening.'],
      [409, 'The evening has ended (EVENING_ENDED).'],
    ],
  })
  @ApiCreatedResponse({ type: DilemmaDto })
  create(@Param('id') eveningId: string, @Body() body: CreateDilemmaDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.dilemmas.create(actor.userId, eveningId, body);
  }

  @Get('evenings/:id/dilemmas')
  @Scoped('evening')
  @ApiRoute({
    summary: "The evening's dilemmas in position order, options in position order (any staff role).",
    errors: [[404, 'Unknown evening.']],
  })
  @ApiOkResponse({ type: [DilemmaDto] })
  list(@Param('id') eveningId: string) {
    return this.dilemmas.list(eveningId);
  }

  @Get('dilemmas/:id')
  @Scoped('dilemma')
  @ApiRoute({ summary: 'One dilemma with its options.', errors: [[404, 'Unknown dilemma.']] })
  @ApiOkResponse({ type: DilemmaDto })
  get(@Param('id') id: string) {
    return this.dilemmas.get(id);
  }

  @Patch('dilemmas/:id')
  @Roles('facilitator')
  @ApiRoute({
    summary: 'Change a draft: question, description, options (all replaced), numbers of the kind, translations (fy, en).',
    errors: [
      [400, 'Invalid fields or an unknown language key; rules of the kind broken (INVALID_DILEMMA).'],
      [404, 'Unknown dilemma.'],
      [409, 'Opened before (DILEMMA_LOCKED: texts and options are fixed), or the evening has ended (EVENING_ENDED).'],
    ],
  })
  @ApiOkResponse({ type: DilemmaDto })
  update(@Param('id') id: string, @Body() body: UpdateDilemmaDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.dilemmas.update(actor.userId, id, body);
  }

  @Post('dilemmas/:id/open')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiRoute({
    summary: 'draft → open. The evening must be live; no other dilemma of it may be open.',
    errors: [404, [409, 'EVENING_NOT_LIVE, ANOTHER_DILEMMA_OPEN, or not a draft (INVALID_TRANSITION; use revote).']],
  })
  @ApiOkResponse({ type: DilemmaDto })
  open(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.dilemmas.move(actor.userId, id, 'open');
  }

  @Post('dilemmas/:id/close')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiRoute({
    summary: "open → closed; the round's aggregation is queued. No vote is stored after this returns.",
    errors: [404, [409, 'Not open (DILEMMA_NOT_OPEN).']],
  })
  @ApiOkResponse({ type: DilemmaDto })
  close(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.dilemmas.move(actor.userId, id, 'close');
  }

  @Post('dilemmas/:id/reveal')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiRoute({
    summary: 'Reveal the results to tenants (revealed: true), from open or closed, once per round.',
    errors: [404, [409, 'A draft, or revealed already this round (INVALID_TRANSITION).']],
  })
  @ApiOkResponse({ type: DilemmaDto })
  reveal(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.dilemmas.move(actor.userId, id, 'reveal');
  }

  @Post('dilemmas/:id/revote')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiRoute({
    summary: 'closed → open with round + 1, not revealed; earlier rounds are kept. The evening must be live.',
    errors: [404, [409, 'Not closed (INVALID_TRANSITION), EVENING_NOT_LIVE, or ANOTHER_DILEMMA_OPEN.']],
  })
  @ApiOkResponse({ type: DilemmaDto })
  revote(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.dilemmas.move(actor.userId, id, 'revote');
  }
}
