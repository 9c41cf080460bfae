import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { StaffRole } from '@hs/contracts';
import type { ScopedResource, StaffPrincipal, StaffScope } from '@hs/domain';
import { ApiErrorResponse, documentPublic } from './api-route.decorator';
import { IS_PUBLIC } from './route-metadata';

export { IS_PUBLIC } from './route-metadata';
export const ROLES = 'hs:roles';
export const SCOPED = 'hs:scoped';

/** What a @Scoped route checks: the record its `:id` names, or (`filtered`) the handler narrows its answer itself. */
export type ScopeCheck = ScopedResource | 'filtered';

/** A route anyone may call without a token (`security: []` in the OpenAPI document). Every other route needs a staff token. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), documentPublic());

/** Staff roles allowed on a route besides admin (admin may do everything). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);

/**
 * Opens a route to the people at the table (roles tenant_org and municipality), who may call no route without it.
 * With a resource, the guard refuses (403) a record outside the caller's municipalities before the handler runs;
 * with none, the handler takes @CurrentScope() and narrows what it answers. The OpenAPI document marks the route
 * with `x-scoped`, which the scoping test reads to try every such route with another municipality's data.
 */
export const Scoped = (check: ScopeCheck = 'filtered') =>
  applyDecorators(
    SetMetadata(SCOPED, check),
    ApiExtension('x-scoped', check),
    ApiErrorResponse(403, 'Wrong role, or (OUT_OF_SCOPE) another municipality than the account may read.'),
  );

export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext): StaffPrincipal => {
  return context.switchToHttp().getRequest().principal as StaffPrincipal;
});

/** The caller's scope, set by the guard: everything for admin, analyst and facilitator; their municipalities otherwise. */
export const CurrentScope = createParamDecorator((_: unknown, context: ExecutionContext): StaffScope => {
  return context.switchToHttp().getRequest().scope as StaffScope;
});
