import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DilemmaEntity } from './dilemma.entity';

/**
 * The stored count of one dilemma round (raw tallies per option and segment, see statistics/tally.ts).
 * Upserted by the aggregation jobs, so a job that runs twice leaves one row with the same content.
 * Raw small counts live here; only suppressed summaries ever leave the server.
 */
@Entity({ name: 'dilemma_result' })
export class DilemmaResultEntity {
  @PrimaryColumn({ name: 'dilemma_id', type: 'uuid', primaryKeyConstraintName: 'pk_dilemma_result' })
  dilemmaId: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_dilemma_result' })
  round: number;

  @ManyToOne(() => DilemmaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dilemma_id', foreignKeyConstraintName: 'fk_dilemma_result_dilemma' })
  dilemma?: DilemmaEntity;

  @Column({ type: 'jsonb' })
  tally: Record<string, unknown>;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}
