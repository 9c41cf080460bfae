import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './http/auth.guard';
import { ThemesController } from './themes/themes.controller';
import { UsersController } from './users/users.controller';

/**
 * The events service: the HTTP API. Controllers only (one call per endpoint); the rules live in @hs/domain.
 * A new controller is added to CONTROLLERS, one per line.
 */
// prettier-ignore
const CONTROLLERS = [
  AuthController,
  UsersController,
  ThemesController,
  AuditController,
];

@Module({
  controllers: CONTROLLERS,
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class EventsModule {}
