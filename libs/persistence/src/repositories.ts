import { AuditLogRepository } from './audit/audit-log.repository';
import { HealthProbeRepository } from './health/health-probe.repository';
import { JobQueueRepository } from './job-queue.repository';
import { LiveBusRepository } from './live-bus.repository';
import { MetricsRegistry } from './metrics/metrics.registry';
import { RateLimitRepository } from './rate-limit.repository';
import { RedisRepository } from './redis.repository';
import { StaffUserRepository } from './staff/staff-user.repository';
import { DilemmaRepository } from './dilemmas/dilemma.repository';
import { EveningRepository } from './evenings/evening.repository';
import { RegistrationRepository } from './evenings/registration.repository';
import { ThemeRepository } from './themes/theme.repository';

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
  ThemeRepository,
  MetricsRegistry,
  HealthProbeRepository,
];
