import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from '@hs/http';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { ThemesController } from './themes/themes.controller';
import { GlossaryController } from './glossary/glossary.controller';
import { UsersController } from './users/users.controller';
import { CardsController } from './live/cards.controller';
import { JoinController } from './live/join.controller';
import { ManualCountsController } from './live/manual-counts.controller';
import { DilemmasController } from './dilemmas/dilemmas.controller';
import { DilemmaFlowController } from './dilemmas/dilemma-flow.controller';
import { EveningsController } from './evenings/evenings.controller';
import { RegistrationRetentionJob } from './evenings/registration-retention.job';
import { RegistrationsController } from './evenings/registrations.controller';
import { ResultsController } from './results/results.controller';
import { ReportsController } from './reports/reports.controller';
import { PolicyInputController } from './policy-input/policy-input.controller';
import { RoundsController } from './rounds/rounds.controller';
import { TemplatesController } from './templates/templates.controller';
import { TrendsController } from './trends/trends.controller';
import { RegisterController } from './accountability/register.controller';
import { AdviceController } from './accountability/advice.controller';
import { FindingsController } from './accountability/findings.controller';
import { FeedbackController } from './accountability/feedback.controller';
import { AccountabilityExportsController } from './accountability/exports.controller';

/**
 * The events service: the HTTP API. Controllers only (one call per endpoint); the rules live in @hs/domain.
 * A new controller is added to CONTROLLERS, one per line.
 */
// prettier-ignore
const CONTROLLERS = [
  AuthController,
  UsersController,
  JoinController,
  CardsController,
  ManualCountsController,
  EveningsController,
  RegistrationsController,
  DilemmasController,
  DilemmaFlowController,
  ThemesController,
  GlossaryController,
  AuditController,
  ResultsController,
  ReportsController,
  PolicyInputController,
  RoundsController,
  TemplatesController,
  TrendsController,
  RegisterController,
  AdviceController,
  AccountabilityExportsController,
  FindingsController,
  FeedbackController,
];

@Module({
  controllers: CONTROLLERS,
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, RegistrationRetentionJob],
})
export class EventsModule {}
