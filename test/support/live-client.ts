import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, StatePayload, VoteAck, VoteChoice, VotePayload } from '@hs/contracts';
import type { StaffSession, TestApp } from './test-app';

/**
 * Socket.IO clients for the live tests: tenants and staff against the real server, typed by the contract's
 * event map (the same one the gateway and the page script use). Only the bad-input tests step outside it, with raw().
 */
export type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents> & {
  states: StatePayload[];
  received: Array<{ event: string; payload: unknown }>;
};

/** What the server sends with an event, by the event's name. */
export type EventPayload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

export const ALLOWED_ORIGIN = 'http://localhost:3999';

export interface ConnectOptions {
  origin?: string | null;
  transports?: Array<'websocket' | 'polling'>;
  reconnection?: boolean;
}

/** Connects and resolves once connected (rejects with the connect_error). Records every event. */
export function connect(url: string, auth: Record<string, unknown>, options: ConnectOptions = {}): Promise<LiveClient> {
  const origin = options.origin === undefined ? ALLOWED_ORIGIN : options.origin;
  const socket = io(`${url}/live`, {
    auth,
    transports: options.transports ?? ['websocket'],
    reconnection: options.reconnection ?? false,
    forceNew: true,
    timeout: 10_000,
    extraHeaders: origin ? { origin } : {},
  }) as LiveClient;
  socket.states = [];
  socket.received = [];
  socket.onAny((event: string, payload: unknown) => {
    socket.received.push({ event, payload });
    if (event === 'state') socket.states.push(payload as StatePayload);
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      reject(error);
    };
    // A handshake the server cannot even parse ends with the transport closing, not a connect_error.
    const timer = setTimeout(() => fail(new Error('timeout')), 10_000);
    socket.once('connect', () => {
      settled = true;
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', fail);
    // The manager closes just before connect_error is emitted: give that the first word.
    socket.io.once('close', () => setTimeout(() => fail(new Error('closed')), 20));
  });
}

export function connectTenant(url: string, token: string, options?: ConnectOptions): Promise<LiveClient> {
  return connect(url, { token }, options);
}

export function connectStaff(url: string, staff: StaffSession, eveningId: string, options?: ConnectOptions): Promise<LiveClient> {
  return connect(url, { token: staff.token, eveningId }, options);
}

/** Resolves with the first `event` (already received or coming) whose payload fits; rejects after `ms`. */
export function waitForEvent<E extends keyof ServerToClientEvents>(
  socket: LiveClient,
  event: E,
  fits: (payload: EventPayload<E>) => boolean = () => true,
  ms = 10_000,
): Promise<EventPayload<E>> {
  type T = EventPayload<E>;
  const seen = socket.received.find((r) => r.event === event && fits(r.payload as T));
  if (seen) return Promise.resolve(seen.payload as T);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.offAny(listener);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const listener = (name: string, payload: T) => {
      if (name !== event || !fits(payload)) return;
      clearTimeout(timer);
      socket.offAny(listener);
      resolve(payload);
    };
    socket.onAny(listener);
  });
}

/** Sends a vote as the contract has it and resolves with the ack. */
export function vote(socket: LiveClient, payload: VotePayload, ms = 15_000): Promise<VoteAck> {
  return socket.timeout(ms).emitWithAck('vote', payload);
}

/**
 * The socket without the contract's types, for the bad-input tests alone: they send what the contract forbids
 * (wrong shapes, unknown events, extra arguments) to see that the server refuses it.
 */
export function raw(socket: LiveClient): Socket {
  return socket as unknown as Socket;
}

/** Sends anything as a `vote` (bad-input tests) and resolves with the ack. */
export function voteRaw(socket: LiveClient, payload: unknown, ms = 15_000): Promise<VoteAck> {
  return raw(socket).timeout(ms).emitWithAck('vote', payload) as Promise<VoteAck>;
}

/** The `vote` payload of one tenant's choice (a stored vote row is aggregation-builders' aVote()). */
export function aVotePayload(dilemmaId: string, choice: VoteChoice, clientVoteId = randomUUID()): VotePayload {
  return { dilemmaId, clientVoteId, choice };
}

export async function joinEvening(t: TestApp | { http: TestApp['http'] }, joinCode: string, extra: Record<string, unknown> = {}) {
  const response = await t.http.post('/api/join').send({ joinCode, ...extra });
  if (response.status !== 201) throw new Error(`join: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { participantToken: string; participantId: string; eveningId: string };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
