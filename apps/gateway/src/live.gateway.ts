import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { type ClientToServerEvents, LIVE_NAMESPACE, type ServerToClientEvents, type VoteAck } from '@hs/contracts';
import { LiveStateService, TokenService, VoteService } from '@hs/domain';
import { MetricsRegistry, SocketAdapterRepository } from '@hs/persistence';
import type { Counter, Gauge, Histogram } from 'prom-client';
import { type LiveSocketData, staffRoom, tenantRoom } from './live-rooms';
import { PresenceService } from './presence.service';
import { parseVotePayload } from './vote.dto';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
export type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_MESSAGE_BYTES = 16 * 1024;

/**
 * The live gateway (CONTRACT.md, Live): Socket.IO on the HTTP server, namespace /live.
 * Wired by hand rather than with @WebSocketGateway: acks stay ours (a failure never becomes Nest's
 * "Internal server error" exception event) and a socket costs no per-socket Nest/rxjs plumbing.
 * Origin: handshakes from origins outside ALLOWED_ORIGINS are refused. A handshake without an Origin
 * header is allowed: browsers omit it on same-origin polling requests, and non-browser clients can
 * send any Origin they like anyway; the token in `auth`, never a cookie, is what admits a socket.
 */
@Injectable()
export class LiveGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LiveGateway');
  private io?: Server;
  nsp?: LiveNamespace;
  private readonly sockets: Gauge<'kind'>;
  private readonly votesCounted: Counter<'result'>;
  private readonly ackSeconds: Histogram;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly httpHost: HttpAdapterHost,
    private readonly adapter: SocketAdapterRepository,
    private readonly tokens: TokenService,
    private readonly live: LiveStateService,
    private readonly votes: VoteService,
    private readonly presence: PresenceService,
    metrics: MetricsRegistry,
  ) {
    this.sockets = metrics.gauge({
      name: 'huurdersstem_live_sockets',
      help: 'Open /live sockets in this process',
      labelNames: ['kind'],
    });
    this.votesCounted = metrics.counter({
      name: 'huurdersstem_votes_total',
      help: 'Votes answered, by ack status or error code',
      labelNames: ['result'],
    });
    this.ackSeconds = metrics.histogram({
      name: 'huurdersstem_vote_ack_seconds',
      help: 'From a vote arriving to its ack (stored votes only)',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    });
  }

  onApplicationBootstrap(): void {
    const httpServer = this.httpHost.httpAdapter.getHttpServer() as HttpServer;
    const allowed = new Set(this.config.allowedOrigins);
    this.io = new Server(httpServer, {
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      // A connection that joins no namespace within this is closed (the default, 45 s, let one host hold
      // thousands of unauthenticated engine.io sockets).
      connectTimeout: 10_000,
      cors: { origin: this.config.allowedOrigins, credentials: false },
      allowRequest: (req: IncomingMessage, callback) => {
        const origin = req.headers.origin;
        callback(null, origin === undefined || allowed.has(origin));
      },
      // Sessions survive a short drop; the middleware still checks the token again on recovery.
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
      adapter: this.adapter.createAdapter(),
    });
    // Only /live exists: the main namespace admits nobody.
    this.io.of('/').use((_socket, next) => next(new Error('unauthorized')));
    const nsp = this.io.of(LIVE_NAMESPACE) as LiveNamespace;
    nsp.use((socket, next) => {
      this.authenticate(socket as LiveSocket).then(
        (ok) => next(ok ? undefined : new Error('unauthorized')),
        () => next(new Error('unauthorized')),
      );
    });
    nsp.on('connection', (socket) => this.onConnection(socket));
    this.nsp = nsp;
    this.presence.attach(nsp);
  }

  private async authenticate(socket: LiveSocket): Promise<boolean> {
    const auth: unknown = socket.handshake.auth;
    if (typeof auth !== 'object' || auth === null) return false;
    const { token, eveningId } = auth as { token?: unknown; eveningId?: unknown };
    const principal = this.tokens.verify(token);
    if (!principal) return false;
    if (principal.kind === 'participant') {
      socket.data = { kind: 'participant', participantId: principal.participantId, eveningId: principal.eveningId };
      return true;
    }
    if (typeof eveningId !== 'string' || !UUID.test(eveningId)) return false;
    if (!(await this.live.evening(eveningId))) return false;
    socket.data = { kind: 'staff', userId: principal.userId, eveningId };
    return true;
  }

  private onConnection(socket: LiveSocket): void {
    const who = socket.data;
    this.sockets.inc({ kind: who.kind });
    socket.on('disconnect', () => this.sockets.dec({ kind: who.kind }));
    if (who.kind === 'participant') {
      void socket.join(tenantRoom(who.eveningId));
      this.presence.tenantConnected(who.eveningId, who.participantId);
      socket.on('disconnect', () => this.presence.tenantDisconnected(who.eveningId, who.participantId));
      // A tenant socket can do nothing but vote; every other event is ignored.
      socket.on('vote', (...args: unknown[]) => this.onVote(socket, who, args));
    } else {
      void socket.join(staffRoom(who.eveningId));
    }
    void this.sendState(socket);
  }

  /** On every connection and reconnection, recovered or not: the full state is the resync. */
  private async sendState(socket: LiveSocket, attempt = 1): Promise<void> {
    const who = socket.data;
    try {
      const viewer =
        who.kind === 'participant'
          ? { kind: 'participant' as const, participantId: who.participantId }
          : { kind: 'staff' as const };
      const state = await this.live.state(viewer, who.eveningId);
      if (!state) {
        socket.disconnect(true);
        return;
      }
      socket.emit('state', state);
    } catch (error) {
      this.logger.warn(`state for a ${who.kind} failed: ${(error as Error).message}`);
      // PostgreSQL away for a moment: try again a few times rather than leave the phone without a state.
      if (attempt < 5) setTimeout(() => socket.connected && void this.sendState(socket, attempt + 1), 2000 * attempt).unref();
    }
  }

  private onVote(socket: LiveSocket, who: Extract<LiveSocketData, { kind: 'participant' }>, args: unknown[]): void {
    const last = args[args.length - 1];
    const ack: (answer: VoteAck) => void = typeof last === 'function' ? (last as (a: VoteAck) => void) : () => undefined;
    const payloadArgs = typeof last === 'function' ? args.slice(0, -1) : args;
    const parsed =
      payloadArgs.length === 1 ? parseVotePayload(payloadArgs[0]) : { ok: false as const, message: 'Verwacht één stem.' };
    if (!parsed.ok) {
      this.votesCounted.inc({ result: 'BAD_PAYLOAD' });
      ack({ ok: false, error: { code: 'BAD_PAYLOAD', message: parsed.message } });
      return;
    }
    const stop = this.ackSeconds.startTimer();
    this.votes.submit({ kind: 'participant', participantId: who.participantId, eveningId: who.eveningId }, parsed.value).then(
      (answer) => {
        this.votesCounted.inc({ result: answer.ok ? answer.status : answer.error.code });
        if (answer.ok) stop();
        ack(answer);
      },
      (error: unknown) => {
        // Not stored (the database is unreachable): no ack, so the client retries with the same clientVoteId.
        this.logger.error(`vote not stored: ${(error as Error).message}`);
      },
    );
  }

  /** Emits to the sockets of this process only: every gateway process gets every bus event. */
  emitLocal<E extends keyof ServerToClientEvents>(room: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void {
    this.nsp?.local.to(room).emit(event, ...payload);
  }

  localCount(room: string): number {
    return this.nsp?.adapter.rooms.get(room)?.size ?? 0;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.presence.detach();
    await this.io?.close().catch(() => undefined);
  }
}
