/**
 * The values that cross the backplane ports (libs/domain/src/ports): what the domain hands to a live
 * bus, a tally store, a socket server and a job queue, and what it gets back. They live here, not
 * beside the ports, because the implementations in libs/persistence name them too and persistence
 * never imports the domain.
 */
import type { ServerToClientEvents, VoteAck } from './live-events';
import type { JobName, JobPayloads } from './queues';

/**
 * The live counters of one dilemma and round. A tally store keeps them however it likes (Redis
 * spells them as hash fields); everyone else sees this shape.
 */
export interface LiveCounters {
  /** Phone voters. */
  voters: number;
  /** Sum of the scale values of the phone votes (scale dilemmas only). */
  scaleSum: number;
  /** Phone counts per option id (scale: "1".."5"; budget: summed points). */
  options: Record<string, number>;
  /** Hand counts per option id (scale: "1".."5"). */
  manual: Record<string, number>;
  /** The people the hand counts stand for. */
  manualPeople: number;
}

/** Sockets of an evening come in two audiences: tenants never receive what only staff may see. */
export type LiveAudience = 'tenants' | 'staff';

/** What the handshake established about a socket. */
export type LiveIdentity =
  { kind: 'participant'; participantId: string; eveningId: string } | { kind: 'staff'; userId: string; eveningId: string };

/** One admitted socket, as the gateway sees it: no Socket.IO type leaks past the socket server. */
export interface LiveConnection {
  readonly who: LiveIdentity;
  readonly connected: boolean;
  emit<E extends keyof ServerToClientEvents>(event: E, ...payload: Parameters<ServerToClientEvents[E]>): void;
  /** `vote` events; `args` as they came (the payload, without the ack), `ack` a no-op when none was sent. */
  onVote(handler: (args: unknown[], ack: (answer: VoteAck) => void) => void): void;
  onDisconnect(handler: () => void): void;
  disconnect(): void;
}

export interface LiveSocketHandlers {
  /** The handshake's `auth`; resolves with who it is, or null to refuse with `unauthorized`. */
  admit(auth: unknown): Promise<LiveIdentity | null>;
  /** Called for every connection and reconnection, after the socket joined its evening's audience. */
  connected(connection: LiveConnection): void;
}

/** Options of one queued job (a subset every queue backend can honour). */
export interface EnqueueOptions {
  /** Deterministic id: the same id queued twice runs once (see jobIds). */
  jobId?: string;
}

export interface JobContext {
  id: string;
  attemptsMade: number;
  attempts: number;
  progress(percent: number): Promise<void>;
}

export type JobHandlers = { [N in JobName]?: (payload: JobPayloads[N], context: JobContext) => Promise<unknown> };

export interface JobWorkerOptions {
  concurrency: number;
  /** Errors that a retry cannot fix (a missing report, bad input): the job fails at once. */
  isPermanent: (error: unknown) => boolean;
  /** Called once a job has failed for good (attempts used up, permanent error, stalled too often). */
  onFinalFailure?: (name: JobName, payload: unknown, reason: string) => Promise<void>;
}
