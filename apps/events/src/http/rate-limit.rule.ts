import type { AppConfig } from '@hs/config';

/** Metadata key and shape of a @RateLimit rule (apart from the decorator, so the guard and it do not import each other). */
export const RATE_LIMIT = 'hs:rate-limit';

export interface RateLimitRule {
  bucket: string;
  /** Requests per IP per window, or how to read it from the configuration; undefined: PUBLIC_WRITE_RATE_LIMIT. */
  limit?: number | ((config: AppConfig) => number);
  windowSeconds: number;
}
