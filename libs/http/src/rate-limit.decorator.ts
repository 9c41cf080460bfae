import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiErrorResponse } from './api-route.decorator';
import { RateLimitGuard } from './rate-limit.guard';
import { FAILURE_LIMITED, RATE_LIMIT, type RateLimitRule } from './rate-limit.rule';

export { FAILURE_LIMITED, RATE_LIMIT, type RateLimitRule } from './rate-limit.rule';

/**
 * Limits a route per client IP (behind a proxy: X-Forwarded-For, see `trust proxy` in configure-http.ts):
 * over the limit it answers 429 with Retry-After. Meant for public write routes. Keep limits generous:
 * a venue's wifi puts a few hundred tenants behind one address. Without a limit, PUBLIC_WRITE_RATE_LIMIT
 * per minute applies.
 *
 *   @Public() @RateLimit('registrations') @Post(':id/registrations')
 */
export const RateLimit = (bucket: string, limit?: RateLimitRule['limit'], windowSeconds = 60) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT, { bucket, limit, windowSeconds } satisfies RateLimitRule),
    UseGuards(RateLimitGuard),
    ApiErrorResponse(429, 'Too many requests from this address; the Retry-After header says when to retry.'),
  );

/**
 * A public write route limited by its failures, which the domain counts (sign-in per address, joins per
 * address and join code): counting every request would let other people's traffic lock out a valid
 * code, card or password. Marks the route for the rule that every public write route is limited, and
 * documents its 429.
 */
export const FailureLimited = () =>
  applyDecorators(
    SetMetadata(FAILURE_LIMITED, true),
    ApiErrorResponse(429, 'Too many failures from this address; the Retry-After header says when to retry.'),
  );
