import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { AgreementParty, AgreementStatus } from '@hs/contracts';
import { AgreementEntity, AgreementEventEntity, WoonvisieThemeEntity } from '../entities';

/** Which part of the register to read. `municipalities` are compared without case; absent means all. */
export interface RegisterFilter {
  municipalities?: readonly string[];
  year?: number;
  status?: AgreementStatus;
}

export interface NewAgreement {
  municipality: string;
  year: number;
  themeId: string | null;
  text: string;
  party: AgreementParty;
  status: AgreementStatus;
  statusSince: string;
  createdBy: string | null;
}

export type AgreementChanges = Partial<Pick<AgreementEntity, 'text' | 'party' | 'themeId'>>;

export interface StatusMove {
  to: AgreementStatus;
  on: string;
  note: string;
  actorId: string | null;
}

@Injectable()
export class RegisterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insertTheme(
    values: Pick<WoonvisieThemeEntity, 'municipality' | 'year' | 'name' | 'description'>,
  ): Promise<WoonvisieThemeEntity> {
    const repo = this.dataSource.getRepository(WoonvisieThemeEntity);
    return repo.save(repo.create(values));
  }

  findTheme(id: string): Promise<WoonvisieThemeEntity | null> {
    return this.dataSource.getRepository(WoonvisieThemeEntity).findOneBy({ id });
  }

  listThemes(filter: RegisterFilter): Promise<WoonvisieThemeEntity[]> {
    const query = this.dataSource.getRepository(WoonvisieThemeEntity).createQueryBuilder('t');
    narrow(query, 't', filter);
    return query.orderBy('t.municipality').addOrderBy('t.year', 'DESC').addOrderBy('t.created_at').getMany();
  }

  /** The item and its first timeline entry (how it entered the register), in one transaction. */
  insertAgreement(values: NewAgreement): Promise<AgreementEntity> {
    return this.dataSource.transaction(async (m) => {
      const agreement = await m.save(m.create(AgreementEntity, values));
      await this.appendEvent(m, {
        agreementId: agreement.id,
        kind: 'status',
        fromStatus: null,
        toStatus: values.status,
        on: values.statusSince,
        note: '',
        actorId: values.createdBy,
      });
      return agreement;
    });
  }

  findAgreement(id: string): Promise<AgreementEntity | null> {
    return this.dataSource.getRepository(AgreementEntity).findOneBy({ id });
  }

  findAgreements(ids: readonly string[]): Promise<AgreementEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AgreementEntity).findBy({ id: In([...ids]) });
  }

  listAgreements(filter: RegisterFilter): Promise<AgreementEntity[]> {
    const query = this.dataSource.getRepository(AgreementEntity).createQueryBuilder('a');
    narrow(query, 'a', filter);
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    return query.orderBy('a.municipality').addOrderBy('a.year', 'DESC').addOrderBy('a.created_at').addOrderBy('a.id').getMany();
  }

  async updateAgreement(id: string, changes: AgreementChanges): Promise<AgreementEntity | null> {
    if (Object.keys(changes).length > 0) await this.dataSource.getRepository(AgreementEntity).update({ id }, changes);
    return this.findAgreement(id);
  }

  /**
   * Moves the status with the row locked, so that `guard` (the domain's rule) judges the status the move is
   * applied to, not one a concurrent move just left; the move and its timeline entry commit together.
   */
  moveAgreement(id: string, move: StatusMove, guard: (from: AgreementStatus) => void): Promise<AgreementEntity | null> {
    return this.dataSource.transaction(async (m) => {
      const agreement = await m.findOne(AgreementEntity, { where: { id }, lock: { mode: 'for_no_key_update' } });
      if (!agreement) return null;
      guard(agreement.status);
      await m.update(AgreementEntity, { id }, { status: move.to, statusSince: move.on });
      await this.appendEvent(m, {
        agreementId: id,
        kind: 'status',
        fromStatus: agreement.status,
        toStatus: move.to,
        on: move.on,
        note: move.note,
        actorId: move.actorId,
      });
      return m.findOneByOrFail(AgreementEntity, { id });
    });
  }

  async addEvaluation(agreementId: string, on: string, note: string, actorId: string | null): Promise<AgreementEventEntity> {
    return this.appendEvent(this.dataSource.manager, {
      agreementId,
      kind: 'evaluation',
      fromStatus: null,
      toStatus: null,
      on,
      note,
      actorId,
    });
  }

  /** The timelines of these agreements, oldest first. */
  events(agreementIds: readonly string[]): Promise<AgreementEventEntity[]> {
    if (agreementIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AgreementEventEntity).find({
      where: { agreementId: In([...agreementIds]) },
      order: { id: 'ASC' },
    });
  }

  private appendEvent(
    m: EntityManager,
    values: Omit<AgreementEventEntity, 'id' | 'at' | 'agreement'>,
  ): Promise<AgreementEventEntity> {
    return m.save(m.create(AgreementEventEntity, values));
  }
}

/** Municipality (without case) and year, for the themes and agreements queries alike. */
function narrow(
  query: { andWhere(where: string, params: Record<string, unknown>): unknown },
  alias: string,
  filter: RegisterFilter,
): void {
  if (filter.municipalities) {
    query.andWhere(`lower(${alias}.municipality) = ANY(:municipalities)`, {
      municipalities: filter.municipalities.map((m) => m.trim().toLocaleLowerCase('nl-NL')),
    });
  }
  if (filter.year !== undefined) query.andWhere(`${alias}.year = :year`, { year: filter.year });
}
