import { AuditLogEntity } from './audit-log.entity';
import { CheckinCardEntity } from './checkin-card.entity';
import { DilemmaOptionEntity } from './dilemma-option.entity';
import { DilemmaEntity } from './dilemma.entity';
import { EveningEntity } from './evening.entity';
import { ManualCountEntryEntity } from './manual-count-entry.entity';
import { ManualCountRoundEntity } from './manual-count-round.entity';
import { ParticipantEntity } from './participant.entity';
import { RegistrationEntity } from './registration.entity';
import { StaffUserEntity } from './staff-user.entity';
import { ThemeEntity } from './theme.entity';
import { VoteEntity } from './vote.entity';
import { DilemmaResultEntity } from './dilemma-result.entity';
import { PolicyInputCacheEntity } from './policy-input-cache.entity';
import { ReportEntity } from './report.entity';
import { MunicipalityWeightEntity } from './municipality-weight.entity';
import { AgeBandWeightEntity } from './age-band-weight.entity';
import { ConsultationRoundEntity } from './consultation-round.entity';
import { DilemmaTemplateEntity, type TemplateOption } from './dilemma-template.entity';
import { WoonvisieThemeEntity } from './woonvisie-theme.entity';
import { AgreementEntity } from './agreement.entity';
import { AgreementEventEntity } from './agreement-event.entity';
import { AdviceEntity } from './advice.entity';
import { FindingEntity } from './finding.entity';
import { FindingAgreementEntity } from './finding-agreement.entity';
import { FindingEventEntity } from './finding-event.entity';

export {
  AuditLogEntity,
  CheckinCardEntity,
  DilemmaOptionEntity,
  DilemmaEntity,
  EveningEntity,
  ManualCountEntryEntity,
  ManualCountRoundEntity,
  ParticipantEntity,
  RegistrationEntity,
  StaffUserEntity,
  ThemeEntity,
  VoteEntity,
  DilemmaResultEntity,
  PolicyInputCacheEntity,
  ReportEntity,
  MunicipalityWeightEntity,
  AgeBandWeightEntity,
  ConsultationRoundEntity,
  DilemmaTemplateEntity,
  type TemplateOption,
  WoonvisieThemeEntity,
  AgreementEntity,
  AgreementEventEntity,
  AdviceEntity,
  FindingEntity,
  FindingAgreementEntity,
  FindingEventEntity,
};

/** Every entity; a new one is added here (and gets a migration). */
// prettier-ignore
export const ENTITIES = [
  AuditLogEntity,
  CheckinCardEntity,
  DilemmaOptionEntity,
  DilemmaEntity,
  EveningEntity,
  ManualCountEntryEntity,
  ManualCountRoundEntity,
  ParticipantEntity,
  RegistrationEntity,
  StaffUserEntity,
  ThemeEntity,
  VoteEntity,
  DilemmaResultEntity,
  PolicyInputCacheEntity,
  ReportEntity,
  MunicipalityWeightEntity,
  AgeBandWeightEntity,
  ConsultationRoundEntity,
  DilemmaTemplateEntity,
  WoonvisieThemeEntity,
  AgreementEntity,
  AgreementEventEntity,
  AdviceEntity,
  FindingEntity,
  FindingAgreementEntity,
  FindingEventEntity,
];
