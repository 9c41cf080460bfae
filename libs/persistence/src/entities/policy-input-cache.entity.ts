import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A stored policy input: `all` (the full recompute) or `evening:<id>` (written when an evening ends). */
@Entity({ name: 'policy_input_cache' })
export class PolicyInputCacheEntity {
  @PrimaryColumn({ name: 'scope_key', type: 'text', primaryKeyConstraintName: 'pk_policy_input_cache' })
  scopeKey: string;

  @Column({ type: 'jsonb' })
  result: Record<string, unknown>;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}
