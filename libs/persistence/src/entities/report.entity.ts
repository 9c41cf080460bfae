import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReportScope, ReportStatus } from '@hs/contracts';

/** A report an analyst asked for: queued → running → done | failed, with its exports once done. */
@Entity({ name: 'report' })
@Check('ck_report_status', `status IN ('queued', 'running', 'done', 'failed')`)
@Check('ck_report_progress', `progress BETWEEN 0 AND 100`)
@Index('ix_report_created_at', ['createdAt'])
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_report' })
  id: string;

  @Column({ type: 'text', default: 'queued' })
  status: ReportStatus;

  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ type: 'jsonb' })
  scope: ReportScope;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  csv: string | null;

  @Column({ type: 'bytea', nullable: true })
  pdf: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  xlsx: Buffer | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
