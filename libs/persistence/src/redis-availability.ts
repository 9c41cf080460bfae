import type Redis from 'ioredis';

/**
 * Our Redis clients queue commands while disconnected and retry for ever (maxRetriesPerRequest: null,
 * which BullMQ needs). That is right for the queue's own workers, but an HTTP request must not hang until
 * Redis is back: callers that can do without Redis check isOffline first and put a time limit on the rest.
 */
const OFFLINE_STATES = new Set(['reconnecting', 'close', 'end']);

/** The client lost its server: a command now would wait in the offline queue. */
export function isOffline(client: Pick<Redis, 'status'>): boolean {
  return OFFLINE_STATES.has(client.status);
}

/** Rejects when `promise` has not settled within `ms` (the operation itself may still complete later). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
