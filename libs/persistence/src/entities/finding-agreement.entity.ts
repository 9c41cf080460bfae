import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgreementEntity } from './agreement.entity';
import { FindingEntity } from './finding.entity';

/** Which agreements answer a finding. */
@Entity({ name: 'finding_agreement' })
@Index('ix_finding_agreement_agreement', ['agreementId'])
export class FindingAgreementEntity {
  @PrimaryColumn({ name: 'finding_id', type: 'uuid', primaryKeyConstraintName: 'pk_finding_agreement' })
  findingId: string;

  @PrimaryColumn({ name: 'agreement_id', type: 'uuid', primaryKeyConstraintName: 'pk_finding_agreement' })
  agreementId: string;

  @ManyToOne(() => FindingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'finding_id', foreignKeyConstraintName: 'fk_finding_agreement_finding' })
  finding?: FindingEntity;

  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'fk_finding_agreement_agreement' })
  agreement?: AgreementEntity;
}
