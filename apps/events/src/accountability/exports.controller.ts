import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AccountabilityExportService, type ExportFormat, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { CurrentScope, CurrentStaff, Scoped } from '@hs/http';
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
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad staff token.' })
@Controller('api')
export class AccountabilityExportsController {
  constructor(private readonly exports: AccountabilityExportService) {}

  @Get('register/export.csv')
  @Scoped()
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The register as CSV: one row per item, in the glossary’s words (";", decimal comma, UTF-8 with BOM).',
  })
  async registerCsv(@Query() query: RegisterQueryDto, @CurrentStaff() actor: StaffPrincipal, @CurrentScope() scope: StaffScope) {
    return file(await this.exports.registerExport(actor.userId, scope, query, 'csv'), 'afsprakenregister', 'csv');
  }

  @Get('register/export.xlsx')
  @Scoped()
  @ApiProduces(TYPES.xlsx)
  @ApiOperation({ summary: 'The register as XLSX: one row per item, in the glossary’s words.' })
  async registerXlsx(@Query() query: RegisterQueryDto, @CurrentStaff() actor: StaffPrincipal, @CurrentScope() scope: StaffScope) {
    return file(await this.exports.registerExport(actor.userId, scope, query, 'xlsx'), 'afsprakenregister', 'xlsx');
  }

  @Get('findings/export.csv')
  @Scoped()
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The findings ("u zei, wij deden") as CSV, with the quoted figures as published.' })
  async findingsCsv(@Query() query: FindingsQueryDto, @CurrentStaff() actor: StaffPrincipal, @CurrentScope() scope: StaffScope) {
    return file(await this.exports.findingsExport(actor.userId, scope, query, 'csv'), 'u-zei-wij-deden', 'csv');
  }

  @Get('findings/export.xlsx')
  @Scoped()
  @ApiProduces(TYPES.xlsx)
  @ApiOperation({ summary: 'The findings ("u zei, wij deden") as XLSX.' })
  async findingsXlsx(@Query() query: FindingsQueryDto, @CurrentStaff() actor: StaffPrincipal, @CurrentScope() scope: StaffScope) {
    return file(await this.exports.findingsExport(actor.userId, scope, query, 'xlsx'), 'u-zei-wij-deden', 'xlsx');
  }
}
