// @ts-check
// The Socket.IO connection to namespace /live (docs/API.md, "Live events"). Event names, payloads and ack
// codes are the contract's own types (libs/contracts/src/live-events.ts), checked by `npm run check`
// (tsconfig.web.json): a name or payload that drifts from the contract fails the check.
// @ts-expect-error Served by URL (apps/web/src/web.module.ts), so TypeScript cannot find it; LiveSocket types it.
import { io } from '/assets/vendor/socket.io/socket.io.esm.min.js';

/** @typedef {import('@hs/contracts').ServerToClientEvents} ServerToClientEvents */
/** @typedef {import('@hs/contracts').ClientToServerEvents} ClientToServerEvents */
/** @typedef {import('@hs/contracts').VotePayload} VotePayload */
/** @typedef {import('@hs/contracts').VoteAck} VoteAck */
/** @typedef {import('socket.io-client').Socket<ServerToClientEvents, ClientToServerEvents>} LiveSocket */
/**
 * What the page wants to hear: the contract's server events, and the socket's own.
 * @typedef {{ [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] } & {
 *   connect?: () => void;
 *   disconnect?: (reason: string) => void;
 *   unauthorized?: () => void;
 *   error?: (error: Error) => void;
 * }} LiveHandlers
 */

/**
 * Connects with `auth` ({token} for a tenant, {token, eveningId} for staff) and wires the handlers:
 * {state, dilemma, tally, presence, evening, connect, disconnect, unauthorized, error}.
 * Socket.IO reconnects by itself; the server sends `state` again after each reconnection.
 * @param {{ token: string, eveningId?: string }} auth
 * @param {LiveHandlers} handlers
 * @returns {LiveSocket}
 */
export function connectLive(auth, handlers) {
  /** @type {LiveSocket} */
  const socket = io('/live', {
    path: '/socket.io',
    auth,
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  // One line per server event: the checker pairs each name with its payload in the contract.
  if (handlers.state) socket.on('state', handlers.state);
  if (handlers.dilemma) socket.on('dilemma', handlers.dilemma);
  if (handlers.tally) socket.on('tally', handlers.tally);
  if (handlers.presence) socket.on('presence', handlers.presence);
  if (handlers.evening) socket.on('evening', handlers.evening);
  socket.on('connect', () => handlers.connect?.());
  socket.on('disconnect', (reason) => handlers.disconnect?.(reason));
  socket.on('connect_error', (error) => {
    // The server refuses a bad token with message "unauthorized" and does not retry by itself then.
    if (error?.message === 'unauthorized') handlers.unauthorized?.();
    else handlers.error?.(error);
  });
  return socket;
}

/**
 * Sends one vote and resolves with its ack. A timeout resends the SAME clientVoteId, so the server
 * recognises the retry and counts the vote once (`duplicate`). Rejects only after `attempts` timeouts.
 * @param {LiveSocket} socket
 * @param {VotePayload} payload
 * @param {{ timeoutMs?: number, attempts?: number, onRetry?: (attempt: number) => void }} [options]
 * @returns {Promise<VoteAck>}
 */
export function sendVote(socket, payload, { timeoutMs = 6000, attempts = 5, onRetry } = {}) {
  return new Promise((resolve, reject) => {
    let attempt = 0;
    const tryOnce = () => {
      attempt += 1;
      socket.timeout(timeoutMs).emit('vote', payload, (/** @type {Error | null} */ err, /** @type {VoteAck} */ ack) => {
        if (!err) return resolve(ack);
        if (attempt >= attempts) return reject(new Error('timeout'));
        onRetry?.(attempt);
        tryOnce();
      });
    };
    tryOnce();
  });
}
