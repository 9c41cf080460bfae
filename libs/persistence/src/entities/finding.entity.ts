import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { FindingOutcome, FindingState, FrozenQuote, TextTranslations } from '@hs/contracts';

/**
 * "U zei, wij deden": what tenants said (text, with the figures it quotes frozen in `quotes`) and what the
 * corporation did with it (response, outcome, linked agreements). Text and quotes are fixed once published.
 */
@Entity({ name: 'finding' })
@Check('ck_finding_state', `state IN ('draft', 'published')`)
@Check('ck_finding_outcome', `outcome IN ('in_behandeling', 'overgenomen', 'deels_overgenomen', 'niet_overgenomen')`)
@Check('ck_finding_published_at', `(state = 'published') = (published_at IS NOT NULL)`)
@Index('ix_finding_municipality', ['municipality'])
export class FindingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_finding' })
  id: string;

  @Column({ type: 'text' })
  municipality: string;

  @Column({ name: 'round_id', type: 'uuid', nullable: true })
  roundId: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb', default: {} })
  translations: TextTranslations;

  @Column({ type: 'jsonb' })
  quotes: FrozenQuote[];

  @Column({ type: 'text', default: '' })
  response: string;

  @Column({ name: 'response_translations', type: 'jsonb', default: {} })
  responseTranslations: TextTranslations;

  @Column({ type: 'text', default: 'in_behandeling' })
  outcome: FindingOutcome;

  @Column({ type: 'text', default: 'draft' })
  state: FindingState;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
