import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Tenant households per municipality: the weights of post-stratification (PUT /api/weights). */
@Entity({ name: 'municipality_weight' })
@Check('ck_municipality_weight_households', `households > 0`)
export class MunicipalityWeightEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_municipality_weight' })
  municipality: string;

  @Column({ type: 'int' })
  households: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
