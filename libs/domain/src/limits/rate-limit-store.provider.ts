import type { Provider } from '@nestjs/common';
import { RedisRateLimitStore } from '@hs/persistence';
import { RateLimitStore } from './rate-limit-store';

/**
 * The one place where the rate-limit mechanism is chosen: today the Redis-backed store, shared by
 * every process. A single process without Redis binds MemoryRateLimitStore (@hs/persistence) here
 * instead, e.g. `{ provide: RateLimitStore, useClass: MemoryRateLimitStore }`.
 */
export const RATE_LIMIT_STORE_PROVIDER: Provider = {
  provide: RateLimitStore,
  inject: [RedisRateLimitStore],
  useFactory: (store: RedisRateLimitStore): RateLimitStore => store,
};
