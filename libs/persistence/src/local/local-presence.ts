import { Injectable } from '@nestjs/common';

/** A report older than this no longer counts, as with the Redis presence. */
const FRESH_MS = 3500;

/**
 * Connected tenants per evening in a single process (BACKPLANE=local): the gateway reports its counts
 * each second as it does to Redis, and a report that has gone stale stops counting. Serves PresenceBoard.
 */
@Injectable()
export class LocalPresence {
  private readonly reports = new Map<string, Map<string, { connected: number; at: number }>>();

  async report(processId: string, counts: Map<string, number>): Promise<void> {
    const now = Date.now();
    for (const [eveningId, connected] of counts) {
      let byProcess = this.reports.get(eveningId);
      if (!byProcess) this.reports.set(eveningId, (byProcess = new Map()));
      byProcess.set(processId, { connected, at: now });
    }
  }

  async connected(eveningId: string): Promise<number | null> {
    const now = Date.now();
    let total = 0;
    for (const { connected, at } of this.reports.get(eveningId)?.values() ?? []) if (now - at <= FRESH_MS) total += connected;
    return total;
  }
}
