import { Injectable, Logger } from '@nestjs/common';
import { AuditLogRepository } from '@hs/persistence';

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
      this.logger.error(`audit write failed for ${action}: ${(error as Error).message}`);
    }
  }

  list(limit: number, beforeId?: string) {
    return this.log.list(limit, beforeId);
  }
}
