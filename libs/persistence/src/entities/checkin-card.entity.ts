import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EveningEntity } from './evening.entity';

/** A single-use check-in card; deliberately not linked to the participant it admitted. */
@Entity({ name: 'checkin_card' })
@Index('uq_checkin_card_code', ['code'], { unique: true })
@Index('ix_checkin_card_evening', ['eveningId'])
@Index('ix_checkin_card_batch', ['batchId'])
export class CheckinCardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'evening_id', type: 'uuid' })
  eveningId: string;

  @ManyToOne(() => EveningEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evening_id', foreignKeyConstraintName: 'fk_checkin_card_evening' })
  evening?: EveningEntity;

  @Column({ type: 'text' })
  code: string;

  /** The cards made in one request share a batch, which is what one print page shows. */
  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId: string | null;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
