import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EveningStatus, ParticipantGroup } from '@hs/contracts';
import { RegistrationEntity } from '../entities';

export interface NewRegistration {
  name: string;
  email: string | null;
  group: ParticipantGroup;
  municipality: string | null;
}

/** Names and e-mail addresses: kept apart from everything a participant does (no link to votes). */
@Injectable()
export class RegistrationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts a registration unless `guard` refuses (it is told whether the e-mail address is already registered). The evening row is locked FOR NO KEY UPDATE
   * before counting, so concurrent sign-ups for the last seat take turns and the count each sees
   * includes the one before it: no overbooking. (NO KEY UPDATE rather than UPDATE: it does not
   * block the foreign-key checks of participants joining the same evening.)
   * Returns null for an unknown evening.
   */
  async insertGuarded(
    eveningId: string,
    values: NewRegistration,
    guard: (evening: { status: EveningStatus; capacity: number | null }, registered: number, emailTaken: boolean) => void,
  ): Promise<{ id: string } | null> {
    return this.dataSource.transaction(async (m) => {
      const evenings: Array<{ status: EveningStatus; capacity: number | null }> = await m.query(
        'SELECT status, capacity FROM evening WHERE id = $1 FOR NO KEY UPDATE',
        [eveningId],
      );
      if (evenings.length === 0) return null;
      const [{ n }]: Array<{ n: number }> = await m.query('SELECT COUNT(*)::int AS n FROM registration WHERE evening_id = $1', [
        eveningId,
      ]);
      // Under the evening's lock, so two sign-ups with one address take turns; the unique index
      // uq_registration_evening_email is the guard behind this check.
      const taken: Array<{ taken: boolean }> = values.email
        ? await m.query(
            'SELECT EXISTS (SELECT 1 FROM registration WHERE evening_id = $1 AND lower(email) = lower($2)) AS taken',
            [eveningId, values.email],
          )
        : [{ taken: false }];
      guard(evenings[0], n, taken[0].taken);
      const saved = await m.save(m.create(RegistrationEntity, { ...values, eveningId, consentAt: new Date() }));
      return { id: saved.id };
    });
  }

  listByEvening(eveningId: string): Promise<RegistrationEntity[]> {
    return this.dataSource.getRepository(RegistrationEntity).find({ where: { eveningId }, order: { createdAt: 'ASC' } });
  }

  async deleteByEvening(eveningId: string): Promise<number> {
    const result = await this.dataSource.getRepository(RegistrationEntity).delete({ eveningId });
    return result.affected ?? 0;
  }

  /** Deletes the registrations of every evening that ended before `cutoff`; returns how many. */
  async deleteForEveningsEndedBefore(cutoff: Date): Promise<number> {
    const result = await this.dataSource.query(
      `DELETE FROM registration r USING evening e
       WHERE r.evening_id = e.id AND e.status = 'ended' AND e.ended_at < $1`,
      [cutoff],
    );
    // TypeORM answers a raw DELETE with [rows, affected].
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}
