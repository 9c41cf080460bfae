// The Socket.IO connection to namespace /live (CONTRACT.md "Live").
// Event names and payload shapes: see libs/contracts/src/live-events.ts (ServerToClientEvents,
// ClientToServerEvents, VoteAck). This JS cannot import the TypeScript, so keep the two in step.
import { io } from '/assets/vendor/socket.io/socket.io.esm.min.js';

/** Server → client events (live-events.ts ServerToClientEvents). `evening` is an addition: status changes. */
export const EVENTS = { state: 'state', dilemma: 'dilemma', tally: 'tally', presence: 'presence', evening: 'evening' };
/** Client → server (live-events.ts ClientToServerEvents). */
export const VOTE = 'vote';
/** Ack error codes of `vote` (libs/contracts/src/error-codes.ts VOTE_ERROR_CODES). */
export const VOTE_ERRORS = ['BAD_PAYLOAD', 'NOT_OPEN', 'UNKNOWN_OPTION', 'WRONG_EVENING', 'RATE_LIMITED', 'UNAUTHORIZED'];

/**
 * Connects with `auth` ({token} for a tenant, {token, eveningId} for staff) and wires the handlers:
 * {state, dilemma, tally, presence, evening, connect, disconnect, unauthorized, error}.
 * Socket.IO reconnects by itself; the server sends `state` again after each reconnection.
 */
export function connectLive(auth, handlers) {
  const socket = io('/live', {
    path: '/socket.io',
    auth,
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  for (const name of Object.values(EVENTS)) {
    if (handlers[name]) socket.on(name, (payload) => handlers[name](payload));
  }
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
 */
export function sendVote(socket, payload, { timeoutMs = 6000, attempts = 5, onRetry } = {}) {
  return new Promise((resolve, reject) => {
    let attempt = 0;
    const tryOnce = () => {
      attempt += 1;
      socket.timeout(timeoutMs).emit(VOTE, payload, (err, ack) => {
        if (!err) return resolve(ack);
        if (attempt >= attempts) return reject(new Error('timeout'));
        onRetry?.(attempt);
        tryOnce();
      });
    };
    tryOnce();
  });
}
