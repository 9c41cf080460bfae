import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccountabilityExportService, type ExportFormat, READ_ALL, type StaffPrincipal } from '@hs/domain';
import { ApiRoute, CurrentStaff } from '@hs/http';
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
  @ApiProduces('text/csv')
  @ApiRoute({
    summary: 'The register as CSV: one row per item, in the glossary’s words (";", decimal comma, UTF-8 with BOM).',
    errors: [[400, 'A bad filter.']],
  })
  @ApiOkResponse({ description: 'The CSV file.' })
  async registerCsv(@Query() query: RegisterQueryDto, @CurrentStaff() actor: StaffPrincipal) {
    return file(await this.exports.registerExport(actor.userId, READ_ALL, query, 'csv'), 'afsprakenregister', 'csv');
  }

  @Get('register/export.xlsx')
  @ApiProduces(TYPES.xlsx)
  @ApiRoute({ summary: 'The register as XLSX: one row per item, in the glossary’s words.', errors: [[400, 'A bad filter.']] })
  @ApiOkResponse({ description: 'The XLSX workbook.' })
  async registerXlsx(@Query() query: RegisterQueryDto, @CurrentStaff() actor: StaffPrincipal) {
    return file(await this.exports.registerExport(actor.userId, READ_ALL, query, 'xlsx'), 'afsprakenregister', 'xlsx');
  }

  @Get('findings/export.csv')
  @ApiProduces('text/csv')
  @ApiRoute({
    summary: 'The findings ("u zei, wij deden") as CSV, with the quoted figures as published.',
    errors: [[400, 'A bad filter.']],
  })
  @ApiOkResponse({ description: 'The CSV file.' })
  async findingsCsv(@Query() query: FindingsQueryDto, @CurrentStaff() actor: StaffPrincipal) {
    return file(await this.exports.findingsExport(actor.userId, READ_ALL, query, 'csv'), 'u-zei-wij-deden', 'csv');
  }

  @Get('findings/export.xlsx')
  @ApiProduces(TYPES.xlsx)
  @ApiRoute({ summary: 'The findings ("u zei, wij deden") as XLSX.', errors: [[400, 'A bad filter.']] })
  @ApiOkResponse({ description: 'The XLSX workbook.' })
  async findingsXlsx(@Query() query: FindingsQueryDto, @CurrentStaff() actor: StaffPrincipal) {
    return file(await this.exports.findingsExport(actor.userId, READ_ALL, query, 'xlsx'), 'u-zei-wij-deden', 'xlsx');
  }
}
