/**
 * What the test run started for itself and must stop at the end. Jest runs globalSetup and
 * globalTeardown in the same process, so a module-level object carries it from one to the other.
 */
export const testServices: { embedded?: { stop(): Promise<void>; folder: string } } = {};

/** Whether this run has Redis (global-setup decided; the local backplane means it has none). */
export function runHasRedis(): boolean {
  return process.env.BACKPLANE !== 'local' || Boolean(process.env.REDIS_URL);
}

/**
 * `describe` for a suite that needs Redis itself (several processes, a Redis restart): skipped with a
 * visible notice on a run without Redis. CI sets REQUIRE_REDIS=1, so there it never skips.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (runHasRedis()) return describe(name, body);
  process.stdout.write(`skipped (needs Redis, none on this machine): ${name}\n`);
  describe.skip(name, body);
}
