import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { LiveBusEventName, LiveBusEvents } from '@hs/contracts';
import { RedisRepository } from './redis.repository';

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
      await this.redis.client.publish(this.channel, JSON.stringify({ event, payload }));
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
