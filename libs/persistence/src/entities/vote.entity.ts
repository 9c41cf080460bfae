import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { VoteChoice } from '@hs/contracts';
import { DilemmaEntity } from './dilemma.entity';
import { ParticipantEntity } from './participant.entity';

/**
 * The current vote of one participant on one dilemma in one round. The unique constraint is the
 * real guard against a double vote; a changed vote updates this row.
 */
@Entity({ name: 'vote' })
@Check('ck_vote_round', `round >= 1`)
@Unique('uq_vote_participant_dilemma_round', ['participantId', 'dilemmaId', 'round'])
@Index('ix_vote_dilemma_round', ['dilemmaId', 'round'])
export class VoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'fk_vote_participant' })
  participant?: ParticipantEntity;

  @Column({ name: 'dilemma_id', type: 'uuid' })
  dilemmaId: string;

  @ManyToOne(() => DilemmaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dilemma_id', foreignKeyConstraintName: 'fk_vote_dilemma' })
  dilemma?: DilemmaEntity;

  @Column({ type: 'int' })
  round: number;

  /** As the client sent it: {optionIds}, {allocation} or {value}. */
  @Column({ type: 'jsonb' })
  choice: VoteChoice;

  /** The clientVoteId of the attempt that set this choice (a retry of it answers "duplicate"). */
  @Column({ name: 'client_vote_id', type: 'uuid' })
  clientVoteId: string;

  /**
   * The clientVoteIds this row held before the current one: a late retry of an older attempt
   * answers "duplicate" and changes nothing, instead of undoing a newer vote.
   */
  @Column({ name: 'seen_client_vote_ids', type: 'uuid', array: true, default: () => `'{}'` })
  seenClientVoteIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
