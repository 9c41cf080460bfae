import type { FactoryProvider, Type } from '@nestjs/common';
import {
  JobQueueRepository,
  JobWorkerRepository,
  LiveBusRepository,
  LiveSocketRepository,
  PresenceRepository,
  TallyRepository,
} from '@hs/persistence';
import { JOB_QUEUE, JOB_WORKERS, type JobQueue, type JobWorkers } from './job-queue.port';
import { LIVE_BUS, type LiveBus } from './live-bus.port';
import { LIVE_SOCKET_SERVER, type LiveSocketServer } from './live-socket-server.port';
import { PRESENCE_BOARD, type PresenceBoard } from './presence-board.port';
import { TALLY_STORE, type TallyStore } from './tally-store.port';

/**
 * Binds a port to the class that serves it. The class is a provider of the PersistenceModule; the
 * return type of the factory makes the compiler check that it fits the port, without persistence
 * importing the domain.
 */
function served<P>(port: symbol, by: Type<P>): FactoryProvider<P> {
  return { provide: port, inject: [by], useFactory: (implementation: P) => implementation };
}

/**
 * The one place where each port's implementation is chosen: today Redis (pub/sub, hashes with Lua,
 * BullMQ) and Socket.IO with the Redis Streams adapter. A second backplane is another line here.
 */
export const BACKPLANE_PROVIDERS = [
  served<LiveBus>(LIVE_BUS, LiveBusRepository),
  served<TallyStore>(TALLY_STORE, TallyRepository),
  served<LiveSocketServer>(LIVE_SOCKET_SERVER, LiveSocketRepository),
  served<PresenceBoard>(PRESENCE_BOARD, PresenceRepository),
  served<JobQueue>(JOB_QUEUE, JobQueueRepository),
  served<JobWorkers>(JOB_WORKERS, JobWorkerRepository),
];
