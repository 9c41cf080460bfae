import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type Redis from 'ioredis';
import { RedisRepository } from '../redis.repository';

/**
 * The Socket.IO Redis Streams adapter: sessions for connection state recovery and the cluster
 * channel between gateway processes, under this deployment's key prefix. Only this file knows it.
 */
@Injectable()
export class SocketAdapterRepository implements OnApplicationShutdown {
  /** The adapter duplicates our client for its blocking XREAD; we keep them to end them at shutdown. */
  private readonly readers: Redis[] = [];

  constructor(private readonly redis: RedisRepository) {}

  /** A factory for the `adapter` option of the Socket.IO server (undefined: Socket.IO's in-memory one, for BACKPLANE=local). */
  createAdapter(): ReturnType<typeof createAdapter> | undefined {
    // A blocking XREAD keeps its socket open after disconnect(); ioredis destroys it after this many ms.
    const client = this.redis.connect('socket-io-adapter', { disconnectTimeout: 100 });
    const duplicate = client.duplicate.bind(client);
    client.duplicate = ((...args: Parameters<Redis['duplicate']>) => {
      const reader = duplicate(...args);
      this.readers.push(reader);
      // The adapter subscribes its pub/sub client without waiting for the answer. Stopped before Redis answered
      // (a quick restart, a short test), that SUBSCRIBE rejects with "Connection is closed." and nobody would
      // catch it: an unhandled rejection. There is nothing left to subscribe for by then.
      const subscribe = reader.subscribe.bind(reader) as (...channels: unknown[]) => Promise<unknown>;
      reader.subscribe = ((...channels: unknown[]) => {
        const answer = subscribe(...channels);
        answer.catch(() => undefined);
        return answer;
      }) as Redis['subscribe'];
      return reader;
    }) as Redis['duplicate'];
    return createAdapter(client, {
      streamName: this.redis.key('sio', 'stream'),
      channelPrefix: this.redis.key('sio'),
      sessionKeyPrefix: this.redis.key('sio', 'session') + ':',
      maxLen: 10_000,
      onlyPlaintext: true,
    });
  }

  onApplicationShutdown(): void {
    // A blocking XREAD would otherwise hold the process for up to its block time.
    for (const reader of this.readers) reader.disconnect();
  }
}
