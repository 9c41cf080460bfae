import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { DilemmaKind, DilemmaStatus, DilemmaTranslations } from '@hs/contracts';
import { EveningEntity } from './evening.entity';
import { ThemeEntity } from './theme.entity';
import { DilemmaOptionEntity } from './dilemma-option.entity';

@Entity({ name: 'dilemma' })
@Check('ck_dilemma_kind', `kind IN ('choice', 'multi', 'budget', 'scale')`)
@Check('ck_dilemma_status', `status IN ('draft', 'open', 'closed')`)
@Check('ck_dilemma_round', `round >= 1`)
@Check('ck_dilemma_budget', `(kind = 'budget') = (budget IS NOT NULL)`)
@Check('ck_dilemma_max_choices', `max_choices IS NULL OR max_choices >= 1`)
@Check('ck_dilemma_translations', `jsonb_typeof(translations) = 'object'`)
@Unique('uq_dilemma_evening_position', ['eveningId', 'position'])
@Check('ck_dilemma_countdown_seconds', `countdown_seconds IS NULL OR countdown_seconds BETWEEN 5 AND 3600`)
@Index('uq_dilemma_one_open_per_evening', { synchronize: false })
@Index('ix_dilemma_countdown_due', { synchronize: false })
export class DilemmaEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'evening_id', type: 'uuid' })
  eveningId: string;

  @ManyToOne(() => EveningEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evening_id', foreignKeyConstraintName: 'fk_dilemma_evening' })
  evening?: EveningEntity;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'theme', type: 'text' })
  theme: string;

  @ManyToOne(() => ThemeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'theme', foreignKeyConstraintName: 'fk_dilemma_theme' })
  themeRef?: ThemeEntity;

  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Frisian and English question and description; Dutch (above) is required and the fallback. */
  @Column({ type: 'jsonb', default: {} })
  translations: DilemmaTranslations;

  @Column({ type: 'text' })
  kind: DilemmaKind;

  @Column({ name: 'max_choices', type: 'int', nullable: true })
  maxChoices: number | null;

  @Column({ type: 'int', nullable: true })
  budget: number | null;

  @Column({ type: 'text', default: 'draft' })
  status: DilemmaStatus;

  @Column({ type: 'int', default: 1 })
  round: number;

  @Column({ type: 'boolean', default: false })
  revealed: boolean;

  /** Links the same dilemma across evenings for comparison; defaults to theme + question. */
  @Column({ name: 'link_key', type: 'text', nullable: true })
  linkKey: string | null;

  /** The last transition's time: "the last one touched" in the live state. */
  @Column({ name: 'touched_at', type: 'timestamptz', nullable: true })
  touchedAt: Date | null;

  /** The facilitator's countdown for this dilemma in seconds (null: none); it runs from each open or revote. */
  @Column({ name: 'countdown_seconds', type: 'int', nullable: true })
  countdownSeconds: number | null;

  /** Close the dilemma when the countdown reaches zero (server-side, also with the console closed). */
  @Column({ name: 'countdown_close', type: 'boolean', default: false })
  countdownClose: boolean;

  /** When the running countdown ends; null when none runs. */
  @Column({ name: 'countdown_ends_at', type: 'timestamptz', nullable: true })
  countdownEndsAt: Date | null;

  @OneToMany(() => DilemmaOptionEntity, (option) => option.dilemma, { cascade: ['insert'] })
  options?: DilemmaOptionEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
