import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DilemmaEntity } from './dilemma.entity';

/** Hand-counted or paper votes for one round; several entries for a round add up. */
@Entity({ name: 'manual_count' })
@Check('ck_manual_count_round', `round >= 1`)
@Check('ck_manual_count_respondents', `respondents >= 0`)
@Index('ix_manual_count_dilemma_round', ['dilemmaId', 'round'])
export class ManualCountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'dilemma_id', type: 'uuid' })
  dilemmaId: string;

  @ManyToOne(() => DilemmaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dilemma_id', foreignKeyConstraintName: 'fk_manual_count_dilemma' })
  dilemma?: DilemmaEntity;

  @Column({ type: 'int' })
  round: number;

  /** optionId (or scale value "1".."5") → number of people. */
  @Column({ type: 'jsonb' })
  counts: Record<string, number>;

  /**
   * How many people these counts stand for (choice and scale: the sum; budget: points / budget;
   * multi: given by the facilitator, else the largest count).
   */
  @Column({ type: 'int' })
  respondents: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
