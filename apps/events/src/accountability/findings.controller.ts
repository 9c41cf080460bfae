import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FindingService, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { ApiRoute, CurrentScope, CurrentStaff, Roles, Scoped } from '@hs/http';
import { CreateFindingDto, FindingsQueryDto, UpdateFindingDto } from './finding.dto';

@ApiTags('findings')
@Controller('api/findings')
export class FindingsController {
  constructor(private readonly findings: FindingService) {}

  @Get()
  @Scoped()
  @ApiRoute({ summary: '"U zei, wij deden": findings, drafts and published.', errors: [[400, 'A bad filter.']] })
  @ApiOkResponse({ description: 'The findings with their frozen quotes.' })
  list(@Query() query: FindingsQueryDto, @CurrentScope() scope: StaffScope) {
    return this.findings.list(scope, query);
  }

  @Get(':id')
  @Scoped('finding')
  @ApiRoute({ summary: 'One finding with its frozen quotes and public history.', errors: [[404, 'Unknown id.']] })
  @ApiOkResponse({ description: 'The finding.' })
  get(@Param('id') id: string, @CurrentScope() scope: StaffScope) {
    return this.findings.get(scope, id);
  }

  @Post()
  @Roles('analyst')
  @ApiRoute({
    summary: 'Write a finding (a draft); the figures it quotes are copied from the results now (analyst, admin).',
    errors: [
      [
        400,
        'Invalid fields; a quote of another municipality, a budget dilemma or fewer than SUPPRESS_BELOW people (INVALID_QUOTE).',
      ],
    ],
  })
  @ApiCreatedResponse({ description: 'The finding with its frozen quotes.' })
  create(@Body() body: CreateFindingDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.findings.create(actor.userId, body);
  }

  @Patch(':id')
  @Roles('analyst')
  @ApiRoute({
    summary: 'Change a draft; once published only the response, outcome and agreements (each change in its public history).',
    errors: [
      [404, 'Unknown id.'],
      [409, 'The text, quotes or round of a published finding (FINDING_PUBLISHED).'],
    ],
  })
  @ApiOkResponse({ description: 'The finding.' })
  update(@Param('id') id: string, @Body() body: UpdateFindingDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.findings.update(actor.userId, id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('analyst')
  @ApiRoute({
    summary: 'draft → published: the finding appears on /terugkoppeling and in the letter.',
    errors: [
      [404, 'Unknown id.'],
      [409, 'Published already (FINDING_PUBLISHED).'],
    ],
  })
  @ApiOkResponse({ description: 'The finding.' })
  publish(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.findings.publish(actor.userId, id);
  }
}
