import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { FindingOutcome } from '@hs/contracts';
import { FindingEntity } from './finding.entity';

/** The public history of a finding: when it was published, when its outcome or response changed afterwards. */
@Entity({ name: 'finding_event' })
@Check('ck_finding_event_kind', `kind IN ('published', 'outcome', 'response')`)
@Index('ix_finding_event_finding', ['findingId', 'id'])
export class FindingEventEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_finding_event',
  })
  id: string;

  @Column({ name: 'finding_id', type: 'uuid' })
  findingId: string;

  @ManyToOne(() => FindingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'finding_id', foreignKeyConstraintName: 'fk_finding_event_finding' })
  finding?: FindingEntity;

  @Column({ type: 'text' })
  kind: 'published' | 'outcome' | 'response';

  @Column({ type: 'text', nullable: true })
  outcome: FindingOutcome | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
