import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ParticipantGroup } from '@hs/contracts';
import { EveningEntity } from './evening.entity';

/**
 * A sign-up for an evening. Holds a name and maybe an e-mail address, so it is never linked to
 * anything a participant does at the evening (no foreign key from participant or vote to here).
 */
@Entity({ name: 'registration' })
@Check('ck_registration_group', `"group" IN ('tenant', 'tenant_org', 'stakeholder')`)
@Index('ix_registration_evening', ['eveningId'])
// One registration per e-mail address and evening, case-insensitive: an expression index (evening_id,
// lower(email)) made by migration 1795000005000, which TypeORM cannot describe, so it leaves it alone.
@Index('uq_registration_evening_email', { synchronize: false })
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'evening_id', type: 'uuid' })
  eveningId: string;

  @ManyToOne(() => EveningEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evening_id', foreignKeyConstraintName: 'fk_registration_evening' })
  evening?: EveningEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'group', type: 'text' })
  group: ParticipantGroup;

  @Column({ type: 'text', nullable: true })
  municipality: string | null;

  @Column({ name: 'consent_at', type: 'timestamptz' })
  consentAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
