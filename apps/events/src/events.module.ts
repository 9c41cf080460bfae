import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './http/auth.guard';
import { ThemesController } from './themes/themes.controller';
import { UsersController } from './users/users.controller';
import { DilemmasController } from './dilemmas/dilemmas.controller';
import { EveningsController } from './evenings/evenings.controller';
import { RegistrationRetentionJob } from './evenings/registration-retention.job';
import { RegistrationsController } from './evenings/registrations.controller';

/**
 * The events service: the HTTP API. Controllers only (one call per endpoint); the rules live in @hs/domain.
 * A new controller is added to CONTROLLERS, one per line.
 */
// prettier-ignore
const CONTROLLERS = [
  AuthController,
  UsersController,
  EveningsController,
  RegistrationsController,
  DilemmasController,
  ThemesController,
  AuditController,
];

@Module({
  controllers: CONTROLLERS,
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, RegistrationRetentionJob],
})
export class EventsModule {}
