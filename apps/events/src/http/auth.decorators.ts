import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@hs/contracts';
import type { StaffPrincipal } from '@hs/domain';

export const IS_PUBLIC = 'hs:public';
export const ROLES = 'hs:roles';

/** A route anyone may call without a token. Every other route needs a staff token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Staff roles allowed on a route besides admin (admin may do everything). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);

export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext): StaffPrincipal => {
  return context.switchToHttp().getRequest().principal as StaffPrincipal;
});
