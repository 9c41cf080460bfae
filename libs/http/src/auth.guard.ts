import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isScopedRole, type StaffRole } from '@hs/contracts';
import { StaffScopeService, TokenService } from '@hs/domain';
import { IS_PUBLIC, ROLES, SCOPED, type ScopeCheck } from './auth.decorators';

/**
 * The global guard: every route needs a staff token unless marked @Public(); @Roles narrows it.
 * Participant tokens never open a staff route. The roles tenant_org and municipality open only routes marked
 * @Scoped(), so a new route is closed to them until someone decides what they may see there; for every staff
 * member the guard puts the scope (StaffScopeService) on the request and checks a @Scoped route's record.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly scopes: StaffScopeService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const header: unknown = request.headers?.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    const principal = match ? this.tokens.verify(match[1]) : null;
    if (!principal || principal.kind !== 'staff') throw new UnauthorizedException('Inloggen vereist (geen of ongeldig token).');
    request.principal = principal;

    const check = this.reflector.getAllAndOverride<ScopeCheck | undefined>(SCOPED, targets);
    if (isScopedRole(principal.role)) {
      if (!check) throw new ForbiddenException('Uw rol mag dit niet.');
    } else {
      const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, targets);
      if (roles && principal.role !== 'admin' && !roles.includes(principal.role)) {
        throw new ForbiddenException('Uw rol mag dit niet.');
      }
    }
    request.scope = await this.scopes.of(principal);
    if (check && check !== 'filtered') {
      const id: unknown = request.params?.id;
      if (typeof id === 'string') await this.scopes.assertResource(request.scope, check, id);
    }
    return true;
  }
}
