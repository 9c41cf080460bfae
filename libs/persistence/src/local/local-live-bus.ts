import { Injectable, Logger } from '@nestjs/common';
import type { LiveBusEventName, LiveBusEvents, LiveBusMessage } from '@hs/contracts';

/**
 * The live bus of a single process (the LiveBus port, BACKPLANE=local): what the Redis bus does when the
 * API, the gateway and the worker share one process. As over Redis, a message reaches the handlers only
 * once the process listens, delivery is asynchronous (a publisher never runs its subscribers' work inside
 * its own call), and the payload goes through JSON, so no subscriber shares an object with the publisher.
 */
@Injectable()
export class LocalLiveBus {
  private readonly logger = new Logger('LiveBus');
  private readonly handlers: Array<(message: LiveBusMessage) => void> = [];
  private listening = false;

  async publish<E extends LiveBusEventName>(event: E, payload: LiveBusEvents[E]): Promise<void> {
    if (!this.listening) return;
    const raw = JSON.stringify({ event, payload });
    setImmediate(() => {
      const message = JSON.parse(raw) as LiveBusMessage;
      for (const handler of this.handlers) {
        try {
          handler(message);
        } catch (error) {
          this.logger.error(`handler for ${message.event} failed: ${(error as Error).message}`);
        }
      }
    });
  }

  onMessage(handler: (message: LiveBusMessage) => void): void {
    this.handlers.push(handler);
  }

  async listen(): Promise<void> {
    this.listening = true;
  }
}
