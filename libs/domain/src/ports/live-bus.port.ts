import type { LiveBusEventName, LiveBusEvents, LiveBusMessage } from '@hs/contracts';

/**
 * The live bus: the API and the worker say what changed, every gateway process hears it. A lost
 * message costs a late update only (clients get the full state again on reconnection), so
 * publishing never throws: an HTTP action that committed stands.
 */
export interface LiveBus {
  publish<E extends LiveBusEventName>(event: E, payload: LiveBusEvents[E]): Promise<void>;
  /**
   * Registers a handler; handlers run in the order they were registered, synchronously for one
   * message. Domain caches register in their constructors, so they have heard a message before
   * anything that delivers it (registered at bootstrap) reads from them.
   */
  onMessage(handler: (message: LiveBusMessage) => void): void;
  /** Starts hearing other processes (a process with sockets to serve); resolves once subscribed. */
  listen(): Promise<void>;
}

export const LIVE_BUS = Symbol('LiveBus');
