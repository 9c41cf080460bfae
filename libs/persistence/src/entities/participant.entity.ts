import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AgeBand, ParticipantGroup } from '@hs/contracts';
import { EveningEntity } from './evening.entity';

/** An anonymous phone (or hand-held card) at an evening: nothing here names a person. */
@Entity({ name: 'participant' })
@Check('ck_participant_group', `"group" IS NULL OR "group" IN ('tenant', 'tenant_org', 'stakeholder')`)
@Index('ix_participant_evening', ['eveningId'])
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'evening_id', type: 'uuid' })
  eveningId: string;

  @ManyToOne(() => EveningEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evening_id', foreignKeyConstraintName: 'fk_participant_evening' })
  evening?: EveningEntity;

  @Column({ name: 'group', type: 'text', nullable: true })
  group: ParticipantGroup | null;

  @Column({ type: 'text', nullable: true })
  municipality: string | null;

  @Column({ name: 'age_band', type: 'text', nullable: true })
  ageBand: AgeBand | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
