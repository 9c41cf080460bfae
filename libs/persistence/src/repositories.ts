import { AuditLogRepository } from './audit/audit-log.repository';
import { JobQueueRepository } from './job-queue.repository';
import { LiveBusRepository } from './live-bus.repository';
import { RateLimitRepository } from './rate-limit.repository';
import { RedisRepository } from './redis.repository';
import { StaffUserRepository } from './staff/staff-user.repository';
import { JoinLinkRepository } from './web/join-link.repository';

/** Every repository the PersistenceModule provides; a new one is added here. */
// prettier-ignore
export const REPOSITORIES = [
  RedisRepository,
  LiveBusRepository,
  RateLimitRepository,
  JobQueueRepository,
  StaffUserRepository,
  AuditLogRepository,
  JoinLinkRepository,
];
