import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { type Namespace, Server, type ServerOptions, type Socket } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import {
  type ClientToServerEvents,
  LIVE_NAMESPACE,
  type LiveAudience,
  type LiveConnection,
  type LiveIdentity,
  type LiveSocketHandlers,
  type ServerToClientEvents,
  type VoteAck,
} from '@hs/contracts';
import { SocketAdapterRepository } from './socket-adapter.repository';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveIdentity>;
type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveIdentity>;

/** A vote is a few hundred bytes; anything much larger is refused by Socket.IO before it is parsed. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

const REFUSED_LOG_INTERVAL_MS = 60_000;

/** Rooms per evening, one per audience; only this file knows their names. */
const roomOf = (eveningId: string, audience: LiveAudience) => `evening:${eveningId}:${audience}`;
const audienceOf = (who: LiveIdentity): LiveAudience => (who.kind === 'participant' ? 'tenants' : 'staff');

/**
 * The socket server of namespace /live (the LiveSocketServer port): Socket.IO on the process's HTTP
 * server, with the Redis Streams adapter between gateway processes. Origin: handshakes from origins
 * outside ALLOWED_ORIGINS are refused. A handshake without an Origin header is allowed: browsers omit
 * it on same-origin polling requests, and non-browser clients can send any Origin they like anyway;
 * the token in `auth`, never a cookie, is what admits a socket.
 */
@Injectable()
export class LiveSocketRepository {
  private readonly logger = new Logger('LiveSockets');
  private io?: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveIdentity>;
  private nsp?: LiveNamespace;
  /** When each refused origin was last logged. */
  private readonly refusedOrigins = new Map<string, number>();
  /** Sockets of this process per evening and audience, counted as they come and go. */
  private readonly present = new Map<string, Record<LiveAudience, number>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly httpHost: HttpAdapterHost,
    private readonly adapter: SocketAdapterRepository,
  ) {}

  start(handlers: LiveSocketHandlers): void {
    const httpServer = this.httpHost.httpAdapter.getHttpServer() as HttpServer;
    const allowed = new Set(this.config.allowedOrigins);
    const options: Partial<ServerOptions> = {
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      // A connection that joins no namespace within this is closed (the default, 45 s, let one host hold
      // thousands of unauthenticated engine.io sockets).
      connectTimeout: 10_000,
      cors: { origin: this.config.allowedOrigins, credentials: false },
      allowRequest: (req: IncomingMessage, callback) => {
        const origin = req.headers.origin;
        const admitted = origin === undefined || allowed.has(origin);
        if (!admitted) this.logRefusedOrigin(origin);
        callback(null, admitted);
      },
      // Sessions survive a short drop; the middleware still checks the token again on recovery.
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
      adapter: this.adapter.createAdapter(),
    };
    this.io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveIdentity>(httpServer, options);
    // Only /live exists: the main namespace admits nobody.
    this.io.of('/').use((_socket, next) => next(new Error('unauthorized')));
    const nsp: LiveNamespace = this.io.of(LIVE_NAMESPACE);
    nsp.use((socket, next) => {
      handlers.admit(socket.handshake.auth).then(
        (who) => {
          if (who) socket.data = who;
          next(who ? undefined : new Error('unauthorized'));
        },
        () => next(new Error('unauthorized')),
      );
    });
    nsp.on('connection', (socket) => {
      const who = socket.data;
      const audience = audienceOf(who);
      void socket.join(roomOf(who.eveningId, audience));
      this.count(who.eveningId, audience, +1);
      socket.on('disconnect', () => this.count(who.eveningId, audience, -1));
      try {
        handlers.connected(this.connection(socket));
      } catch (error) {
        this.logger.error(`connection handler failed: ${(error as Error).message}`);
        socket.disconnect(true);
      }
    });
    this.nsp = nsp;
  }

  /**
   * A refused origin is logged (the origin only: no address, no token), once a minute per origin, since a
   * phone retries every few seconds. At a venue this line is how the facilitator learns that PUBLIC_URL or
   * ALLOWED_ORIGINS lacks the address the phones use.
   */
  private logRefusedOrigin(origin: string): void {
    const shown = JSON.stringify(origin.slice(0, 200));
    const now = Date.now();
    if ((this.refusedOrigins.get(shown) ?? 0) > now - REFUSED_LOG_INTERVAL_MS) return;
    if (this.refusedOrigins.size >= 1000) this.refusedOrigins.clear();
    this.refusedOrigins.set(shown, now);
    this.logger.warn(
      `socket handshake refused: origin ${shown} is not in ALLOWED_ORIGINS (add it, or set PUBLIC_URL to the address phones use)`,
    );
  }

  private connection(socket: LiveSocket): LiveConnection {
    return {
      who: socket.data,
      get connected() {
        return socket.connected;
      },
      emit: (event, ...payload) => socket.emit(event, ...payload),
      onVote: (handler) =>
        socket.on('vote', (...args: unknown[]) => {
          const last = args[args.length - 1];
          if (typeof last !== 'function') return handler(args, () => undefined);
          handler(args.slice(0, -1), (answer: VoteAck) => void last(answer));
        }),
      onDisconnect: (handler) => socket.on('disconnect', handler),
      disconnect: () => socket.disconnect(true),
    };
  }

  private count(eveningId: string, audience: LiveAudience, step: 1 | -1): void {
    const entry = this.present.get(eveningId) ?? { tenants: 0, staff: 0 };
    entry[audience] += step;
    if (entry.tenants + entry.staff > 0) this.present.set(eveningId, entry);
    else this.present.delete(eveningId);
  }

  emitToEvening<E extends keyof ServerToClientEvents>(
    eveningId: string,
    audience: LiveAudience,
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ): void {
    this.nsp?.local.to(roomOf(eveningId, audience)).emit(event, ...payload);
  }

  localCount(eveningId: string, audience?: LiveAudience): number {
    const entry = this.present.get(eveningId);
    if (!entry) return 0;
    return audience ? entry[audience] : entry.tenants + entry.staff;
  }

  eveningsWithStaff(): string[] {
    return [...this.present].filter(([, entry]) => entry.staff > 0).map(([eveningId]) => eveningId);
  }

  async close(): Promise<void> {
    await this.io?.close().catch(() => undefined);
  }
}
