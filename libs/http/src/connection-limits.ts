import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Counter } from 'prom-client';

/** Headers must have arrived this long after a connection or a keep-alive request starts. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** A whole request (headers and body) must have arrived within this. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** How often Node looks for connections past those timeouts (its default, 30 s, kept slow ones for up to a minute). */
const CHECK_INTERVAL_MS = 1_000;

export interface ConnectionLimits {
  /** Open connections per client address. */
  perAddress: number;
  /** Of those, connections that have not yet sent a complete request head (slow or half-open handshakes). */
  pendingPerAddress: number;
  /** A proxy carries everyone's connections: it is not capped (it has its own limits). */
  isTrustedProxy: (address: string) => boolean;
  refused: Counter<'reason'>;
}

/**
 * One host must not be able to hold every file descriptor (issue: abuse resistance, finding 8): per
 * peer address, a cap on open connections and on those still waiting for their first request head,
 * plus short header and request timeouts. Must run before the server listens, so that Node's
 * connection checker starts with the short interval.
 */
export function limitConnections(server: HttpServer, limits: ConnectionLimits): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  // Read when the server starts listening (Node's setupConnectionsTracking); public since Node 18.
  (server as HttpServer & { connectionsCheckingInterval: number }).connectionsCheckingInterval = CHECK_INTERVAL_MS;

  const open = new Map<string, number>();
  const pending = new Map<string, number>();
  const add = (counts: Map<string, number>, address: string, delta: number) => {
    const next = (counts.get(address) ?? 0) + delta;
    if (next <= 0) counts.delete(address);
    else counts.set(address, next);
  };
  const waiting = new WeakSet<Socket>();
  const started = (socket: Socket) => {
    if (!waiting.delete(socket)) return;
    add(pending, socket.remoteAddress ?? '', -1);
  };

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    if (limits.isTrustedProxy(address)) return;
    const overOpen = (open.get(address) ?? 0) >= limits.perAddress;
    if (overOpen || (pending.get(address) ?? 0) >= limits.pendingPerAddress) {
      limits.refused.inc({ reason: overOpen ? 'open' : 'pending' });
      socket.destroy();
      return;
    }
    add(open, address, 1);
    add(pending, address, 1);
    waiting.add(socket);
    socket.once('close', () => {
      started(socket);
      add(open, address, -1);
    });
  });
  server.on('request', (request: { socket: Socket }) => started(request.socket));
  server.on('upgrade', (request: { socket: Socket }) => started(request.socket));
}
