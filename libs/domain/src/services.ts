import { AuditService } from './audit/audit.service';
import { TokenService } from './auth/token.service';
import { StaffService } from './staff/staff.service';
import { AggregationService } from './aggregation/aggregation.service';
import { WeightsService } from './aggregation/weights.service';
import { ReportService } from './reports/report.service';

/** Every domain service the DomainModule provides; a new one is added here, one per line. */
// prettier-ignore
export const DOMAIN_SERVICES = [
  AuditService,
  TokenService,
  StaffService,
  AggregationService,
  WeightsService,
  ReportService,
];
