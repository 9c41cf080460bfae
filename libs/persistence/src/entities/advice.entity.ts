import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgreementEntity } from './agreement.entity';

/** Formal advice (adviesrecht) of a tenant organisation on a bid item or agreement, and the corporation's written response. */
@Entity({ name: 'advice' })
@Check('ck_advice_response', `(response IS NULL) = (responded_on IS NULL)`)
@Index('ix_advice_agreement', ['agreementId'])
export class AdviceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_advice' })
  id: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'fk_advice_agreement' })
  agreement?: AgreementEntity;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'given_on', type: 'date' })
  givenOn: string;

  @Column({ name: 'given_by', type: 'uuid', nullable: true })
  givenBy: string | null;

  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Column({ name: 'responded_on', type: 'date', nullable: true })
  respondedOn: string | null;

  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
