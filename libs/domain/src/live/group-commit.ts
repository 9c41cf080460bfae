/**
 * Group commit: items that arrive within `waitMs` (or until `max` are waiting) are written together
 * by one call of `write`, and every caller gets its own result once that call has finished.
 * One write runs at a time: while it runs, the next batch gathers, so batches grow with the load
 * and a participant's later vote is never written before an earlier one.
 */
export class GroupCommit<T, R> {
  private queue: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly max: number,
    private readonly waitMs: number,
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.queue.length === 0) return;
    if (this.queue.length >= this.max || this.waitMs === 0) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), this.waitMs);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.max);
    this.running = true;
    this.write(batch.map((b) => b.item))
      .then(
        (results) => batch.forEach((b, i) => b.resolve(results[i])),
        (error: unknown) => batch.forEach((b) => b.reject(error)),
      )
      .finally(() => {
        this.running = false;
        // What gathered meanwhile has waited long enough: write it at once.
        if (this.queue.length > 0) this.flush();
      });
  }
}
