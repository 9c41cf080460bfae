import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { LiveBusEventName, LiveBusEvents, LiveBusMessage } from '@hs/contracts';
import { isOffline, withTimeout } from './redis-availability';
import { RedisRepository } from './redis.repository';

const PUBLISH_TIMEOUT_MS = 1000;

/** Every event name, checked complete by the compiler. */
const EVENTS: Record<LiveBusEventName, true> = {
  'dilemma.changed': true,
  'evening.changed': true,
  'manual-counts.added': true,
  'tally.dirty': true,
};

/** What arrives on the channel is ours, but checked before it is typed: a stray publish must not reach a handler. */
function isMessage(value: unknown): value is LiveBusMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { event, payload } = value as { event?: unknown; payload?: unknown };
  return typeof event === 'string' && Object.hasOwn(EVENTS, event) && typeof payload === 'object' && payload !== null;
}

/**
 * The live bus over Redis pub/sub (the LiveBus port): the API and the worker publish what changed,
 * every gateway process subscribes and delivers to its own sockets. One channel per deployment.
 */
@Injectable()
export class LiveBusRepository implements OnApplicationShutdown {
  private readonly logger = new Logger('LiveBus');
  private subscriber?: Redis;
  private subscribed?: Promise<void>;
  private readonly handlers: Array<(message: LiveBusMessage) => void> = [];

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

  onMessage(handler: (message: LiveBusMessage) => void): void {
    this.handlers.push(handler);
  }

  listen(): Promise<void> {
    this.subscribed ??= this.subscribe();
    return this.subscribed;
  }

  private async subscribe(): Promise<void> {
    this.subscriber = this.redis.connect('live-bus-subscriber');
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel !== this.channel) return;
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch {
        return;
      }
      if (!isMessage(message)) return;
      for (const handler of this.handlers) {
        try {
          handler(message);
        } catch (error) {
          this.logger.error(`handler for ${message.event} failed: ${(error as Error).message}`);
        }
      }
    });
    await this.subscriber.subscribe(this.channel);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }
}
