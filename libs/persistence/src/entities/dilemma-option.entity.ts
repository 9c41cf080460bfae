import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { OptionTranslations } from '@hs/contracts';
import { DilemmaEntity } from './dilemma.entity';

@Entity({ name: 'dilemma_option' })
@Unique('uq_dilemma_option_position', ['dilemmaId', 'position'])
@Check('ck_dilemma_option_translations', `jsonb_typeof(translations) = 'object'`)
export class DilemmaOptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'dilemma_id', type: 'uuid' })
  dilemmaId: string;

  @ManyToOne(() => DilemmaEntity, (dilemma) => dilemma.options, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dilemma_id', foreignKeyConstraintName: 'fk_dilemma_option_dilemma' })
  dilemma?: DilemmaEntity;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text', nullable: true })
  consequence: string | null;

  /** Frisian and English label and consequence; Dutch (above) is required and the fallback. */
  @Column({ type: 'jsonb', default: {} })
  translations: OptionTranslations;
}
