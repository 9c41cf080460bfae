import type { LimitRule } from '../limits/rate-limit-store';

/**
 * How sign-in resists password guessing without letting anyone lock a facilitator out (issue: abuse
 * resistance, finding 4). Failures are counted per client address, never per account: ten wrong
 * passwords for an account from anywhere no longer block the right one from the facilitator's laptop.
 * An address that keeps failing waits longer and longer before its answer, and after
 * LOGIN_FAILURES_PER_IP failures in the window it is refused outright until the window ends.
 */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Failures an address may make before its answers start to slow down: typing mistakes cost nothing. */
export const LOGIN_FREE_FAILURES = 5;
export const LOGIN_FIRST_DELAY_MS = 250;
export const LOGIN_MAX_DELAY_MS = 4000;

export function loginFailureRule(failuresPerAddress: number): LimitRule {
  return { name: 'login-failures-ip', points: failuresPerAddress, durationSeconds: LOGIN_WINDOW_SECONDS };
}

/** The wait before an address with `failures` recent failures hears whether its password was right. */
export function loginDelayMs(failures: number): number {
  if (failures <= LOGIN_FREE_FAILURES) return 0;
  return Math.min(LOGIN_MAX_DELAY_MS, LOGIN_FIRST_DELAY_MS * 2 ** (failures - LOGIN_FREE_FAILURES - 1));
}
