import type { AppConfig } from '@hs/config';
import { RedisRepository, SocketAdapterRepository } from '@hs/persistence';
import { describeWithRedis } from './support/services';

/**
 * A platform that stops moments after it started (a test, a crash loop, a quick redeploy) must stop cleanly. The
 * Redis Streams adapter subscribes its pub/sub client without waiting for the answer; ending that client before the
 * answer came rejected the SUBSCRIBE with "Connection is closed." and nobody caught it: an unhandled rejection that
 * failed whatever test happened to be running in the same worker.
 */
describeWithRedis('the Socket.IO adapter stopped right after it started (e2e, real Redis)', () => {
  it('ends its connections without an unhandled rejection', async () => {
    const config = { redisUrl: process.env.REDIS_URL!, redisPrefix: `${process.env.REDIS_PREFIX}:adapter-stop` } as AppConfig;
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    const redis = new RedisRepository(config);
    const sockets = new SocketAdapterRepository(redis);
    try {
      for (let round = 0; round < 5; round++) {
        const factory = sockets.createAdapter()!;
        // The namespace's adapter: its constructor subscribes as soon as the duplicated client exists.
        const adapter = factory({ name: '/live', server: { encoder: {} } } as never);
        await new Promise((resolve) => setImmediate(resolve));
        // As the platform stops: Socket.IO closes the namespace's adapter, then the repository ends its readers.
        await adapter.close();
        sockets.onApplicationShutdown();
      }
      // Long enough for the rejected SUBSCRIBEs to surface as unhandled.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(unhandled.map((reason) => (reason as Error).message)).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
      await redis.onApplicationShutdown();
    }
  });
});
