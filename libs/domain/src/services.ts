import { AuditService } from './audit/audit.service';
import { TokenService } from './auth/token.service';
import { StaffService } from './staff/staff.service';
import { StaffScopeService } from './scope/staff-scope.service';
import { CardService } from './live/card.service';
import { JoinService } from './live/join.service';
import { LiveStateService } from './live/live-state.service';
import { ManualCountService } from './live/manual-count.service';
import { TallyService } from './live/tally.service';
import { VoteService } from './live/vote.service';
import { DilemmaService } from './dilemmas/dilemma.service';
import { DilemmaFlowService } from './dilemmas/dilemma-flow.service';
import { EveningService } from './evenings/evening.service';
import { RegistrationService } from './evenings/registration.service';
import { ThemeService } from './themes/theme.service';
import { AggregationService } from './aggregation/aggregation.service';
import { WeightsService } from './aggregation/weights.service';
import { ReportService } from './reports/report.service';
import { JoinLinkService } from './web/join-link.service';
import { RoundService } from './rounds/round.service';
import { TemplateService } from './templates/template.service';
import { TrendService } from './trends/trend.service';
import { RegisterService } from './accountability/register.service';
import { AdviceService } from './accountability/advice.service';
import { FindingService } from './accountability/finding.service';
import { FeedbackService } from './accountability/feedback.service';
import { AccountabilityExportService } from './accountability/export.service';

/** Every domain service the DomainModule provides; a new one is added here, one per line. */
// prettier-ignore
export const DOMAIN_SERVICES = [
  AuditService,
  TokenService,
  StaffService,
  StaffScopeService,
  TallyService,
  LiveStateService,
  VoteService,
  JoinService,
  CardService,
  ManualCountService,
  DilemmaService,
  DilemmaFlowService,
  EveningService,
  RegistrationService,
  ThemeService,
  AggregationService,
  WeightsService,
  ReportService,
  JoinLinkService,
  RoundService,
  TemplateService,
  TrendService,
  RegisterService,
  AdviceService,
  FindingService,
  FeedbackService,
  AccountabilityExportService,
];
