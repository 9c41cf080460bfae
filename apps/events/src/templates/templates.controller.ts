import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type StaffPrincipal, TemplateService } from '@hs/domain';
import { DilemmaDto } from '../dilemmas/dilemma.dto';
import { CurrentStaff, Roles } from '@hs/http';
import { AddFromTemplateDto, CreateTemplateDto, TemplateDto, TemplateQueryDto, UpdateTemplateDto } from './template.dto';

@ApiTags('question bank')
@ApiBearerAuth()
@Roles('facilitator')
@Controller('api')
export class TemplatesController {
  constructor(private readonly templates: TemplateService) {}

  @Post('templates')
  @ApiOperation({ summary: 'Save a dilemma in the question bank (admin, facilitator); the same rules as a dilemma.' })
  @ApiCreatedResponse({ type: TemplateDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, rules of the kind broken, or an unknown theme.' })
  create(@Body() body: CreateTemplateDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.templates.create(actor.userId, body);
  }

  @Get('templates')
  @ApiOperation({ summary: 'The question bank, by theme and question (admin, facilitator).' })
  @ApiOkResponse({ type: [TemplateDto] })
  list(@Query() query: TemplateQueryDto) {
    return this.templates.list(query.theme);
  }

  @Get('templates/:id')
  @ApiOkResponse({ type: TemplateDto })
  @ApiNotFoundResponse({ description: 'Unknown template.' })
  get(@Param('id') id: string) {
    return this.templates.get(id);
  }

  @Patch('templates/:id')
  @ApiOperation({ summary: 'Change a template. Dilemmas already made from it keep their own copy and stay linked.' })
  @ApiOkResponse({ type: TemplateDto })
  @ApiNotFoundResponse({ description: 'Unknown template.' })
  update(@Param('id') id: string, @Body() body: UpdateTemplateDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.templates.update(actor.userId, id, body);
  }

  @Delete('templates/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a template from the bank; dilemmas made from it stay, and stay linked.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Unknown template.' })
  async remove(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    await this.templates.remove(actor.userId, id);
  }

  @Post('evenings/:id/dilemmas/from-template')
  @ApiOperation({
    summary: "Add a dilemma from the question bank at the end of an evening's agenda (draft, round 1).",
    description: 'The copy is linked by the template (linkKey template:<id>), so it is compared across evenings and rounds.',
  })
  @ApiCreatedResponse({ type: DilemmaDto })
  @ApiNotFoundResponse({ description: 'Unknown evening or template.' })
  @ApiConflictResponse({ description: 'The evening has ended.' })
  addToEvening(@Param('id') eveningId: string, @Body() body: AddFromTemplateDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.templates.addToEvening(actor.userId, eveningId, body.templateId);
  }
}
