import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { FindingOutcome, FindingState } from '@hs/contracts';
import { FindingAgreementEntity, FindingEntity, FindingEventEntity } from '../entities';

export interface FindingFilter {
  municipalities?: readonly string[];
  roundId?: string;
  state?: FindingState;
}

export type NewFinding = Pick<
  FindingEntity,
  'municipality' | 'roundId' | 'text' | 'translations' | 'quotes' | 'response' | 'responseTranslations' | 'outcome' | 'createdBy'
>;

export type FindingChanges = Partial<
  Pick<FindingEntity, 'roundId' | 'text' | 'translations' | 'quotes' | 'response' | 'responseTranslations' | 'outcome'>
>;

export interface FindingEdit {
  changes: FindingChanges;
  /** Replaces the linked agreements when given. */
  agreementIds?: readonly string[];
  /** Public history entries the edit adds (only for a published finding). */
  events: Array<{ kind: 'outcome' | 'response'; outcome: FindingOutcome | null }>;
}

@Injectable()
export class FindingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(values: NewFinding, agreementIds: readonly string[]): Promise<FindingEntity> {
    return this.dataSource.transaction(async (m) => {
      const finding = await m.save(m.create(FindingEntity, { ...values, state: 'draft' as const, publishedAt: null }));
      await this.link(m, finding.id, agreementIds);
      return finding;
    });
  }

  findById(id: string): Promise<FindingEntity | null> {
    return this.dataSource.getRepository(FindingEntity).findOneBy({ id });
  }

  list(filter: FindingFilter): Promise<FindingEntity[]> {
    const query = this.dataSource.getRepository(FindingEntity).createQueryBuilder('f');
    if (filter.municipalities) {
      query.andWhere('lower(f.municipality) = ANY(:municipalities)', {
        municipalities: filter.municipalities.map((m) => m.trim().toLocaleLowerCase('nl-NL')),
      });
    }
    if (filter.roundId) query.andWhere('f.round_id = :roundId', { roundId: filter.roundId });
    if (filter.state) query.andWhere('f.state = :state', { state: filter.state });
    return query
      .orderBy('f.municipality')
      .addOrderBy('f.published_at', 'DESC', 'NULLS FIRST')
      .addOrderBy('f.created_at')
      .getMany();
  }

  /**
   * Applies an edit with the row locked; `guard` (the domain's rule on what may change in which state) sees the
   * state the edit is applied to, so an edit racing a publication cannot change a published text.
   */
  edit(id: string, guard: (finding: FindingEntity) => FindingEdit): Promise<FindingEntity | null> {
    return this.dataSource.transaction(async (m) => {
      const finding = await m.findOne(FindingEntity, { where: { id }, lock: { mode: 'for_no_key_update' } });
      if (!finding) return null;
      const edit = guard(finding);
      if (Object.keys(edit.changes).length > 0) await m.update(FindingEntity, { id }, edit.changes);
      if (edit.agreementIds) {
        await m.delete(FindingAgreementEntity, { findingId: id });
        await this.link(m, id, edit.agreementIds);
      }
      for (const event of edit.events) await m.save(m.create(FindingEventEntity, { findingId: id, ...event }));
      return m.findOneByOrFail(FindingEntity, { id });
    });
  }

  /** draft → published, once; null when there is no such draft (unknown, or published already). */
  publish(id: string): Promise<FindingEntity | null> {
    return this.dataSource.transaction(async (m) => {
      const result = await m.update(FindingEntity, { id, state: 'draft' }, { state: 'published', publishedAt: () => 'now()' });
      if (!result.affected) return null;
      await m.save(m.create(FindingEventEntity, { findingId: id, kind: 'published', outcome: null }));
      return m.findOneByOrFail(FindingEntity, { id });
    });
  }

  links(findingIds: readonly string[]): Promise<FindingAgreementEntity[]> {
    if (findingIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(FindingAgreementEntity).findBy({ findingId: In([...findingIds]) });
  }

  events(findingIds: readonly string[]): Promise<FindingEventEntity[]> {
    if (findingIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(FindingEventEntity).find({
      where: { findingId: In([...findingIds]) },
      order: { id: 'ASC' },
    });
  }

  private async link(m: EntityManager, findingId: string, agreementIds: readonly string[]): Promise<void> {
    const unique = [...new Set(agreementIds)];
    if (unique.length)
      await m.insert(
        FindingAgreementEntity,
        unique.map((agreementId) => ({ findingId, agreementId })),
      );
  }
}
