import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { DilemmaKind, DilemmaStatus, DilemmaTranslations, EveningStatus, OptionTranslations } from '@hs/contracts';
import { DilemmaEntity, DilemmaOptionEntity } from '../entities';
import { isUniqueViolation } from '../pg-errors';

export interface DilemmaWithOptions {
  dilemma: DilemmaEntity;
  /** In position order. */
  options: DilemmaOptionEntity[];
}

export interface NewDilemma {
  eveningId: string;
  theme: string;
  question: string;
  description: string | null;
  kind: DilemmaKind;
  maxChoices: number | null;
  budget: number | null;
  linkKey: string | null;
  translations: DilemmaTranslations;
  options: NewOption[];
}

export interface NewOption {
  label: string;
  consequence: string | null;
  translations: OptionTranslations;
}

/** What a draft becomes; `options: null` keeps them (and their ids). */
export interface DraftChange {
  question: string;
  description: string | null;
  maxChoices: number | null;
  budget: number | null;
  translations: DilemmaTranslations;
  options: NewOption[] | null;
}

export type UpdateDraftOutcome =
  ({ kind: 'updated' } & DilemmaWithOptions) | { kind: 'not-found' } | { kind: 'not-draft'; status: DilemmaStatus };

export type CreateDilemmaOutcome =
  ({ kind: 'created' } & DilemmaWithOptions) | { kind: 'evening-not-found' } | { kind: 'unknown-theme' };

/** The four HTTP transitions of a dilemma; each is one conditional UPDATE (see move()). */
export type DilemmaMove = 'open' | 'close' | 'reveal' | 'revote';

/** What a move requires of the current row; the domain decides it (DILEMMA_MOVES in libs/domain/src/dilemmas/dilemma-rules.ts). */
export interface DilemmaMoveRule {
  from: readonly DilemmaStatus[];
  /** Only a dilemma not yet revealed may move (reveal). */
  onlyUnrevealed: boolean;
  /** Called with the evening's status while its row is locked; throws to refuse the move. */
  guardEvening?: (status: EveningStatus) => void;
}

export type DilemmaMoveOutcome =
  | ({ kind: 'moved' } & DilemmaWithOptions)
  | { kind: 'not-found' }
  | { kind: 'wrong-state'; status: DilemmaStatus; revealed: boolean }
  | { kind: 'another-open' };

/** A countdown set for the dilemma starts with each open and revote (NULL seconds: none runs). */
const START_COUNTDOWN = `countdown_ends_at = now() + countdown_seconds * interval '1 second'`;

const SET: Record<DilemmaMove, string> = {
  open: `status = 'open', ${START_COUNTDOWN}`,
  close: `status = 'closed', countdown_ends_at = NULL`,
  reveal: `revealed = true`,
  revote: `status = 'open', round = round + 1, revealed = false, ${START_COUNTDOWN}`,
};

const OPENS: Record<DilemmaMove, boolean> = { open: true, close: false, reveal: false, revote: true };

/**
 * Refuses another open dilemma without raising an error. Opens of one evening lock its row first,
 * so they take turns and each sees the one before it committed; the unique index stays the real
 * guard for any writer that does not take that lock.
 */
const NO_OTHER_OPEN = `
           AND NOT EXISTS (SELECT 1 FROM dilemma other WHERE other.evening_id = dilemma.evening_id AND other.status = 'open' AND other.id <> dilemma.id)`;

export const ONE_OPEN_PER_EVENING = 'uq_dilemma_one_open_per_evening';

@Injectable()
export class DilemmaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findWithOptions(id: string): Promise<DilemmaWithOptions | null> {
    return this.load(this.dataSource.manager, id);
  }

  /** The dilemmas of an evening in position order, each with its options in position order. */
  async listByEvening(eveningId: string): Promise<DilemmaWithOptions[]> {
    const dilemmas = await this.dataSource.manager.find(DilemmaEntity, { where: { eveningId }, order: { position: 'ASC' } });
    return this.withOptions(this.dataSource.manager, dilemmas);
  }

  /** The live state's dilemma: the open one, else the last one touched, else null. */
  async findCurrent(eveningId: string): Promise<DilemmaWithOptions | null> {
    const dilemma = await this.dataSource.manager
      .createQueryBuilder(DilemmaEntity, 'd')
      .where('d.evening_id = :eveningId', { eveningId })
      .andWhere(`(d.status = 'open' OR d.touched_at IS NOT NULL)`)
      .orderBy(`CASE WHEN d.status = 'open' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('d.touched_at', 'DESC', 'NULLS LAST')
      .limit(1)
      .getOne();
    return dilemma ? (await this.withOptions(this.dataSource.manager, [dilemma]))[0] : null;
  }

  /**
   * Inserts a dilemma at the next position of its evening. The evening row is locked first, so
   * concurrent creates for one evening take turns and never compute the same position.
   * `guardEvening` (from the domain) throws to refuse, e.g. for an ended evening.
   */
  async create(input: NewDilemma, guardEvening: (status: EveningStatus) => void): Promise<CreateDilemmaOutcome> {
    return this.dataSource.transaction(async (m) => {
      const evenings: Array<{ status: EveningStatus }> = await m.query(
        'SELECT status FROM evening WHERE id = $1 FOR NO KEY UPDATE',
        [input.eveningId],
      );
      if (evenings.length === 0) return { kind: 'evening-not-found' };
      guardEvening(evenings[0].status);
      const themes: unknown[] = await m.query('SELECT 1 FROM theme WHERE slug = $1', [input.theme]);
      if (themes.length === 0) return { kind: 'unknown-theme' };
      const [{ next }]: Array<{ next: number }> = await m.query(
        'SELECT COALESCE(MAX(position), 0) + 1 AS next FROM dilemma WHERE evening_id = $1',
        [input.eveningId],
      );
      const { options, ...fields } = input;
      const dilemma = await m.save(m.create(DilemmaEntity, { ...fields, position: next }));
      const saved = await m.save(
        options.map((option, index) => m.create(DilemmaOptionEntity, { dilemmaId: dilemma.id, position: index + 1, ...option })),
      );
      const reloaded = await m.findOneByOrFail(DilemmaEntity, { id: dilemma.id });
      return { kind: 'created', dilemma: reloaded, options: saved.sort((a, b) => a.position - b.position) };
    });
  }

  /**
   * Changes a draft in one transaction. The evening row is locked as create() does, then the dilemma row FOR
   * UPDATE, so an open of it waits (or went first, and we see it is no draft). `change` (from the domain)
   * decides the new fields from the current ones and throws to refuse; options given replace them all.
   */
  async updateDraft(
    id: string,
    change: (current: DilemmaWithOptions) => DraftChange,
    guardEvening: (status: EveningStatus) => void,
  ): Promise<UpdateDraftOutcome> {
    return this.dataSource.transaction(async (m): Promise<UpdateDraftOutcome> => {
      const evenings: Array<{ status: EveningStatus }> = await m.query(
        'SELECT e.status FROM dilemma d JOIN evening e ON e.id = d.evening_id WHERE d.id = $1 FOR NO KEY UPDATE OF e',
        [id],
      );
      if (evenings.length === 0) return { kind: 'not-found' };
      guardEvening(evenings[0].status);
      const rows: Array<{ status: DilemmaStatus }> = await m.query('SELECT status FROM dilemma WHERE id = $1 FOR UPDATE', [id]);
      if (rows.length === 0) return { kind: 'not-found' };
      if (rows[0].status !== 'draft') return { kind: 'not-draft', status: rows[0].status };
      const current = (await this.load(m, id))!;
      const { options, ...fields } = change(current);
      await m.update(DilemmaEntity, { id }, fields);
      if (options) {
        await m.delete(DilemmaOptionEntity, { dilemmaId: id });
        await m.save(
          options.map((option, index) => m.create(DilemmaOptionEntity, { dilemmaId: id, position: index + 1, ...option })),
        );
      }
      return { kind: 'updated', ...(await this.load(m, id))! };
    });
  }

  /**
   * Moves a dilemma with ONE conditional `UPDATE … WHERE id = $1 AND status = ANY(expected)` in a
   * transaction. The UPDATE takes the row's write lock, and the vote writer reads the dilemma
   * FOR SHARE and checks status and round, so no vote is stored after a close has committed.
   * Status is never read first and written later. For moves that need a live evening (open,
   * revote), the evening row is locked FOR NO KEY UPDATE first: ending the evening waits for us (or
   * we see it ended), and opens of one evening take turns. (NO KEY UPDATE does not block the
   * foreign-key checks of tenants joining.)
   * The unique index uq_dilemma_one_open_per_evening is the real guard against two open dilemmas.
   */
  async move(id: string, move: DilemmaMove, rule: DilemmaMoveRule): Promise<DilemmaMoveOutcome> {
    try {
      return await this.dataSource.transaction(async (m): Promise<DilemmaMoveOutcome> => {
        if (rule.guardEvening) {
          const rows: Array<{ status: EveningStatus }> = await m.query(
            'SELECT e.status FROM dilemma d JOIN evening e ON e.id = d.evening_id WHERE d.id = $1 FOR NO KEY UPDATE OF e',
            [id],
          );
          if (rows.length === 0) return { kind: 'not-found' };
          rule.guardEvening(rows[0].status);
        }
        // A transaction's manager always has its query runner; its structured result gives RETURNING rows.
        const updated = await m.queryRunner!.query(
          `UPDATE dilemma SET ${SET[move]}, touched_at = now(), updated_at = now()
           WHERE id = $1 AND status = ANY($2::text[])${rule.onlyUnrevealed ? ' AND revealed = false' : ''}${OPENS[move] ? NO_OTHER_OPEN : ''}
           RETURNING id`,
          [id, rule.from],
          true,
        );
        if (updated.records.length === 0) {
          const rows: Array<{ status: DilemmaStatus; revealed: boolean }> = await m.query(
            'SELECT status, revealed FROM dilemma WHERE id = $1',
            [id],
          );
          if (rows.length === 0) return { kind: 'not-found' };
          const [state] = rows;
          const stateFits = rule.from.includes(state.status) && !(rule.onlyUnrevealed && state.revealed);
          // The row was in a state to move, so the NOT EXISTS refused it: another dilemma is open.
          return stateFits && OPENS[move] ? { kind: 'another-open' } : { kind: 'wrong-state', ...state };
        }
        const loaded = await this.load(m, id);
        return { kind: 'moved', ...loaded! };
      });
    } catch (error) {
      if (isUniqueViolation(error, ONE_OPEN_PER_EVENING)) return { kind: 'another-open' };
      throw error;
    }
  }

  /**
   * Sets (seconds) or clears (null) a dilemma's countdown. On an open dilemma it starts now; otherwise it
   * waits for the next open or revote. Null when the dilemma does not exist.
   */
  async setCountdown(id: string, seconds: number | null, closeAtZero: boolean): Promise<DilemmaWithOptions | null> {
    const updated = await this.dataSource.query(
      `UPDATE dilemma SET countdown_seconds = $2, countdown_close = $3,
         countdown_ends_at = CASE WHEN status = 'open' AND $2::int IS NOT NULL THEN now() + $2::int * interval '1 second' END,
         updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, seconds, closeAtZero],
    );
    return (updated[0] as unknown[]).length === 0 ? null : this.findWithOptions(id);
  }

  /** Open dilemmas whose countdown ran out and that should close at zero (ix_dilemma_countdown_due). */
  async findDueCountdowns(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM dilemma WHERE status = 'open' AND countdown_close AND countdown_ends_at <= now() LIMIT 100`,
    );
    return rows.map((row) => row.id);
  }

  private async load(m: EntityManager, id: string): Promise<DilemmaWithOptions | null> {
    const dilemma = await m.findOneBy(DilemmaEntity, { id });
    return dilemma ? (await this.withOptions(m, [dilemma]))[0] : null;
  }

  private async withOptions(m: EntityManager, dilemmas: DilemmaEntity[]): Promise<DilemmaWithOptions[]> {
    if (dilemmas.length === 0) return [];
    const options = await m.find(DilemmaOptionEntity, {
      where: { dilemmaId: In(dilemmas.map((d) => d.id)) },
      order: { position: 'ASC' },
    });
    return dilemmas.map((dilemma) => ({ dilemma, options: options.filter((o) => o.dilemmaId === dilemma.id) }));
  }
}
