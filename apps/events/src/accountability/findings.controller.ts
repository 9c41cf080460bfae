import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { FindingService, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { CurrentScope, CurrentStaff, Roles, Scoped } from '@hs/http';
import { CreateFindingDto, FindingsQueryDto, UpdateFindingDto } from './finding.dto';

@ApiTags('findings')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad staff token.' })
@Controller('api/findings')
export class FindingsController {
  constructor(private readonly findings: FindingService) {}

  @Get()
  @Scoped()
  @ApiOperation({ summary: '"U zei, wij deden": findings, drafts and published.' })
  list(@Query() query: FindingsQueryDto, @CurrentScope() scope: StaffScope) {
    return this.findings.list(scope, query);
  }

  @Get(':id')
  @Scoped('finding')
  @ApiNotFoundResponse({ description: 'Unknown id.' })
  get(@Param('id') id: string, @CurrentScope() scope: StaffScope) {
    return this.findings.get(scope, id);
  }

  @Post()
  @Roles('analyst')
  @ApiOperation({ summary: 'Write a finding (a draft); the figures it quotes are copied from the results now (analyst, admin).' })
  @ApiCreatedResponse({ description: 'The finding with its frozen quotes.' })
  @ApiBadRequestResponse({
    description: 'Invalid fields; a quote of another municipality, a budget dilemma or fewer than SUPPRESS_BELOW people.',
  })
  create(@Body() body: CreateFindingDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.findings.create(actor.userId, body);
  }

  @Patch(':id')
  @Roles('analyst')
  @ApiOperation({
    summary: 'Change a draft; once published only the response, outcome and agreements (each change in its public history).',
  })
  @ApiConflictResponse({ description: 'The text, quotes or round of a published finding (FINDING_PUBLISHED).' })
  @ApiNotFoundResponse({ description: 'Unknown id.' })
  update(@Param('id') id: string, @Body() body: UpdateFindingDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.findings.update(actor.userId, id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: 'draft → published: the finding appears on /terugkoppeling and in the letter.' })
  @ApiConflictResponse({ description: 'Published already.' })
  @ApiNotFoundResponse({ description: 'Unknown id.' })
  publish(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.findings.publish(actor.userId, id);
  }
}
