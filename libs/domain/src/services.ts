import { AuditService } from './audit/audit.service';
import { TokenService } from './auth/token.service';
import { StaffService } from './staff/staff.service';
import { JoinLinkService } from './web/join-link.service';

/** Every domain service the DomainModule provides; a new one is added here, one per line. */
// prettier-ignore
export const DOMAIN_SERVICES = [
  AuditService,
  TokenService,
  StaffService,
  JoinLinkService,
];
