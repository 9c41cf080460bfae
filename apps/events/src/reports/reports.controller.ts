import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ReportService, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { ApiRoute, CurrentScope, CurrentStaff, Roles, Scoped } from '@hs/http';
import { CreateReportDto } from './reports.dto';

@ApiTags('reports')
@Roles('analyst')
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportService) {}

  @Post()
  @HttpCode(202)
  @Scoped()
  @ApiRoute({
    summary: 'Queue a report (analyst, admin, tenant_org, municipality); the worker renders it.',
    errors: [[400, 'Invalid fields, or a scope that is not valid: an unknown evening, theme or group (INVALID_SCOPE).']],
    description:
      'A tenant_org or municipality account gets a report of its own municipalities: without municipalities, all of them; ' +
      'another municipality or an evening of one: 403.',
  })
  @ApiAcceptedResponse({ description: '{id, status: "queued"}' })
  create(@Body() body: CreateReportDto, @CurrentStaff() actor: StaffPrincipal, @CurrentScope() scope: StaffScope) {
    return this.reports.create(actor.userId, body, scope);
  }

  @Get(':id')
  @Scoped('report')
  @ApiRoute({
    summary: 'Status, progress (0–100), error when failed, result when done.',
    errors: [
      [400, 'An id that is not a UUID.'],
      [404, 'Unknown report.'],
    ],
  })
  @ApiOkResponse({ description: '{id, status, progress, error, result}' })
  view(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.reports.view(id);
  }

  @Get(':id/export.csv')
  @Scoped('report')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.' })
  @ApiRoute({
    summary: 'CSV export of a report (409 until done).',
    errors: [
      [400, 'An id that is not a UUID.'],
      [404, 'Unknown report.'],
      [409, 'Not done yet (REPORT_NOT_READY).'],
    ],
    description:
      'Long form, one measurement per row; ";" separated, decimal comma, UTF-8 with BOM: opens in Excel with Dutch settings.',
  })
  async csv(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() actor: StaffPrincipal) {
    const csv = await this.reports.csv(actor.userId, id);
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="huurdersstem-rapport-${id}.csv"`,
    });
  }

  @Get(':id/export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The XLSX workbook.' })
  @ApiRoute({
    summary: 'XLSX export of a report (409 until done).',
    errors: [
      [400, 'An id that is not a UUID.'],
      [404, 'Unknown report.'],
      [409, 'Not done yet (REPORT_NOT_READY).'],
    ],
    description:
      'One sheet per view (Totaal, Groepen, Gemeenten, Leeftijd, Avonden, Weging, Verschuiving, Gevolgen, Verschillen) ' +
      'with number formats, and a Codeboek sheet explaining every column; suppressed rows are empty and marked.',
  })
  async xlsx(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() actor: StaffPrincipal) {
    const xlsx = await this.reports.xlsx(actor.userId, id);
    return new StreamableFile(xlsx, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="huurdersstem-rapport-${id}.xlsx"`,
    });
  }

  @Get(':id/export.pdf')
  @Scoped('report')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF report.' })
  @ApiRoute({
    summary: 'PDF report in Dutch (409 until done).',
    errors: [
      [400, 'An id that is not a UUID.'],
      [404, 'Unknown report.'],
      [409, 'Not done yet (REPORT_NOT_READY).'],
    ],
  })
  async pdf(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() actor: StaffPrincipal) {
    const pdf = await this.reports.pdf(actor.userId, id);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="huurdersstem-rapport-${id}.pdf"`,
    });
  }
}
