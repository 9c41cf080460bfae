export * from './live-bus.port';
export * from './tally-store.port';
export * from './live-socket-server.port';
export * from './presence-board.port';
export * from './job-queue.port';
export * from './backplane.providers';
