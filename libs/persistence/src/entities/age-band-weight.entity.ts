import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Tenant households per age band: the optional second margin of the weights (raking). */
@Entity({ name: 'age_band_weight' })
@Check('ck_age_band_weight_households', `households > 0`)
export class AgeBandWeightEntity {
  @PrimaryColumn({ name: 'age_band', type: 'text', primaryKeyConstraintName: 'pk_age_band_weight' })
  ageBand: string;

  @Column({ type: 'int' })
  households: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
