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
import { ConsultationRoundEntity } from './consultation-round.entity';
import type { EveningStatus, JoinMode } from '@hs/contracts';

@Entity({ name: 'evening' })
@Check('ck_evening_status', `status IN ('draft', 'published', 'live', 'ended')`)
@Check('ck_evening_join_mode', `join_mode IN ('open', 'cards')`)
@Check('ck_evening_capacity', `capacity IS NULL OR capacity > 0`)
@Check('ck_evening_join_code', `join_code ~ '^[A-HJKMNP-Z2-9]{6}$'`)
@Index('uq_evening_join_code_not_ended', { synchronize: false })
@Index('ix_evening_round', ['roundId'])
export class EveningEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  municipality: string;

  /** Further municipalities the evening serves (the tenant picks one of all of them when joining). */
  @Column({ name: 'other_municipalities', type: 'text', array: true, default: () => "'{}'" })
  otherMunicipalities: string[];

  @Column({ type: 'text' })
  venue: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  /** Null: no limit on registrations. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ name: 'join_mode', type: 'text', default: 'open' })
  joinMode: JoinMode;

  @Column({ type: 'text', default: 'draft' })
  status: EveningStatus;

  @Column({ name: 'join_code', type: 'char', length: 6 })
  joinCode: string;

  /** The consultation round the evening belongs to (every evening belongs to one). */
  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @ManyToOne(() => ConsultationRoundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'fk_evening_round' })
  round?: ConsultationRoundEntity;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
