import { Injectable } from '@nestjs/common';
import { RegisterRepository } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';
import { FindingService } from './finding.service';
import type { StaffScope } from '../scope/staff-scope';
import { type RegisterQuery, RegisterService } from './register.service';
import { type ExportTable, findingsTable, registerTable, tableCsv, tableXlsx } from './register-export';
import { toEventView } from './register-views';

export type ExportFormat = 'csv' | 'xlsx';

/** CSV and XLSX of the register and the findings, narrowed to the caller's municipalities; each export audited. */
@Injectable()
export class AccountabilityExportService {
  constructor(
    private readonly register: RegisterService,
    private readonly findings: FindingService,
    private readonly repo: RegisterRepository,
    private readonly audit: AuditService,
  ) {}

  async registerExport(actorId: string, scope: StaffScope, query: RegisterQuery, format: ExportFormat): Promise<Buffer> {
    const items = await this.register.listAgreements(scope, query);
    const events = await this.repo.events(items.map((a) => a.id));
    const timelines = new Map(items.map((a) => [a.id, events.filter((e) => e.agreementId === a.id).map(toEventView)]));
    await this.audit.record(actorId, 'register.export', 'agreement', null, { format, rows: items.length });
    return this.render(registerTable(items, timelines), format);
  }

  async findingsExport(
    actorId: string,
    scope: StaffScope,
    query: { municipality?: string; roundId?: string },
    format: ExportFormat,
  ) {
    const findings = await this.findings.list(scope, query);
    const agreements = await this.repo.findAgreements([...new Set(findings.flatMap((f) => f.agreementIds))]);
    await this.audit.record(actorId, 'findings.export', 'finding', null, { format, rows: findings.length });
    return this.render(findingsTable(findings, new Map(agreements.map((a) => [a.id, a.text]))), format);
  }

  private async render(table: ExportTable, format: ExportFormat): Promise<Buffer> {
    return format === 'csv' ? Buffer.from(tableCsv(table), 'utf8') : tableXlsx(table, new Date());
  }
}
