import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ReportScope } from '@hs/contracts';
import { ReportEntity } from '../entities';

/** Reports and their exports. Every write names the report by id, so a job run twice writes the same row. */
@Injectable()
export class ReportRepository {
  constructor(@InjectRepository(ReportEntity) private readonly reports: Repository<ReportEntity>) {}

  create(scope: ReportScope, createdBy: string | null): Promise<ReportEntity> {
    return this.reports.save(this.reports.create({ scope, createdBy, status: 'queued', progress: 0 }));
  }

  /** Without the (large) exports. */
  find(id: string): Promise<ReportEntity | null> {
    return this.reports.findOne({
      where: { id },
      select: {
        id: true,
        status: true,
        progress: true,
        scope: true,
        error: true,
        result: true,
        createdBy: true,
        startedAt: true,
        finishedAt: true,
        createdAt: true,
        updatedAt: true,
      },
    });
  }

  async csv(id: string): Promise<Pick<ReportEntity, 'id' | 'status' | 'csv'> | null> {
    return this.reports.findOne({ where: { id }, select: { id: true, status: true, csv: true } });
  }

  async pdf(id: string): Promise<Pick<ReportEntity, 'id' | 'status' | 'pdf'> | null> {
    return this.reports.findOne({ where: { id }, select: { id: true, status: true, pdf: true } });
  }

  async xlsx(id: string): Promise<Pick<ReportEntity, 'id' | 'status' | 'xlsx'> | null> {
    return this.reports.findOne({ where: { id }, select: { id: true, status: true, xlsx: true } });
  }

  /** queued/running/failed → running (a retry after a crash runs again); a finished report stays done. */
  async markRunning(id: string): Promise<boolean> {
    const result = await this.reports
      .createQueryBuilder()
      .update()
      .set({ status: 'running', progress: 1, error: null, startedAt: () => 'now()' })
      .where('id = :id AND status <> :done', { id, done: 'done' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async progress(id: string, progress: number): Promise<void> {
    await this.reports
      .createQueryBuilder()
      .update()
      .set({ progress })
      .where('id = :id AND status = :running AND progress < :progress', { id, running: 'running', progress })
      .execute();
  }

  async finish(id: string, output: { result: unknown; csv: string; pdf: Buffer; xlsx: Buffer }): Promise<void> {
    await this.reports.query(
      `UPDATE report SET status = 'done', progress = 100, error = NULL, result = $2::jsonb, csv = $3, pdf = $4,
         xlsx = $5, finished_at = now(), updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(output.result), output.csv, output.pdf, output.xlsx],
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.reports
      .createQueryBuilder()
      .update()
      .set({ status: 'failed', error: error.slice(0, 2000), finishedAt: () => 'now()' })
      .where('id = :id AND status <> :done', { id, done: 'done' })
      .execute();
  }
}
