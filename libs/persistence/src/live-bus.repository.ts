import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { LiveBusEventName, LiveBusEvents } from '@hs/contracts';
import { isOffline, withTimeout } from './redis-availability';
import { RedisRepository } from './redis.repository';

const PUBLISH_TIMEOUT_MS = 1000;

type Handler = <E extends LiveBusEventName>(event: E, payload: LiveBusEvents[E]) => void;

/**
 * The internal bus between the parts: the API and the worker publish what changed, every
 * gateway process subscribes and delivers to its own sockets. Redis pub/sub, so it crosses processes.
 */
@Injectable()
export class LiveBusRepository implements OnApplicationShutdown {
  private readonly logger = new Logger('LiveBus');
  private subscriber?: Redis;
  private readonly handlers: Handler[] = [];

  constructor(private readonly redis: RedisRepository) {}

  private get channel(): string {
    return this.redis.key('live-bus');
  }

  async publish<E extends LiveBusEventName>(event: E, payload: LiveBusEvents[E]): Promise<void> {
    try {
      // Without Redis the HTTP action must still answer: do not wait for a reconnect.
      if (isOffline(this.redis.client)) throw new Error(`Redis is ${this.redis.client.status}`);
      await withTimeout(
        this.redis.client.publish(this.channel, JSON.stringify({ event, payload })),
        PUBLISH_TIMEOUT_MS,
        'publishing',
      );
    } catch (error) {
      // A missed broadcast is repaired by the state every client gets on reconnect; the HTTP action stands.
      this.logger.warn(`could not publish ${event}: ${(error as Error).message}`);
    }
  }

  async subscribe(handler: Handler): Promise<void> {
    this.handlers.push(handler);
    if (this.subscriber) return;
    this.subscriber = this.redis.connect('live-bus-subscriber');
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      let parsed: { event: LiveBusEventName; payload: LiveBusEvents[LiveBusEventName] };
      try {
        parsed = JSON.parse(message);
      } catch {
        return;
      }
      for (const h of this.handlers) {
        try {
          h(parsed.event, parsed.payload);
        } catch (error) {
          this.logger.error(`handler for ${parsed.event} failed: ${(error as Error).message}`);
        }
      }
    });
    await this.subscriber.subscribe(this.channel);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }
}
