import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { runsEvenings } from '@hs/contracts';
import { EveningService, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { ApiRoute, CurrentScope, CurrentStaff, Public, Roles, Scoped } from '@hs/http';
import { CreateEveningDto, EveningDto, PublicEveningDto, UpdateEveningDto } from './evening.dto';

@ApiTags('evenings')
@Controller('api')
export class EveningsController {
  constructor(private readonly evenings: EveningService) {}

  @Post('evenings')
  @Roles('facilitator')
  @ApiRoute({
    summary: 'Create an evening (status draft, with a fresh join code).',
    errors: [[409, 'No free join code (JOIN_CODE_EXHAUSTED).']],
  })
  @ApiCreatedResponse({ type: EveningDto })
  create(@Body() body: CreateEveningDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.create(actor.userId, body);
  }

  @Get('evenings')
  @Scoped()
  @ApiRoute({
    summary: 'All evenings, by start time (any staff role).',
    description:
      'Join codes only for admin and facilitator. For tenant_org and municipality accounts: the evenings of their municipalities.',
  })
  @ApiOkResponse({ type: [EveningDto] })
  list(@CurrentScope() scope: StaffScope, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.list(scope, runsEvenings(actor.role));
  }

  @Get('evenings/:id')
  @Scoped('evening')
  @ApiRoute({
    summary: 'One evening (any staff role); the join code only for admin and facilitator.',
    errors: [[404, 'Unknown evening (also for an id that is not a UUID).']],
  })
  @ApiOkResponse({ type: EveningDto })
  get(@Param('id') id: string, @CurrentScope() scope: StaffScope, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.get(id, scope, runsEvenings(actor.role));
  }

  @Patch('evenings/:id')
  @Roles('facilitator')
  @ApiRoute({
    summary: 'Change fields of an evening.',
    description: 'Draft/published: all fields; live: title, venue, capacity; ended: none (409).',
    errors: [404, [409, 'A field the current state does not let change (INVALID_TRANSITION, EVENING_ENDED).']],
  })
  @ApiOkResponse({ type: EveningDto })
  update(@Param('id') id: string, @Body() body: UpdateEveningDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.update(actor.userId, id, body);
  }

  @Post('evenings/:id/publish')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiRoute({ summary: 'draft → published: open for registration.', errors: [404, [409, 'Not draft (INVALID_TRANSITION).']] })
  @ApiOkResponse({ type: EveningDto })
  publish(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.move(actor.userId, id, 'publish');
  }

  @Post('evenings/:id/start')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiRoute({
    summary: 'published → live: tenants can join; registration closes.',
    errors: [404, [409, 'Not published (INVALID_TRANSITION).']],
  })
  @ApiOkResponse({ type: EveningDto })
  start(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.move(actor.userId, id, 'start');
  }

  @Post('evenings/:id/end')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiRoute({
    summary: 'live → ended: closes the open dilemma, stops joins and votes, queues the aggregation.',
    errors: [404, [409, 'Not live (INVALID_TRANSITION).']],
  })
  @ApiOkResponse({ type: EveningDto })
  end(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.move(actor.userId, id, 'end');
  }

  @Public()
  @Get('public/evenings')
  @ApiRoute({ summary: 'Published and live evenings for anyone, without join codes.' })
  @ApiOkResponse({ type: [PublicEveningDto] })
  listPublic() {
    return this.evenings.listPublic();
  }
}
