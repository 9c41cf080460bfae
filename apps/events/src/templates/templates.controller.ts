import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type StaffPrincipal, TemplateService } from '@hs/domain';
import { DilemmaDto } from '../dilemmas/dilemma.dto';
import { ApiRoute, CurrentStaff, Roles } from '@hs/http';
import { AddFromTemplateDto, CreateTemplateDto, TemplateDto, TemplateQueryDto, UpdateTemplateDto } from './template.dto';

@ApiTags('question bank')
@Roles('facilitator')
@Controller('api')
export class TemplatesController {
  constructor(private readonly templates: TemplateService) {}

  @Post('templates')
  @ApiRoute({
    summary: 'Save a dilemma in the question bank (admin, facilitator), with its Frisian and English texts.',
    description:
      'The same fields and rules as a dilemma, translations included: `translations: {fy?, en?}` on the template and on each option; a missing or empty text falls back to the Dutch.',
    errors: [
      [
        400,
        'Invalid fields (a language other than fy or en, a text of the wrong type or too long), rules of the kind broken (INVALID_DILEMMA), or an unknown theme (UNKNOWN_THEME).',
      ],
    ],
  })
  @ApiCreatedResponse({ type: TemplateDto })
  create(@Body() body: CreateTemplateDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.templates.create(actor.userId, body);
  }

  @Get('templates')
  @ApiRoute({ summary: 'The question bank, by theme and question (admin, facilitator).', errors: [[400, 'A bad theme filter.']] })
  @ApiOkResponse({ type: [TemplateDto] })
  list(@Query() query: TemplateQueryDto) {
    return this.templates.list(query.theme);
  }

  @Get('templates/:id')
  @ApiRoute({ summary: 'One template of the question bank.', errors: [[404, 'Unknown template.']] })
  @ApiOkResponse({ type: TemplateDto })
  get(@Param('id') id: string) {
    return this.templates.get(id);
  }

  @Patch('templates/:id')
  @ApiRoute({
    summary: 'Change a template, translations included. Dilemmas already made from it keep their own copy and stay linked.',
    description:
      'Given `translations` (or `options`, with theirs) replace the old ones: a text left out or empty is removed. Fields not given stay.',
    errors: [
      [400, 'Invalid fields, rules of the kind broken, or an unknown theme.'],
      [404, 'Unknown template.'],
    ],
  })
  @ApiOkResponse({ type: TemplateDto })
  update(@Param('id') id: string, @Body() body: UpdateTemplateDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.templates.update(actor.userId, id, body);
  }

  @Delete('templates/:id')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Remove a template from the bank; dilemmas made from it stay, and stay linked.',
    errors: [[404, 'Unknown template.']],
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  async remove(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal) {
    await this.templates.remove(actor.userId, id);
  }

  @Post('evenings/:id/dilemmas/from-template')
  @ApiRoute({
    summary: "Add a dilemma from the question bank, translations included, at the end of an evening's agenda (draft, round 1).",
    description:
      'The copy is linked by the template (linkKey template:<id>), so it is compared across evenings and rounds, and carries the template’s Frisian and English texts.',
    errors: [
      [404, 'Unknown evening or template.'],
      [409, 'The evening has ended (EVENING_ENDED).'],
    ],
  })
  @ApiCreatedResponse({ type: DilemmaDto })
  addToEvening(@Param('id') eveningId: string, @Body() body: AddFromTemplateDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.templates.addToEvening(actor.userId, eveningId, body.templateId);
  }
}
