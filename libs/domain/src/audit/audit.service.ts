import { Injectable, Logger } from '@nestjs/common';
import { AuditLogRepository, safeErrorMessage } from '@hs/persistence';

export interface AuditEntryView {
  id: string;
  at: Date;
  actor: { id: string; email: string | null; name: string | null } | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

/** Records staff actions for accountability: a staff id, an action, a target; never tenant data. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly log: AuditLogRepository) {}

  async record(
    actorId: string | null,
    action: string,
    targetType: string,
    targetId: string | null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    try {
      await this.log.append({ actorId, action, targetType, targetId, details });
    } catch (error) {
      // The action itself has happened; a failed audit write is logged, not turned into a failed request.
      this.logger.error(`audit write failed for ${action}: ${safeErrorMessage(error)}`);
    }
  }

  /** Newest first; page back with `beforeId` = the last id of the previous page. */
  async list(limit: number, beforeId?: string): Promise<AuditEntryView[]> {
    const rows = await this.log.listWithActors(limit, beforeId);
    return rows.map(({ entry, actor }) => ({
      id: String(entry.id),
      at: entry.at,
      actor: entry.actorId ? { id: entry.actorId, email: actor?.email ?? null, name: actor?.name ?? null } : null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details,
    }));
  }
}
