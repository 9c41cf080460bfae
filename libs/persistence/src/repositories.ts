import { AuditLogRepository } from './audit/audit-log.repository';
import { HealthProbeRepository } from './health/health-probe.repository';
import { JobQueueRepository } from './job-queue.repository';
import { LiveBusRepository } from './live-bus.repository';
import { MetricsRegistry } from './metrics/metrics.registry';
import { RedisRateLimitStore } from './limits/flexible-rate-limit.store';
import { RedisRepository } from './redis.repository';
import { StaffUserRepository } from './staff/staff-user.repository';
import { CheckinCardRepository } from './live/checkin-card.repository';
import { JoinRepository } from './live/join.repository';
import { LiveStateRepository } from './live/live-state.repository';
import { ManualCountRepository } from './live/manual-count.repository';
import { PresenceRepository } from './live/presence.repository';
import { SocketAdapterRepository } from './live/socket-adapter.repository';
import { LiveSocketRepository } from './live/live-socket.repository';
import { TallyRepository } from './live/tally.repository';
import { VoteWriteRepository } from './live/vote-write.repository';
import { DilemmaRepository } from './dilemmas/dilemma.repository';
import { EveningRepository } from './evenings/evening.repository';
import { RegistrationRepository } from './evenings/registration.repository';
import { ThemeRepository } from './themes/theme.repository';
import { AggregationRepository } from './aggregation/aggregation.repository';
import { ReportRepository } from './aggregation/report.repository';
import { WeightRepository } from './aggregation/weight.repository';
import { JobWorkerRepository } from './job-worker.repository';
import { RoundRepository } from './rounds/round.repository';
import { TemplateRepository } from './templates/template.repository';
import { RegisterRepository } from './accountability/register.repository';
import { AdviceRepository } from './accountability/advice.repository';
import { FindingRepository } from './accountability/finding.repository';

/** Every repository the PersistenceModule provides; a new one is added here. */
// prettier-ignore
export const REPOSITORIES = [
  RedisRepository,
  LiveBusRepository,
  RedisRateLimitStore,
  JobQueueRepository,
  StaffUserRepository,
  AuditLogRepository,
  LiveStateRepository,
  VoteWriteRepository,
  TallyRepository,
  PresenceRepository,
  JoinRepository,
  CheckinCardRepository,
  ManualCountRepository,
  SocketAdapterRepository,
  LiveSocketRepository,
  DilemmaRepository,
  EveningRepository,
  RegistrationRepository,
  ThemeRepository,
  MetricsRegistry,
  HealthProbeRepository,
  AggregationRepository,
  ReportRepository,
  WeightRepository,
  JobWorkerRepository,
  RoundRepository,
  TemplateRepository,
  RegisterRepository,
  AdviceRepository,
  FindingRepository,
];
