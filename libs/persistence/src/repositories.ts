import { AuditLogRepository } from './audit/audit-log.repository';
import { JobQueueRepository } from './job-queue.repository';
import { LiveBusRepository } from './live-bus.repository';
import { RateLimitRepository } from './rate-limit.repository';
import { RedisRepository } from './redis.repository';
import { StaffUserRepository } from './staff/staff-user.repository';
import { DilemmaRepository } from './dilemmas/dilemma.repository';
import { EveningRepository } from './evenings/evening.repository';
import { RegistrationRepository } from './evenings/registration.repository';

/** Every repository the PersistenceModule provides; a new one is added here. */
// prettier-ignore
export const REPOSITORIES = [
  RedisRepository,
  LiveBusRepository,
  RateLimitRepository,
  JobQueueRepository,
  StaffUserRepository,
  AuditLogRepository,
  DilemmaRepository,
  EveningRepository,
  RegistrationRepository,
];
