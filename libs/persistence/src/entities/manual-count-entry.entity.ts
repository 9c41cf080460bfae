import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DilemmaEntity } from './dilemma.entity';

/**
 * A hand count: one entry per option (scale: per value "1".."5") per round. A correction replaces the entry
 * (the unique constraint is the real guard against two entries adding up); who entered it and when are kept.
 */
@Entity({ name: 'manual_count_entry' })
@Check('ck_manual_count_entry_round', `round >= 1`)
@Check('ck_manual_count_entry_count', `count >= 0`)
@Unique('uq_manual_count_entry_key', ['dilemmaId', 'round', 'optionKey'])
export class ManualCountEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'dilemma_id', type: 'uuid' })
  dilemmaId: string;

  @ManyToOne(() => DilemmaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dilemma_id', foreignKeyConstraintName: 'fk_manual_count_entry_dilemma' })
  dilemma?: DilemmaEntity;

  @Column({ type: 'int' })
  round: number;

  /** The option's id, or the scale value "1".."5". */
  @Column({ name: 'option_key', type: 'text' })
  optionKey: string;

  /** People (budget: points) counted by hand for this option. */
  @Column({ type: 'int' })
  count: number;

  @Column({ name: 'entered_by', type: 'uuid', nullable: true })
  enteredBy: string | null;

  @Column({ name: 'entered_at', type: 'timestamptz', default: () => 'now()' })
  enteredAt: Date;
}
