import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { StaffRole } from '@hs/contracts';
import { TokenService } from '@hs/domain';
import { IS_PUBLIC, ROLES } from './auth.decorators';

/**
 * The global guard: every route needs a staff token unless marked @Public(); @Roles narrows it.
 * Participant tokens never open a staff route.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const header: unknown = request.headers?.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    const principal = match ? this.tokens.verify(match[1]) : null;
    if (!principal || principal.kind !== 'staff') throw new UnauthorizedException('Inloggen vereist (geen of ongeldig token).');
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, targets);
    if (roles && principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new ForbiddenException('Uw rol mag dit niet.');
    }
    return true;
  }
}
