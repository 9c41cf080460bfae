/**
 * Connected tenants per evening, across the gateway processes: each process reports its own counts about
 * once a second, and a reader adds up the reports that are still fresh (a process that died or lost the
 * store stops counting within a few seconds).
 */
export interface PresenceBoard {
  /** This process's count of connected tenants per evening (evening id → distinct participants). */
  report(processId: string, counts: Map<string, number>): Promise<void>;
  /** The fresh total for an evening, or null when the store cannot be read. */
  connected(eveningId: string): Promise<number | null>;
}

export const PRESENCE_BOARD = Symbol('PresenceBoard');
