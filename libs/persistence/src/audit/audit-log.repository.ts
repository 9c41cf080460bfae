import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditLogEntity, StaffUserEntity } from '../entities';

export interface AuditRow {
  entry: AuditLogEntity;
  /** The acting staff member as they are now; null for the system or a deleted account. */
  actor: { email: string; name: string } | null;
}

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditLogRepository {
  constructor(
    @InjectRepository(AuditLogEntity)
    private readonly log: Repository<AuditLogEntity>,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.log.save(
      this.log.create({
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        details: entry.details ?? {},
      }),
    );
  }

  /** Newest first, with who the actor is; `beforeId` pages back (ids only grow). */
  async listWithActors(limit: number, beforeId?: string): Promise<AuditRow[]> {
    const query = this.log
      .createQueryBuilder('a')
      .leftJoin(StaffUserEntity, 'u', 'u.id = a.actor_id')
      .addSelect(['u.email AS actor_email', 'u.name AS actor_name'])
      .orderBy('a.id', 'DESC')
      .limit(limit);
    if (beforeId) query.where('a.id < :beforeId', { beforeId });
    const { entities, raw } = await query.getRawAndEntities<{
      a_id: string;
      actor_email: string | null;
      actor_name: string | null;
    }>();
    const actors = new Map(raw.map((row) => [String(row.a_id), row]));
    return entities.map((entry) => {
      const row = actors.get(String(entry.id));
      return { entry, actor: row?.actor_email ? { email: row.actor_email, name: row.actor_name ?? '' } : null };
    });
  }

  list(limit: number, beforeId?: string): Promise<AuditLogEntity[]> {
    const query = this.log.createQueryBuilder('a').orderBy('a.id', 'DESC').limit(limit);
    if (beforeId) query.where('a.id < :beforeId', { beforeId });
    return query.getMany();
  }
}
