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
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  let health: unknown = null;
  let healthyAfterMs: number | null = null;
  while (Date.now() - started < 240_000 && child.exitCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
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
  const page = await fetch(`http://127.0.0.1:${port}/`).then(
    (r) => r.status,
    () => null,
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(30_000)]);
  const postgresStopped = !existsSync(join(dataDir, 'postgres', 'postmaster.pid'));
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  return { healthyAfterMs, health, page, postgresStopped, output };
}

(async () => {
  const first = await startOnce();
  const second = await startOnce();
  process.stdout.write(JSON.stringify({ first, second }) + '\n');
})().catch((error: unknown) => {
  process.stdout.write(JSON.stringify({ error: String(error) }) + '\n');
});
