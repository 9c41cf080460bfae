/**
 * Run inside an empty network namespace (test/only-node.e2e-spec.ts): nothing answers on 127.0.0.1:5432
 * or 6379, as on a laptop where only Node is installed. Starts the real entry point twice from the same
 * DATA_DIR, each time until /api/health answers, looks at a page, stops it with SIGTERM, and prints what
 * it saw as one JSON line.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const port = Number(process.env.PROBE_PORT);
const dataDir = process.env.DATA_DIR!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long one start may take to answer /api/health with 200 (initdb included) on a loaded machine. */
const START_BUDGET_MS = 240_000;

async function startOnce() {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/server/src/main.ts'],
    {
      env: { PATH: process.env.PATH ?? '', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Listened for from the start: a server that dies during its start (an exit code, or a signal) ends the wait.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  let health: unknown = null;
  let healthyAfterMs: number | null = null;
  while (Date.now() - started < START_BUDGET_MS && running()) {
    try {
      // A request that hangs must not eat the whole budget.
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(10_000) });
      health = await res.json();
      if (res.status === 200) {
        healthyAfterMs = Date.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  const diedDuringStart = running() ? null : { code: child.exitCode, signal: child.signalCode };
  const page = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(10_000) }).then(
    async (r) => (await r.arrayBuffer(), r.status),
    () => null,
  );
  const stopping = Date.now();
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 30_000)))]);
  clearTimeout(timer);
  const stoppedAfterMs = running() ? null : Date.now() - stopping;
  const postgresStopped = !existsSync(join(dataDir, 'postgres', 'postmaster.pid'));
  if (running()) child.kill('SIGKILL');
  return { healthyAfterMs, stoppedAfterMs, diedDuringStart, health, page, postgresStopped, output };
}

(async () => {
  const first = await startOnce();
  const second = await startOnce();
  process.stdout.write(JSON.stringify({ first, second }) + '\n');
})().catch((error: unknown) => {
  process.stdout.write(JSON.stringify({ error: String(error) }) + '\n');
});
