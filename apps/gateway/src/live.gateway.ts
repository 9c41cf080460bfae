import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { runsEvenings, type LiveConnection, type LiveIdentity, type VoteAck } from '@hs/contracts';
import { LIVE_SOCKET_SERVER, LiveStateService, type LiveSocketServer, TokenService, VoteService } from '@hs/domain';
import { MetricsRegistry } from '@hs/persistence';
import type { Counter, Gauge, Histogram } from 'prom-client';
import { PresenceService } from './presence.service';
import { parseVotePayload } from './vote.dto';

/**
 * The live gateway (namespace /live): admits sockets by their token, sends each its `state`, and
 * takes tenants' votes. Transport only: the socket server owns the sockets and their rooms, the
 * domain decides. Acks stay ours (a failure never becomes Nest's "Internal server error" event) and
 * a socket costs no per-socket Nest/rxjs plumbing.
 */
@Injectable()
export class LiveGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LiveGateway');
  private readonly sockets: Gauge<'kind'>;
  private readonly votesCounted: Counter<'result'>;
  private readonly ackSeconds: Histogram;

  constructor(
    @Inject(LIVE_SOCKET_SERVER) private readonly server: LiveSocketServer,
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
    this.server.start({ admit: (auth) => this.admit(auth), connected: (connection) => this.onConnection(connection) });
    this.presence.start();
  }

  /** Tenants: `auth: {token}` with a participant token; staff: `auth: {token, eveningId}` of an existing evening. */
  private async admit(auth: unknown): Promise<LiveIdentity | null> {
    if (typeof auth !== 'object' || auth === null) return null;
    const { token, eveningId } = auth as { token?: unknown; eveningId?: unknown };
    const principal = this.tokens.verify(token);
    if (!principal) return null;
    if (principal.kind === 'participant') {
      return { kind: 'participant', participantId: principal.participantId, eveningId: principal.eveningId };
    }
    // Only those who run evenings follow one live: analysts and the people at the table read aggregated
    // results over HTTP; the live console, raw tallies and presence are not theirs.
    if (!runsEvenings(principal.role)) return null;
    if (typeof eveningId !== 'string' || !(await this.live.evening(eveningId))) return null;
    return { kind: 'staff', userId: principal.userId, eveningId };
  }

  private onConnection(connection: LiveConnection): void {
    const who = connection.who;
    this.sockets.inc({ kind: who.kind });
    connection.onDisconnect(() => this.sockets.dec({ kind: who.kind }));
    if (who.kind === 'participant') {
      this.presence.tenantConnected(who.eveningId, who.participantId);
      connection.onDisconnect(() => this.presence.tenantDisconnected(who.eveningId, who.participantId));
      // A tenant socket can do nothing but vote; every other event is ignored.
      connection.onVote((args, ack) => this.onVote(who, args, ack));
    }
    void this.sendState(connection);
  }

  /** On every connection and reconnection, recovered or not: the full state is the resync. */
  private async sendState(connection: LiveConnection, attempt = 1): Promise<void> {
    const who = connection.who;
    try {
      const viewer =
        who.kind === 'participant'
          ? { kind: 'participant' as const, participantId: who.participantId }
          : { kind: 'staff' as const };
      const state = await this.live.state(viewer, who.eveningId);
      if (!state) {
        connection.disconnect();
        return;
      }
      connection.emit('state', state);
    } catch (error) {
      this.logger.warn(`state for a ${who.kind} failed: ${(error as Error).message}`);
      // PostgreSQL away for a moment: try again a few times rather than leave the phone without a state.
      if (attempt < 5) {
        setTimeout(() => connection.connected && void this.sendState(connection, attempt + 1), 2000 * attempt).unref();
      }
    }
  }

  private onVote(who: Extract<LiveIdentity, { kind: 'participant' }>, args: unknown[], ack: (answer: VoteAck) => void): void {
    const parsed = args.length === 1 ? parseVotePayload(args[0]) : { ok: false as const, message: 'Verwacht één stem.' };
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

  async beforeApplicationShutdown(): Promise<void> {
    this.presence.stop();
    await this.server.close();
  }
}
