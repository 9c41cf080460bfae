import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A consultation round (raadplegingsronde): the evenings of one year's cycle towards the performance agreements. */
@Entity({ name: 'consultation_round' })
@Check('ck_consultation_round_year', `year BETWEEN 2000 AND 2100`)
@Check('ck_consultation_round_period', `starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on`)
@Index('uq_consultation_round_year_name', { synchronize: false })
export class ConsultationRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  year: number;

  /** Calendar dates (no time, no zone): YYYY-MM-DD. */
  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
