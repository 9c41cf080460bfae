import type { AppConfig } from '@hs/config';

/** Metadata key and shape of a @RateLimit rule (apart from the decorator, so the guard and it do not import each other). */
export const RATE_LIMIT = 'hs:rate-limit';
/** Metadata key of @FailureLimited: the domain counts the route's failures (never its successes). */
export const FAILURE_LIMITED = 'hs:failure-limited';

export interface RateLimitRule {
  bucket: string;
  /** Requests per IP per window, or how to read it from the configuration; undefined: PUBLIC_WRITE_RATE_LIMIT. */
  limit?: number | ((config: AppConfig) => number);
  windowSeconds: number;
}
