import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { StatePayload, VoteAck, VoteChoice } from '@hs/contracts';
import type { StaffSession, TestApp } from './test-app';

/** Socket.IO clients for the live tests: tenants and staff against the real server. */
export type LiveClient = Socket & { states: StatePayload[]; received: Array<{ event: string; payload: unknown }> };

export const ALLOWED_ORIGIN = 'http://localhost:3999';

export interface ConnectOptions {
  origin?: string | null;
  transports?: string[];
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
  } as never) as LiveClient;
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

/** Resolves with the first event (already received or coming) that fits; rejects after `ms`. */
export function waitFor<T>(
  socket: LiveClient,
  event: string,
  fits: (payload: T) => boolean = () => true,
  ms = 10_000,
): Promise<T> {
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

export function vote(socket: Socket, payload: unknown, ms = 15_000): Promise<VoteAck> {
  return socket.timeout(ms).emitWithAck('vote', payload) as Promise<VoteAck>;
}

export function aVote(dilemmaId: string, choice: VoteChoice, clientVoteId = randomUUID()) {
  return { dilemmaId, clientVoteId, choice };
}

export async function joinEvening(t: TestApp | { http: TestApp['http'] }, joinCode: string, extra: Record<string, unknown> = {}) {
  const response = await t.http.post('/api/join').send({ joinCode, ...extra });
  if (response.status !== 201) throw new Error(`join: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { participantToken: string; participantId: string; eveningId: string };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value (not undefined); for state that settles asynchronously. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(50);
  }
}
