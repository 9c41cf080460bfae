import { Injectable, Logger } from '@nestjs/common';
import type { LiveBusEventName, LiveBusEvents } from '@hs/contracts';

type Handler = <E extends LiveBusEventName>(event: E, payload: LiveBusEvents[E]) => void;

/**
 * The live bus of a single process (BACKPLANE=local): the same publish/subscribe as the Redis bus, for
 * when the API, the gateway and the worker share one process. Delivery is asynchronous, as over Redis, so a
 * publisher never runs its subscribers' work inside its own call, and the payload goes through JSON so a
 * subscriber never shares an object with the publisher.
 */
@Injectable()
export class LocalLiveBus {
  private readonly logger = new Logger('LiveBus');
  private readonly handlers: Handler[] = [];

  async publish<E extends LiveBusEventName>(event: E, payload: LiveBusEvents[E]): Promise<void> {
    const message = JSON.stringify(payload);
    setImmediate(() => {
      for (const handler of this.handlers) {
        try {
          handler(event, JSON.parse(message) as LiveBusEvents[E]);
        } catch (error) {
          this.logger.error(`handler for ${event} failed: ${(error as Error).message}`);
        }
      }
    });
  }

  async subscribe(handler: Handler): Promise<void> {
    this.handlers.push(handler);
  }
}
