import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { EveningService, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { CurrentScope, CurrentStaff, Public, Roles, Scoped } from '@hs/http';
import { CreateEveningDto, EveningDto, PublicEveningDto, UpdateEveningDto } from './evening.dto';

@ApiTags('evenings')
@ApiUnauthorizedResponse({ description: 'No or bad staff token.' })
@Controller('api')
export class EveningsController {
  constructor(private readonly evenings: EveningService) {}

  @Post('evenings')
  @Roles('facilitator')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create an evening (status draft, with a fresh join code).' })
  @ApiCreatedResponse({ type: EveningDto })
  @ApiBadRequestResponse({ description: 'Invalid or unknown fields.' })
  @ApiForbiddenResponse({ description: 'Role analyst.' })
  create(@Body() body: CreateEveningDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.create(actor.userId, body);
  }

  @Get('evenings')
  @Scoped()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'All evenings, by start time (any staff role).',
    description: 'For tenant_org and municipality accounts: the evenings of their municipalities, without join codes.',
  })
  @ApiOkResponse({ type: [EveningDto] })
  list(@CurrentScope() scope: StaffScope) {
    return this.evenings.list(scope);
  }

  @Get('evenings/:id')
  @Scoped('evening')
  @ApiBearerAuth()
  @ApiOkResponse({ type: EveningDto })
  @ApiNotFoundResponse({ description: 'Unknown id (also for an id that is not a UUID).' })
  get(@Param('id') id: string, @CurrentScope() scope: StaffScope) {
    return this.evenings.get(id, scope);
  }

  @Patch('evenings/:id')
  @Roles('facilitator')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change fields. Draft/published: all; live: title, venue, capacity; ended: none (409).' })
  @ApiOkResponse({ type: EveningDto })
  @ApiConflictResponse({ description: 'A field the current state does not let change.' })
  update(@Param('id') id: string, @Body() body: UpdateEveningDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.update(actor.userId, id, body);
  }

  @Post('evenings/:id/publish')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'draft → published: open for registration.' })
  @ApiOkResponse({ type: EveningDto })
  @ApiConflictResponse({ description: 'Not draft.' })
  publish(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.move(actor.userId, id, 'publish');
  }

  @Post('evenings/:id/start')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'published → live: tenants can join; registration closes.' })
  @ApiOkResponse({ type: EveningDto })
  @ApiConflictResponse({ description: 'Not published.' })
  start(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.move(actor.userId, id, 'start');
  }

  @Post('evenings/:id/end')
  @HttpCode(200)
  @Roles('facilitator')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'live → ended: closes the open dilemma, stops joins and votes, queues the aggregation.' })
  @ApiOkResponse({ type: EveningDto })
  @ApiConflictResponse({ description: 'Not live.' })
  end(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.evenings.move(actor.userId, id, 'end');
  }

  @Public()
  @Get('public/evenings')
  @ApiOperation({ summary: 'Published and live evenings for anyone, without join codes.' })
  @ApiOkResponse({ type: [PublicEveningDto] })
  listPublic() {
    return this.evenings.listPublic();
  }
}
