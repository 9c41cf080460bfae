import { AuditService } from './audit/audit.service';
import { TokenService } from './auth/token.service';
import { StaffService } from './staff/staff.service';
import { DilemmaService } from './dilemmas/dilemma.service';
import { EveningService } from './evenings/evening.service';
import { RegistrationService } from './evenings/registration.service';
import { ThemeService } from './themes/theme.service';

/** Every domain service the DomainModule provides; a new one is added here, one per line. */
// prettier-ignore
export const DOMAIN_SERVICES = [
  AuditService,
  TokenService,
  StaffService,
  DilemmaService,
  EveningService,
  RegistrationService,
  ThemeService,
];
