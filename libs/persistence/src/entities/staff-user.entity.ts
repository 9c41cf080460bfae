import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffRole } from '@hs/contracts';

@Entity({ name: 'staff_user' })
@Check('ck_staff_user_role', `role IN ('admin', 'facilitator', 'analyst', 'tenant_org', 'municipality')`)
@Check('ck_staff_user_scope', `(role IN ('tenant_org', 'municipality')) = (cardinality(municipalities) > 0)`)
@Index('uq_staff_user_email', { synchronize: false })
export class StaffUserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; uniqueness is on lower(email) in the migration. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: StaffRole;

  /** The municipalities a tenant_org or municipality account may read; empty for every other role. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  municipalities: string[];

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
