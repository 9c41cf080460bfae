import type { Provider, Type } from '@nestjs/common';
import type { AppConfig } from '@hs/config';
import { LiveBusRepository } from '../live-bus.repository';
import { PresenceRepository } from '../live/presence.repository';
import { SocketAdapterRepository } from '../live/socket-adapter.repository';
import { TallyRepository } from '../live/tally.repository';
import { MemoryRateLimitStore, RedisRateLimitStore } from '../limits/flexible-rate-limit.store';
import { RedisRepository } from '../redis.repository';
import { REPOSITORIES } from '../repositories';
import { LocalLiveBus } from './local-live-bus';
import { LocalPresence } from './local-presence';
import { LocalSocketAdapter } from './local-socket-adapter';
import { LocalTallyStore } from './local-tally-store';

type Hooks = 'onApplicationShutdown' | 'onModuleDestroy' | 'onApplicationBootstrap';
/** What callers may use of a Redis repository: its public members, lifecycle hooks aside. */
type Serves<R> = Omit<{ [K in keyof R]: R[K] }, Hooks>;

/**
 * Binds a Redis repository's token to its in-process stand-in; the compiler checks that the stand-in
 * offers everything callers use of the original, so the domain's ports (bound to these tokens) hold.
 */
function standIn<R>(token: Type<R>, local: Type<Serves<R>>): Provider {
  return { provide: token, useClass: local };
}

/**
 * BACKPLANE=local: one process with no Redis. Every repository that talks to Redis gives way to an
 * in-process one under the same token (the job queue stays: it switches BullMQ to PostgreSQL itself, in
 * queue-backend.ts); RedisRepository is not provided at all, so nothing can open a Redis connection.
 */
const LOCAL_STAND_INS: Provider[] = [
  standIn(LiveBusRepository, LocalLiveBus),
  standIn(TallyRepository, LocalTallyStore),
  standIn(PresenceRepository, LocalPresence),
  standIn(SocketAdapterRepository, LocalSocketAdapter),
  standIn(RedisRateLimitStore, MemoryRateLimitStore),
];

const REPLACED = new Set<unknown>([
  RedisRepository,
  LiveBusRepository,
  TallyRepository,
  PresenceRepository,
  SocketAdapterRepository,
  RedisRateLimitStore,
]);

/** The providers of the PersistenceModule for this backplane, and the tokens it exports. */
export function repositoriesFor(config: AppConfig): { providers: Provider[]; tokens: unknown[] } {
  if (config.backplane !== 'local') return { providers: REPOSITORIES, tokens: REPOSITORIES };
  const kept = REPOSITORIES.filter((repository) => !REPLACED.has(repository));
  return { providers: [...kept, ...LOCAL_STAND_INS], tokens: REPOSITORIES.filter((r) => r !== RedisRepository) };
}
