/**
 * The vocabulary of rate limits, shared by the domain's RateLimitStore port and its implementations in
 * persistence (which may not import the domain).
 */

/** A limit: at most `points` in `durationSeconds`, counted per key (an address, a join code). */
export interface LimitRule {
  /** Unique per purpose: counters of different rules never mix. */
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
}

export interface LimitState {
  /** Points counted in the current window, this one included. */
  readonly consumed: number;
  /** More than `points` have been counted: the caller refuses. */
  readonly over: boolean;
  /** Seconds until the window ends (at least 1 when over). */
  readonly retryAfterSeconds: number;
}
