/**
 * What the live benchmarks share: the run's database (on whatever PostgreSQL the platform itself would
 * use: DATABASE_URL, 127.0.0.1:5432, or the embedded one), a seeded evening, the platform and the bare
 * baseline as child processes, and the simulated crowd in client processes (client-worker.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { Client } from 'pg';
import { loadConfig } from '../../libs/config/src/app-config';
import { prepareDatabase } from '../../libs/persistence/src/database-bootstrap';
import { chooseDatabase, type ChosenDatabase } from '../../libs/persistence/src/embedded/local-services';
import { deleteKeysUnder } from '../../libs/persistence/src/redis-keys';

export const root = process.cwd();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const log = (line: string) => process.stdout.write(line + '\n');

export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function ratio(a: unknown, b: unknown): number | null {
  return typeof a === 'number' && typeof b === 'number' && b !== 0 ? Number((a / b).toFixed(3)) : null;
}

/** Phase figures by layout (or kind), then by phase; `figure` reads one number out, or undefined. */
export type PhaseResults = Record<string, Record<string, unknown>>;

export function figure(results: PhaseResults, name: string, phase: string, field: string): number | undefined {
  return (results[name]?.[phase] as Record<string, number> | undefined)?.[field];
}

/** Prints the summary and writes the run to bench/results/<name>.json, beside the settings it ran with. */
export function writeResults(name: string, settings: Record<string, unknown>, results: PhaseResults, summary: object): void {
  log('\nsummary ' + JSON.stringify(summary));
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = join(root, `bench/results/${name}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), settings, results, summary }, null, 2));
  log(`written to ${file}`);
}

/** Runs a benchmark's main, always cleans the run up, and exits 0 or 1 (children and sockets may still hold the loop). */
export function runBenchmark(name: string, run: BenchRun, main: () => Promise<void>): void {
  main()
    .finally(() => run.cleanUp())
    .then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`bench:${name} failed: ${(error as Error).stack}\n`);
        process.exit(1);
      },
    );
}

export function waitMessage<T>(child: ChildProcess, predicate: (m: T) => boolean = () => true, timeoutMs = 600_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for a child process')), timeoutMs);
    const onMessage = (message: T) => {
      if (!predicate(message)) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
  });
}

/** A benchmark run: its own database and Redis prefix, a signing secret, and a metrics token. */
export class BenchRun {
  readonly id = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  readonly secret = randomBytes(32).toString('hex');
  readonly redisPrefix = `hsb_${this.id}`;
  readonly metricsToken = `bench-${this.id}-metrics-token`;
  databaseUrl = '';
  private chosen?: ChosenDatabase;

  /** Settles the PostgreSQL to use (as the platform would) and creates and migrates the run's database. */
  async prepare(): Promise<void> {
    this.chosen = await chooseDatabase(loadConfig({ ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? '' }), log);
    const url = new URL(this.chosen.config.databaseUrl);
    url.pathname = `/hs_bench_${this.id}`;
    this.databaseUrl = url.toString();
    await prepareDatabase(this.databaseUrl);
  }

  /** The run's database and Redis keys go, also after a failed run; an embedded PostgreSQL stops last. */
  async cleanUp(): Promise<void> {
    if (this.databaseUrl) {
      const admin = new URL(this.databaseUrl);
      admin.pathname = '/postgres';
      const db = new Client({ connectionString: admin.toString() });
      await db.connect();
      await db.query(`DROP DATABASE IF EXISTS "hs_bench_${this.id}" WITH (FORCE)`);
      await db.end();
    }
    await deleteKeysUnder(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', this.redisPrefix).catch(() => undefined);
    await this.chosen?.embedded?.stop();
  }

  /** The environment of a platform process of this run. */
  platformEnv(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: this.databaseUrl,
      REDIS_PREFIX: this.redisPrefix,
      JWT_SECRET: this.secret,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ALLOWED_ORIGINS: `http://localhost:${port}`,
      VOTE_RATE_LIMIT: '1000000',
      METRICS_TOKEN: this.metricsToken,
      ...extra,
    };
  }

  sign(claims: object, subject: string): string {
    return jwt.sign(claims, this.secret, { algorithm: 'HS256', issuer: 'huurdersstem', subject, expiresIn: 3600 });
  }

  async query<R = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    const db = new Client({ connectionString: this.databaseUrl });
    await db.connect();
    try {
      return (await db.query(sql, params)).rows as R[];
    } finally {
      await db.end();
    }
  }
}

export interface Fixture {
  eveningId: string;
  dilemmaIds: string[];
  optionIds: string[][];
  participantTokens: string[];
  staffToken: string;
}

/** A live evening with eight four-option dilemmas (one per phase, so each starts empty), participants and a facilitator. */
export async function seedEvening(run: BenchRun, participants: number): Promise<Fixture> {
  const [evening] = await run.query<{ id: string }>(
    `INSERT INTO evening (title, municipality, venue, starts_at, status, join_code) VALUES ('Benchmark', 'Leeuwarden', 'Loopback', now(), 'live', 'BENCH2') RETURNING id`,
  );
  const dilemmaIds: string[] = [];
  const optionIds: string[][] = [];
  for (let position = 1; position <= 8; position++) {
    const [d] = await run.query<{ id: string }>(
      `INSERT INTO dilemma (evening_id, position, theme, question, kind, status, touched_at) VALUES ($1, $2, 'woning', 'Benchmark-vraag', 'choice', 'draft', now()) RETURNING id`,
      [evening.id, position],
    );
    const options = await run.query<{ id: string }>(
      `INSERT INTO dilemma_option (dilemma_id, position, label) SELECT $1, n, 'Optie ' || n FROM generate_series(1, 4) n RETURNING id`,
      [d.id],
    );
    dilemmaIds.push(d.id);
    optionIds.push(options.map((r) => r.id));
  }
  const people = await run.query<{ id: string }>(
    `INSERT INTO participant (evening_id, "group") SELECT $1, 'tenant' FROM generate_series(1, $2) RETURNING id`,
    [evening.id, participants],
  );
  const [staff] = await run.query<{ id: string }>(
    `INSERT INTO staff_user (email, name, role, password_hash) VALUES ($1, 'Bench', 'facilitator', 'scrypt$x') RETURNING id`,
    [`bench-${run.id}@example.nl`],
  );
  return {
    eveningId: evening.id,
    dilemmaIds,
    optionIds,
    participantTokens: people.map((r) => run.sign({ typ: 'participant', eve: evening.id }, r.id)),
    staffToken: run.sign({ typ: 'staff', role: 'facilitator' }, staff.id),
  };
}

export async function openDilemma(run: BenchRun, dilemmaId: string): Promise<void> {
  await run.query(`UPDATE dilemma SET status = 'closed' WHERE status = 'open'`);
  await run.query(`UPDATE dilemma SET status = 'open', touched_at = now() WHERE id = $1`, [dilemmaId]);
}

/** A platform process from the build (dist/), answering /api/health (or /health on METRICS_PORT for a worker). */
export async function startPlatform(run: BenchRun, port: number, extra: Record<string, string> = {}, execArgv: string[] = []) {
  const child = fork(join(root, 'dist/apps/server/src/main.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['-r', join(root, 'scripts/register-paths.js'), ...execArgv],
    env: run.platformEnv(port, extra),
  });
  const healthUrl =
    extra.ROLE === 'worker' ? `http://127.0.0.1:${extra.METRICS_PORT}/health` : `http://127.0.0.1:${port}/api/health`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`platform process (${extra.ROLE ?? 'all'}) exited with ${child.exitCode}`);
    try {
      const res = await fetch(healthUrl);
      if (res.status < 500) return child;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  throw new Error(`platform process (${extra.ROLE ?? 'all'}) did not start`);
}

/** The baseline: a bare Socket.IO server that acks every vote at once (bare-server.ts). */
export async function startBare(port: number): Promise<ChildProcess> {
  const child = fork(join(root, 'bench/live/bare-server.ts'), [String(port)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['-r', 'ts-node/register/transpile-only'],
  });
  await waitMessage(child, (m: { ready?: boolean }) => !!m.ready);
  return child;
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([new Promise((r) => child.once('exit', r)), sleep(10_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

export async function startClients(count: number): Promise<ChildProcess[]> {
  const clients = Array.from({ length: count }, () =>
    fork(join(root, 'bench/live/client-worker.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  await Promise.all(clients.map((c) => waitMessage(c, (m: { ready?: boolean }) => !!m.ready)));
  return clients;
}

/**
 * Connects the tokens, split evenly over the client processes; client i talks to ports[i % ports.length]
 * (several gateways), each from its own 127.0.x.y address, with the Origin the platform admits (by default
 * the first port's). Returns how many connected.
 */
export async function connectAll(
  clients: ChildProcess[],
  ports: number[],
  tokens: string[],
  origin = `http://localhost:${ports[0]}`,
): Promise<number> {
  const per = Math.ceil(tokens.length / clients.length);
  const answers = await Promise.all(
    clients.map((client, i) => {
      const port = ports[i % ports.length];
      const answer = waitMessage<{ connected: number; failed: number }>(client, (m) => 'connected' in m);
      client.send({
        cmd: 'connect',
        url: `http://127.0.0.1:${port}`,
        tokens: tokens.slice(i * per, (i + 1) * per),
        localAddress: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`,
        origin,
      });
      return answer;
    }),
  );
  const failed = answers.reduce((s, a) => s + a.failed, 0);
  if (failed) log(`  (${failed} connections failed)`);
  return answers.reduce((s, a) => s + a.connected, 0);
}

export async function disconnectAll(clients: ChildProcess[]): Promise<void> {
  await Promise.all(
    clients.map((c) => {
      const done = waitMessage(c, (m: { disconnected?: boolean }) => !!m.disconnected);
      c.send({ cmd: 'disconnect' });
      return done;
    }),
  );
}

/** Closed loop: every socket votes again as soon as its previous vote is acknowledged. */
export async function closedLoop(clients: ChildProcess[], fx: Fixture, dilemma: number, seconds: number) {
  const answers = await Promise.all(
    clients.map((c) => {
      const answer = waitMessage<{ acked: number; errors: Record<string, number>; ms: number }>(c, (m) => 'acked' in m);
      c.send({
        cmd: 'closed-loop',
        durationMs: seconds * 1000,
        dilemmaId: fx.dilemmaIds[dilemma],
        optionIds: fx.optionIds[dilemma],
        inFlightPerSocket: 1,
      });
      return answer;
    }),
  );
  const acked = answers.reduce((s, a) => s + a.acked, 0);
  const ms = Math.max(...answers.map((a) => a.ms));
  const errors: Record<string, number> = {};
  for (const a of answers) for (const [k, v] of Object.entries(a.errors)) errors[k] = (errors[k] ?? 0) + v;
  return { acked, seconds: ms / 1000, perSecond: acked / (ms / 1000), errors };
}

/** Open loop at a fixed offered rate: each socket votes once; returns ack latencies and when each was acked. */
export async function openLoop(clients: ChildProcess[], fx: Fixture, dilemma: number, rate: number, durationMs: number) {
  const answers = await Promise.all(
    clients.map((c) => {
      const answer = waitMessage<{ latencies: number[]; ackTimes: number[]; errors: Record<string, number>; sent: number }>(
        c,
        (m) => 'latencies' in m,
      );
      c.send({
        cmd: 'open-loop',
        ratePerSecond: rate / clients.length,
        durationMs,
        dilemmaId: fx.dilemmaIds[dilemma],
        optionIds: fx.optionIds[dilemma],
      });
      return answer;
    }),
  );
  return {
    latencies: answers.flatMap((a) => a.latencies),
    sent: answers.reduce((s, a) => s + a.sent, 0),
    votes: answers.flatMap((a) => a.ackTimes.map((t, i) => ({ ack: t, sent: t - a.latencies[i] }))).sort((x, y) => x.ack - y.ack),
  };
}

/**
 * How long each acknowledged vote took to show in a staff tally: each socket votes once, so the n-th
 * acknowledged vote is visible in the first tally whose total reaches n.
 */
export function tallyDelays(votes: Array<{ sent: number }>, tallies: Array<{ at: number; total: number }>): number[] {
  const visible: number[] = [];
  let cursor = 0;
  votes.forEach((vote, index) => {
    while (cursor < tallies.length && tallies[cursor].total < index + 1) cursor++;
    if (cursor < tallies.length) visible.push(tallies[cursor].at - vote.sent);
  });
  return visible;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) in parentheses; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The processes running a program of that name (postgres, redis-server): every backend, not only the postmaster. */
export function pidsNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    });
}

/** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
function machineJiffies(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  const total = n.slice(0, 8).reduce((s, v) => s + v, 0);
  return { busy: total - n[3] - n[4], total };
}

/**
 * Where the CPU went during a phase: for each named group of processes, the cores it used on average
 * (CPU seconds over wall seconds), and the machine's busy share of all its cores. Groups are given as
 * functions, so processes that appear during the phase (a PostgreSQL backend) are counted too; a
 * process that ends during the phase loses its last seconds, so the sum is a lower bound.
 */
export function sampleCpu(groups: Record<string, () => number[]>): () => Record<string, number> {
  const read = () =>
    Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, new Map(pids().map((p) => [p, cpuSeconds(p)]))]));
  const before = read();
  const machineBefore = machineJiffies();
  const started = Date.now();
  return () => {
    const seconds = (Date.now() - started) / 1000;
    const after = read();
    const machine = machineJiffies();
    const cores: Record<string, number> = {};
    for (const [name, now] of Object.entries(after)) {
      let used = 0;
      for (const [pid, value] of now) used += value - (before[name].get(pid) ?? 0);
      cores[name] = Number((used / seconds).toFixed(2));
    }
    cores.machineBusyShare = Number(
      ((machine.busy - machineBefore.busy) / Math.max(1, machine.total - machineBefore.total)).toFixed(2),
    );
    return cores;
  };
}
