import { AuditLogRepository } from './audit/audit-log.repository';
import { HealthProbeRepository } from './health/health-probe.repository';
import { JobQueueRepository } from './job-queue.repository';
import { LiveBusRepository } from './live-bus.repository';
import { MetricsRegistry } from './metrics/metrics.registry';
import { RateLimitRepository } from './rate-limit.repository';
import { RedisRepository } from './redis.repository';
import { StaffUserRepository } from './staff/staff-user.repository';
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
  ThemeRepository,
  MetricsRegistry,
  HealthProbeRepository,
];
