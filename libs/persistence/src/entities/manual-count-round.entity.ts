import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DilemmaEntity } from './dilemma.entity';

/** What the hand counts of one round stand for: how many people, a note, who changed them last and when. */
@Entity({ name: 'manual_count_round' })
@Check('ck_manual_count_round_round', `round >= 1`)
@Check('ck_manual_count_round_respondents', `respondents >= 0`)
@Unique('uq_manual_count_round', ['dilemmaId', 'round'])
export class ManualCountRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'dilemma_id', type: 'uuid' })
  dilemmaId: string;

  @ManyToOne(() => DilemmaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dilemma_id', foreignKeyConstraintName: 'fk_manual_count_round_dilemma' })
  dilemma?: DilemmaEntity;

  @Column({ type: 'int' })
  round: number;

  /**
   * How many people the round's counts stand for (choice and scale: the sum; budget: points / budget;
   * multi: given by the facilitator, else the largest count).
   */
  @Column({ type: 'int' })
  respondents: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
