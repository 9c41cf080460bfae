import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './http/auth.guard';
import { UsersController } from './users/users.controller';
import { ResultsController } from './results/results.controller';
import { ReportsController } from './reports/reports.controller';
import { PolicyInputController } from './policy-input/policy-input.controller';

/**
 * The events service: the HTTP API. Controllers only (one call per endpoint); the rules live in @hs/domain.
 * A new controller is added to CONTROLLERS, one per line.
 */
// prettier-ignore
const CONTROLLERS = [
  AuthController,
  UsersController,
  ResultsController,
  ReportsController,
  PolicyInputController,
];

@Module({
  controllers: CONTROLLERS,
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class EventsModule {}
