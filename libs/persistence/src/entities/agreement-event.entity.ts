import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AgreementStatus } from '@hs/contracts';
import { AgreementEntity } from './agreement.entity';

/** The timeline of an agreement: each status move (with its date) and each mid-year evaluation note. */
@Entity({ name: 'agreement_event' })
@Check('ck_agreement_event_kind', `kind IN ('status', 'evaluation')`)
@Check('ck_agreement_event_status', `(kind = 'status') = (to_status IS NOT NULL)`)
@Index('ix_agreement_event_agreement', ['agreementId', 'id'])
export class AgreementEventEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_agreement_event',
  })
  id: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'fk_agreement_event_agreement' })
  agreement?: AgreementEntity;

  @Column({ type: 'text' })
  kind: 'status' | 'evaluation';

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: AgreementStatus | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: AgreementStatus | null;

  /** The calendar day it happened (a meeting's date may lie before the day it was entered). */
  @Column({ type: 'date' })
  on: string;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
