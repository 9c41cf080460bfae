import type { LiveAudience, LiveSocketHandlers, ServerToClientEvents } from '@hs/contracts';

/**
 * The sockets of namespace /live in this process. It owns the socket server (handshake, rooms per
 * evening and audience, the link to other gateway processes); the gateway gives it the handlers.
 * Emits reach this process's sockets only: every gateway process hears every bus message and
 * delivers to its own.
 */
export interface LiveSocketServer {
  /** Attaches to the HTTP server and starts admitting sockets. */
  start(handlers: LiveSocketHandlers): void;
  emitToEvening<E extends keyof ServerToClientEvents>(
    eveningId: string,
    audience: LiveAudience,
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ): void;
  /** Sockets of this process in an evening (one audience, or both). */
  localCount(eveningId: string, audience?: LiveAudience): number;
  /** Evenings that have staff sockets in this process. */
  eveningsWithStaff(): string[];
  close(): Promise<void>;
}

export const LIVE_SOCKET_SERVER = Symbol('LiveSocketServer');
