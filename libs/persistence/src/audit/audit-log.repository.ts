import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditLogEntity } from '../entities';

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

  list(limit: number, beforeId?: string): Promise<AuditLogEntity[]> {
    const query = this.log.createQueryBuilder('a').orderBy('a.id', 'DESC').limit(limit);
    if (beforeId) query.where('a.id < :beforeId', { beforeId });
    return query.getMany();
  }
}
