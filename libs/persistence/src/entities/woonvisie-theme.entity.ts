import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A theme of a municipality's housing vision (woonvisie) for one year; bid items and agreements hang under it. */
@Entity({ name: 'woonvisie_theme' })
@Check('ck_woonvisie_theme_year', `year BETWEEN 2000 AND 2100`)
@Index('ix_woonvisie_theme_municipality_year', ['municipality', 'year'])
export class WoonvisieThemeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_woonvisie_theme' })
  id: string;

  @Column({ type: 'text' })
  municipality: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
