import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { DilemmaKind, DilemmaTranslations, OptionTranslations } from '@hs/contracts';
import { ThemeEntity } from './theme.entity';

export interface TemplateOption {
  label: string;
  consequence: string | null;
  /** Frisian and English label and consequence; absent in templates saved before translations existed. */
  translations?: OptionTranslations;
}

/**
 * A dilemma of the question bank. A dilemma added to an evening from it is a copy whose link key is the template's
 * id, so the same question is compared across evenings and years by construction, not by matching its text.
 */
@Entity({ name: 'dilemma_template' })
@Check('ck_dilemma_template_kind', `kind IN ('choice', 'multi', 'budget', 'scale')`)
@Check('ck_dilemma_template_budget', `(kind = 'budget') = (budget IS NOT NULL)`)
@Check('ck_dilemma_template_translations', `jsonb_typeof(translations) = 'object'`)
@Index('ix_dilemma_template_theme', ['theme'])
export class DilemmaTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  theme: string;

  @ManyToOne(() => ThemeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'theme', referencedColumnName: 'slug', foreignKeyConstraintName: 'fk_dilemma_template_theme' })
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

  /** In order; each with its consequence and translations. */
  @Column({ type: 'jsonb' })
  options: TemplateOption[];

  @Column({ name: 'max_choices', type: 'int', nullable: true })
  maxChoices: number | null;

  @Column({ type: 'int', nullable: true })
  budget: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
