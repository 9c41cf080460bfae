import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Only Node installed: the real entry point in an empty network namespace (`unshare -n`, loopback up),
 * so nothing answers on 127.0.0.1:5432 or 6379 and nothing of this machine's PostgreSQL or Redis can be
 * reached. It must start an embedded PostgreSQL in DATA_DIR, run on the local backplane, serve health and
 * pages, stop PostgreSQL when it stops, and start again from the same data.
 */
const canIsolate = process.getuid?.() === 0 && spawnSync('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up']).status === 0;
const describeIsolated = canIsolate ? describe : describe.skip;
if (!canIsolate) process.stdout.write('skipped (needs root and unshare -n to hide PostgreSQL and Redis): only-node\n');

interface Start {
  healthyAfterMs: number | null;
  stoppedAfterMs: number | null;
  diedDuringStart: { code: number | null; signal: string | null } | null;
  health: { status?: string; info?: Record<string, { status: string; kind?: string }> } | null;
  page: number | null;
  postgresStopped: boolean;
  output: string;
}

describeIsolated('a machine where only Node is installed (e2e, empty network namespace)', () => {
  let dataDir: string;
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an embedded PostgreSQL and the local backplane, stops PostgreSQL with itself, and keeps the data', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hs-only-node-'));
    // Run as root, PostgreSQL runs as the postgres user, which must reach the data folder.
    chmodSync(dataDir, 0o755);
    // Inside the empty namespace every port is free; one below the ephemeral range can never be the one the
    // embedded PostgreSQL draws for itself (a free port asked of the kernel, 32768 and up).
    const port = 8000;
    const script = 'ip link set lo up && exec "$0" -r ts-node/register/transpile-only test/support/only-node-probe.ts';
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        'unshare',
        ['-n', 'sh', '-c', script, process.execPath],
        {
          env: { PATH: process.env.PATH ?? '', PROBE_PORT: String(port), DATA_DIR: dataDir },
          maxBuffer: 16 * 1024 * 1024,
          timeout: 560_000,
        },
        (error, out) => (error ? reject(error) : resolve(out)),
      ),
    );
    const probe = JSON.parse(stdout.trim().split('\n').pop()!) as { first: Start; second: Start; error?: string };
    if (probe.error) throw new Error(`the probe failed: ${probe.error}`);
    const { first, second } = probe;
    process.stdout.write(
      `only-node: healthy after ${first.healthyAfterMs} ms (first start, initdb), ${second.healthyAfterMs} ms (second); ` +
        `stopped ${first.stoppedAfterMs} ms and ${second.stoppedAfterMs} ms after SIGTERM\n`,
    );

    for (const [name, start] of Object.entries({ first, second })) {
      // A start that never turned healthy says why: the last health answer and what the server printed.
      if (start.healthyAfterMs === null) {
        throw new Error(
          `the ${name} start never answered /api/health with 200; last answer ${JSON.stringify(start.health)}; ` +
            `server ended during start: ${JSON.stringify(start.diedDuringStart)}; output:\n${start.output.slice(-6000)}`,
        );
      }
      expect(start.health).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, queue: { status: 'up' }, backplane: { status: 'up', kind: 'local' } },
      });
      expect(start.health!.info).not.toHaveProperty('redis');
      expect(start.page).toBe(200);
      expect(start.postgresStopped).toBe(true);
      expect(start.output).toMatch(/embedded PostgreSQL on 127\.0\.0\.1:\d+, data in /);
    }
    expect(first.output).toMatch(/initialising an embedded PostgreSQL/);
    expect(second.output).not.toMatch(/initialising/);
  }, 600_000);
});
