import { AuditLogRepository } from './audit/audit-log.repository';
import { JobQueueRepository } from './job-queue.repository';
import { LiveBusRepository } from './live-bus.repository';
import { RateLimitRepository } from './rate-limit.repository';
import { RedisRepository } from './redis.repository';
import { StaffUserRepository } from './staff/staff-user.repository';
import { AggregationRepository } from './aggregation/aggregation.repository';
import { ReportRepository } from './aggregation/report.repository';
import { WeightRepository } from './aggregation/weight.repository';
import { JobWorkerRepository } from './job-worker.repository';

/** Every repository the PersistenceModule provides; a new one is added here. */
// prettier-ignore
export const REPOSITORIES = [
  RedisRepository,
  LiveBusRepository,
  RateLimitRepository,
  JobQueueRepository,
  StaffUserRepository,
  AuditLogRepository,
  AggregationRepository,
  ReportRepository,
  WeightRepository,
  JobWorkerRepository,
];
