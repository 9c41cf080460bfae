import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { isOffline, withTimeout } from './redis-availability';

/** The Redis connections of this process, and the key prefix every key and channel carries. */
@Injectable()
export class RedisRepository implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis;
  private readonly extra: Redis[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = this.connect('command');
  }

  get prefix(): string {
    return this.config.redisPrefix;
  }

  /** A key or channel name in this deployment's namespace. */
  key(...parts: Array<string | number>): string {
    return [this.config.redisPrefix, ...parts].join(':');
  }

  /** A further connection (subscribers and blocking clients need their own). */
  connect(purpose: string, options: RedisOptions = {}): Redis {
    const connection = new Redis(this.config.redisUrl, {
      maxRetriesPerRequest: null,
      enableReadyCheck: true,
      connectionName: `huurdersstem-${purpose}`,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      ...options,
    });
    // Without a listener ioredis reports every reconnect attempt as an unhandled error.
    connection.on('error', (error) => this.logger.warn(`redis ${purpose}: ${error.message}`));
    if (this.client) this.extra.push(connection);
    return connection;
  }

  async ping(): Promise<boolean> {
    try {
      return !isOffline(this.client) && (await withTimeout(this.client.ping(), 1000, 'PING')) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // A connection another repository has closed already is left alone: disconnecting it again would
    // arm ioredis's 2 s force-close timer on a stream that has already closed, holding the process.
    // QUIT waits behind any command queued while Redis was away, for ever: those are disconnected instead.
    const open = [this.client, ...this.extra].filter((c) => c.status !== 'end' && c.status !== 'close');
    await Promise.all(
      open.map((c) =>
        isOffline(c)
          ? c.disconnect()
          : withTimeout(c.quit(), 1000, 'closing Redis').catch(() => (c.status === 'end' ? undefined : c.disconnect())),
      ),
    );
  }
}
