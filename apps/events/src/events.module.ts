import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './http/auth.guard';
import { UsersController } from './users/users.controller';

/** The events service: the HTTP API. Controllers only; the rules live in @hs/domain. */
@Module({
  controllers: [AuthController, UsersController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class EventsModule {}
