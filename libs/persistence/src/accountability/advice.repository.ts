import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, IsNull } from 'typeorm';
import { AdviceEntity } from '../entities';

export interface AdviceResponse {
  response: string;
  respondedOn: string;
  respondedBy: string | null;
}

@Injectable()
export class AdviceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(values: Pick<AdviceEntity, 'agreementId' | 'text' | 'givenOn' | 'givenBy'>): Promise<AdviceEntity> {
    const repo = this.dataSource.getRepository(AdviceEntity);
    return repo.save(repo.create(values));
  }

  findById(id: string): Promise<AdviceEntity | null> {
    return this.dataSource.getRepository(AdviceEntity).findOneBy({ id });
  }

  /** The advice on these agreements, oldest first. */
  forAgreements(agreementIds: readonly string[]): Promise<AdviceEntity[]> {
    if (agreementIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AdviceEntity).find({
      where: { agreementId: In([...agreementIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Records the response once: a conditional UPDATE, so two people answering at the same moment cannot overwrite
   * each other. Null when there is no such advice or it was answered already.
   */
  async respond(id: string, values: AdviceResponse): Promise<AdviceEntity | null> {
    const result = await this.dataSource.getRepository(AdviceEntity).update({ id, response: IsNull() }, values);
    return result.affected ? this.findById(id) : null;
  }
}
