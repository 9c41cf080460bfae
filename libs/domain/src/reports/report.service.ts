import { Injectable, Logger } from '@nestjs/common';
import { DomainError, jobIds, type PolicyInput, type ReportScope, type ReportView } from '@hs/contracts';
import { JobQueueRepository, type ReportEntity, ReportRepository } from '@hs/persistence';
import { AggregationService } from '../aggregation/aggregation.service';
import { FeedbackService } from '../accountability/feedback.service';
import { AuditService } from '../audit/audit.service';
import { renderCsv } from './report-csv';
import { renderPdf } from './report-pdf';

/** Reports: asked for over HTTP, rendered by the worker (queued → running → done | failed), exported once done. */
@Injectable()
export class ReportService {
  private readonly logger = new Logger('Reports');

  constructor(
    private readonly reports: ReportRepository,
    private readonly jobs: JobQueueRepository,
    private readonly aggregation: AggregationService,
    private readonly audit: AuditService,
    private readonly feedback: FeedbackService,
  ) {}

  async create(actorId: string, scope: ReportScope): Promise<{ id: string; status: 'queued' }> {
    await this.aggregation.checkScope(scope);
    const report = await this.reports.create(normalizeScope(scope), actorId);
    await this.jobs.enqueue('render-report', { reportId: report.id }, { jobId: jobIds.renderReport(report.id) });
    await this.audit.record(actorId, 'report.create', 'report', report.id, { scope: report.scope });
    return { id: report.id, status: 'queued' };
  }

  async view(id: string): Promise<ReportView> {
    const report = await this.reports.find(id);
    if (!report) throw new DomainError('REPORT_NOT_FOUND', 'Dit rapport bestaat niet.');
    return toView(report);
  }

  async csv(actorId: string, id: string): Promise<string> {
    const report = await this.reports.csv(id);
    if (!report) throw new DomainError('REPORT_NOT_FOUND', 'Dit rapport bestaat niet.');
    if (report.status !== 'done' || report.csv === null) throw notReady(report.status);
    await this.audit.record(actorId, 'report.export-csv', 'report', id);
    return report.csv;
  }

  async pdf(actorId: string, id: string): Promise<Buffer> {
    const report = await this.reports.pdf(id);
    if (!report) throw new DomainError('REPORT_NOT_FOUND', 'Dit rapport bestaat niet.');
    if (report.status !== 'done' || report.pdf === null) throw notReady(report.status);
    await this.audit.record(actorId, 'report.export-pdf', 'report', id);
    return report.pdf;
  }

  /**
   * Job 'render-report'. Everything it writes is a function of the scope, the counts and the report's
   * creation time, so a second run (after a crash, or by a second worker) stores the same report.
   */
  async render(reportId: string, progress: (percent: number) => Promise<void>): Promise<{ dilemmas: number }> {
    const report = await this.reports.find(reportId);
    if (!report) throw new DomainError('REPORT_NOT_FOUND', 'Dit rapport bestaat niet.');
    if (report.status === 'done') return { dilemmas: countDilemmas(report.result as PolicyInput | null) };
    await this.reports.markRunning(reportId);
    const step = async (percent: number) => {
      await this.reports.progress(reportId, percent);
      await progress(percent);
    };
    await step(10);
    const input = await this.aggregation.policyInput(report.scope);
    await step(50);
    const csv = renderCsv(input);
    await step(60);
    const pdf = await renderPdf(input, { createdAt: report.createdAt, feedback: await this.feedbackFor(report) });
    await step(90);
    await this.reports.finish(reportId, { result: input, csv, pdf });
    return { dilemmas: countDilemmas(input) };
  }

  /**
   * The findings published before the report was made, of its municipalities (all when it names none): a re-render
   * shows the same findings, and a finding's text and figures never change once published.
   */
  private async feedbackFor(report: ReportEntity) {
    const wanted = report.scope.municipalities?.map((m) => m.trim().toLocaleLowerCase('nl-NL'));
    const published = await this.feedback.published({});
    return published.filter(
      (f) =>
        new Date(f.publishedAt) <= report.createdAt &&
        (!wanted || wanted.includes(f.municipality.trim().toLocaleLowerCase('nl-NL'))),
    );
  }

  async fail(reportId: string, reason: string): Promise<void> {
    this.logger.warn(`report ${reportId} failed: ${reason}`);
    await this.reports.fail(reportId, reason);
  }
}

function notReady(status: string): DomainError {
  return new DomainError('REPORT_NOT_READY', `Het rapport is nog niet klaar (status: ${status}).`);
}

function countDilemmas(input: PolicyInput | null): number {
  return input?.themes.reduce((s, t) => s + t.dilemmas.length, 0) ?? 0;
}

/** Sorted, de-duplicated lists, so equal scopes are stored alike; absent lists stay absent (= everything). */
export function normalizeScope(scope: ReportScope): ReportScope {
  const out: ReportScope = {};
  if (scope.eveningIds) out.eveningIds = [...new Set(scope.eveningIds.map((id) => id.toLowerCase()))].sort();
  if (scope.themes) out.themes = [...new Set(scope.themes)].sort();
  if (scope.municipalities) out.municipalities = [...new Set(scope.municipalities.map((m) => m.trim()))].sort();
  return out;
}

function toView(report: ReportEntity): ReportView {
  return {
    id: report.id,
    status: report.status,
    progress: report.progress,
    scope: report.scope,
    ...(report.error ? { error: report.error } : {}),
    ...(report.status === 'done' && report.result ? { result: report.result as unknown as PolicyInput } : {}),
    createdAt: report.createdAt.toISOString(),
    ...(report.finishedAt ? { finishedAt: report.finishedAt.toISOString() } : {}),
  };
}
