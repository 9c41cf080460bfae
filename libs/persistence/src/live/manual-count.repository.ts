import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ManualCountEntity } from '../entities';

export type NewManualCount = Pick<ManualCountEntity, 'dilemmaId' | 'round' | 'counts' | 'respondents' | 'note' | 'createdBy'>;

/** Hand-counted votes, kept apart from the phone votes. */
@Injectable()
export class ManualCountRepository {
  constructor(@InjectRepository(ManualCountEntity) private readonly counts: Repository<ManualCountEntity>) {}

  insert(row: NewManualCount): Promise<ManualCountEntity> {
    return this.counts.save(this.counts.create(row));
  }
}
