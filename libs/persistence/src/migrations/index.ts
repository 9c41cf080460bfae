import { InitialSchema1795000000000 } from './1795000000000-initial-schema';
import { SeedThemes1795000000100 } from './1795000000100-seed-themes';
import { LiveVoting1795000003000 } from './1795000003000-live-voting';
import { AggregationAndReports1795000004000 } from './1795000004000-aggregation-and-reports';
import { MunicipalitiesAndAgeWeights1795000006000 } from './1795000006000-municipalities-and-age-weights';
import { ReportXlsx1795000009500 } from './1795000009500-report-xlsx';
import { ScopedStaffRoles1795000008000 } from './1795000008000-scoped-staff-roles';
import { ConsultationRounds1795000008100 } from './1795000008100-consultation-rounds';
import { QuestionBank1795000008200 } from './1795000008200-question-bank';
import { RegistrationEmailPerEvening1795000005000 } from './1795000005000-registration-email-per-evening';
import { AgreementsAndFindings1795000008500 } from './1795000008500-agreements-and-findings';
import { DilemmaCountdown1796000100000 } from './1796000100000-dilemma-countdown';
import { ManualCountEntries1796000100100 } from './1796000100100-manual-count-entries';
import { ContentTranslations1796000200000 } from './1796000200000-content-translations';
import { TemplateTranslations1796000200100 } from './1796000200100-template-translations';

/** Every migration, in order; a new one is appended here, one per line. */
// prettier-ignore
export const MIGRATIONS: Function[] = [
  InitialSchema1795000000000,
  SeedThemes1795000000100,
  LiveVoting1795000003000,
  AggregationAndReports1795000004000,
  MunicipalitiesAndAgeWeights1795000006000,
  ReportXlsx1795000009500,
  ScopedStaffRoles1795000008000,
  ConsultationRounds1795000008100,
  QuestionBank1795000008200,
  RegistrationEmailPerEvening1795000005000,
  AgreementsAndFindings1795000008500,
  DilemmaCountdown1796000100000,
  ManualCountEntries1796000100100,
  ContentTranslations1796000200000,
  TemplateTranslations1796000200100,
];
