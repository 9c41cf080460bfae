import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { RateLimitGuard } from './rate-limit.guard';
import { RATE_LIMIT, type RateLimitRule } from './rate-limit.rule';

export { RATE_LIMIT, type RateLimitRule } from './rate-limit.rule';

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
    ApiTooManyRequestsResponse({ description: 'Too many requests from this address; the Retry-After header says when to retry' }),
  );
