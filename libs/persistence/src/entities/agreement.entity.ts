import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AgreementParty, AgreementStatus } from '@hs/contracts';
import { WoonvisieThemeEntity } from './woonvisie-theme.entity';

/**
 * An item of the agreements register: part of the bid (status `bod`) or a performance agreement, with the party
 * that carries it out. Its history of status moves and mid-year evaluations is in agreement_event.
 */
@Entity({ name: 'agreement' })
@Check('ck_agreement_status', `status IN ('bod', 'afgesproken', 'in_uitvoering', 'gerealiseerd', 'vervallen')`)
@Check('ck_agreement_party', `party IN ('corporatie', 'gemeente', 'huurdersorganisatie')`)
@Check('ck_agreement_year', `year BETWEEN 2000 AND 2100`)
@Index('ix_agreement_municipality_year', ['municipality', 'year'])
export class AgreementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agreement' })
  id: string;

  @Column({ type: 'text' })
  municipality: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'theme_id', type: 'uuid', nullable: true })
  themeId: string | null;

  @ManyToOne(() => WoonvisieThemeEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'theme_id', foreignKeyConstraintName: 'fk_agreement_theme' })
  theme?: WoonvisieThemeEntity;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  party: AgreementParty;

  @Column({ type: 'text' })
  status: AgreementStatus;

  /** The date (Europe/Amsterdam calendar day) the current status took effect. */
  @Column({ name: 'status_since', type: 'date' })
  statusSince: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
