import { Injectable } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { RedisRepository } from '../redis.repository';

/**
 * The Socket.IO Redis Streams adapter: sessions for connection state recovery and the cluster
 * channel between gateway processes, under this deployment's key prefix. Only this file knows it.
 */
@Injectable()
export class SocketAdapterRepository {
  constructor(private readonly redis: RedisRepository) {}

  /** A factory for `io.adapter(...)`; each call opens its own connection (the adapter duplicates it for reading). */
  createAdapter(): ReturnType<typeof createAdapter> {
    const client = this.redis.connect('socket-io-adapter');
    return createAdapter(client, {
      streamName: this.redis.key('sio', 'stream'),
      channelPrefix: this.redis.key('sio'),
      sessionKeyPrefix: this.redis.key('sio', 'session') + ':',
      maxLen: 10_000,
      onlyPlaintext: true,
    });
  }
}
