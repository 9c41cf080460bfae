import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccountabilityExportService, type ExportFormat, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { ApiRoute, CurrentScope, CurrentStaff, Scoped } from '@hs/http';
import { FindingsQueryDto } from './finding.dto';
import { RegisterQueryDto } from './register.dto';

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function file(bytes: Buffer, name: string, format: ExportFormat): StreamableFile {
  return new StreamableFile(bytes, { type: TYPES[format], disposition: `attachment; filename="${name}.${format}"` });
}

@ApiTags('register')
@Controller('api')
export class AccountabilityExportsController {
  constructor(private readonly exports: AccountabilityExportService) {}

  @Get('register/export.csv')
  @Scoped()
  @ApiProduces('text/csv')
  @ApiRoute({
    summary: 'The register as CSV: one row per item, in the glossary’s words (";", decimal comma, UTF-8 with BOM).',
    errors: [[400, 'A bad filter.']],
  })
  @ApiOkResponse({ description: 'The CSV file.' })
  async registerCsv(@Query() query: RegisterQueryDto, @CurrentStaff() actor: StaffPrincipal, @CurrentScope() scope: StaffScope) {
    return file(await this.exports.registerExport(actor.userId, scope, query, 'csv'), 'afsprakenregister', 'csv');
  }

  @Get('register/export.xlsx')
  @Scoped()
  @ApiProduces(TYPES.xlsx)
  @ApiRoute({ summary: 'The register as XLSX: one row per item, in the glossary’s words.', errors: [[400, 'A bad filter.']] })
  @ApiOkResponse({ description: 'The XLSX workbook.' })
  async registerXlsx(@Query() query: RegisterQueryDto, @CurrentStaff() actor: StaffPrincipal, @CurrentScope() scope: StaffScope) {
    return file(await this.exports.registerExport(actor.userId, scope, query, 'xlsx'), 'afsprakenregister', 'xlsx');
  }

  @Get('findings/export.csv')
  @Scoped()
  @ApiProduces('text/csv')
  @ApiRoute({
    summary: 'The findings ("u zei, wij deden") as CSV, with the quoted figures as published.',
    errors: [[400, 'A bad filter.']],
  })
  @ApiOkResponse({ description: 'The CSV file.' })
  async findingsCsv(@Query() query: FindingsQueryDto, @CurrentStaff() actor: StaffPrincipal, @CurrentScope() scope: StaffScope) {
    return file(await this.exports.findingsExport(actor.userId, scope, query, 'csv'), 'u-zei-wij-deden', 'csv');
  }

  @Get('findings/export.xlsx')
  @Scoped()
  @ApiProduces(TYPES.xlsx)
  @ApiRoute({ summary: 'The findings ("u zei, wij deden") as XLSX.', errors: [[400, 'A bad filter.']] })
  @ApiOkResponse({ description: 'The XLSX workbook.' })
  async findingsXlsx(@Query() query: FindingsQueryDto, @CurrentStaff() actor: StaffPrincipal, @CurrentScope() scope: StaffScope) {
    return file(await this.exports.findingsExport(actor.userId, scope, query, 'xlsx'), 'u-zei-wij-deden', 'xlsx');
  }
}
