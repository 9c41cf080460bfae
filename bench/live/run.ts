/**
 * npm run bench:live — what one server process holds and how fast it stores votes, next to
 * two baselines measured in the same run:
 *   bare      a Socket.IO server that acks each vote without storing it (bare-server.ts);
 *   single    the real gateway writing one INSERT per vote (VOTE_BATCH_MAX=1);
 *   gateway   the real gateway with group commit (the default settings).
 * Simulated tenants live in separate client processes on several 127.0.x.y addresses.
 * Figures are printed and written to bench/results/live.json; docs/PERFORMANCE.md explains them.
 * Options (env): BENCH_IDLE_SOCKETS (18000), BENCH_THROUGHPUT_SOCKETS (2000), BENCH_SECONDS (10),
 * BENCH_RATE (2000 votes/s offered), BENCH_KINDS (bare,single,gateway), BENCH_CLIENTS (4 processes).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { prepareDatabase } from '../../libs/persistence/src/database-bootstrap';
import { deleteKeysUnder } from '../../libs/persistence/src/redis-keys';
import { watchServer } from './server-figures';

const root = process.cwd();
const env = process.env;
const IDLE = Number(env.BENCH_IDLE_SOCKETS ?? 18000);
const SMALL = Math.min(1000, Math.floor(IDLE / 4));
const THROUGHPUT_SOCKETS = Number(env.BENCH_THROUGHPUT_SOCKETS ?? 2000);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const RATE = Number(env.BENCH_RATE ?? 2000);
const CLIENTS = Number(env.BENCH_CLIENTS ?? 4);
const KINDS = (env.BENCH_KINDS ?? 'bare,single,gateway').split(',') as Kind[];
const VOTE_RATE_LIMIT = 1_000_000;
type Kind = 'bare' | 'single' | 'gateway';

const secret = randomBytes(32).toString('hex');
const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const databaseUrl = `postgres://postgres@127.0.0.1:5432/hs_bench_${runId}`;
const redisPrefix = `hsb_${runId}`;
const metricsToken = `bench-${runId}-metrics-token`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stdout.write(line + '\n');

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function waitMessage<T>(child: ChildProcess, predicate: (m: T) => boolean = () => true, timeoutMs = 600_000): Promise<T> {
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

interface Fixture {
  eveningId: string;
  dilemmaIds: string[];
  optionIds: string[][];
  participantTokens: string[];
  staffToken: string;
}

async function seed(): Promise<Fixture> {
  await prepareDatabase(databaseUrl);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const evening = await db.query(
    `INSERT INTO evening (title, municipality, venue, starts_at, status, join_code) VALUES ('Benchmark', 'Leeuwarden', 'Loopback', now(), 'live', 'BENCH2') RETURNING id`,
  );
  const eveningId = evening.rows[0].id as string;
  const dilemmaIds: string[] = [];
  const optionIds: string[][] = [];
  // One dilemma per phase, so each phase starts from an empty tally.
  for (let position = 1; position <= 8; position++) {
    const d = await db.query(
      `INSERT INTO dilemma (evening_id, position, theme, question, kind, status, touched_at) VALUES ($1, $2, 'woning', 'Benchmark-vraag', 'choice', 'draft', now()) RETURNING id`,
      [eveningId, position],
    );
    const id = d.rows[0].id as string;
    const options = await db.query(
      `INSERT INTO dilemma_option (dilemma_id, position, label) SELECT $1, n, 'Optie ' || n FROM generate_series(1, 4) n RETURNING id`,
      [id],
    );
    dilemmaIds.push(id);
    optionIds.push(options.rows.map((r: { id: string }) => r.id));
  }
  const participants = await db.query(
    `INSERT INTO participant (evening_id, "group") SELECT $1, 'tenant' FROM generate_series(1, $2) RETURNING id`,
    [eveningId, Math.max(IDLE, THROUGHPUT_SOCKETS)],
  );
  const staff = await db.query(
    `INSERT INTO staff_user (email, name, role, password_hash) VALUES ($1, 'Bench', 'facilitator', 'scrypt$x') RETURNING id`,
    [`bench-${runId}@example.nl`],
  );
  await db.end();
  const sign = (claims: object, subject: string) =>
    jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'huurdersstem', subject, expiresIn: 3600 });
  return {
    eveningId,
    dilemmaIds,
    optionIds,
    participantTokens: participants.rows.map((r: { id: string }) => sign({ typ: 'participant', eve: eveningId }, r.id)),
    staffToken: sign({ typ: 'staff', role: 'facilitator' }, staff.rows[0].id),
  };
}

async function openDilemma(dilemmaId: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`UPDATE dilemma SET status = 'closed' WHERE status = 'open'`);
  await db.query(`UPDATE dilemma SET status = 'open', touched_at = now() WHERE id = $1`, [dilemmaId]);
  await db.end();
}

async function startServer(kind: Kind, port: number): Promise<ChildProcess> {
  const common: { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] } = { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] };
  if (kind === 'bare') {
    const child = fork(join(root, 'bench/live/bare-server.ts'), [String(port)], {
      ...common,
      execArgv: ['-r', 'ts-node/register/transpile-only'],
    });
    await waitMessage(child, (m: { ready?: boolean }) => !!m.ready);
    return child;
  }
  const child = fork(join(root, 'dist/apps/server/src/main.js'), [], {
    ...common,
    // BENCH_CPU_PROF=1 writes a V8 CPU profile of the server to bench/results/prof/ (bench/live/profile-summary.ts reads it).
    execArgv: [
      '-r',
      join(root, 'scripts/register-paths.js'),
      ...(env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/results/prof')}`] : []),
    ],
    env: {
      ...env,
      ROLE: 'all',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_PREFIX: redisPrefix,
      JWT_SECRET: secret,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ALLOWED_ORIGINS: `http://localhost:${port}`,
      VOTE_RATE_LIMIT: String(VOTE_RATE_LIMIT),
      METRICS_TOKEN: metricsToken,
      ...(kind === 'single' ? { VOTE_BATCH_MAX: '1' } : {}),
    },
  });
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status < 500) return child;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  throw new Error(`${kind} server did not start`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([new Promise((r) => child.once('exit', r)), sleep(10_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function startClients(): Promise<ChildProcess[]> {
  const clients = Array.from({ length: CLIENTS }, () =>
    fork(join(root, 'bench/live/client-worker.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  await Promise.all(clients.map((c) => waitMessage(c, (m: { ready?: boolean }) => !!m.ready)));
  return clients;
}

async function connectAll(clients: ChildProcess[], port: number, tokens: string[]): Promise<number> {
  const per = Math.ceil(tokens.length / clients.length);
  const answers = await Promise.all(
    clients.map((client, i) => {
      const answer = waitMessage<{ connected: number; failed: number }>(client, (m) => 'connected' in m);
      client.send({
        cmd: 'connect',
        url: `http://127.0.0.1:${port}`,
        tokens: tokens.slice(i * per, (i + 1) * per),
        localAddress: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`,
        origin: `http://localhost:${port}`,
      });
      return answer;
    }),
  );
  const failed = answers.reduce((s, a) => s + a.failed, 0);
  if (failed) log(`  (${failed} connections failed)`);
  return answers.reduce((s, a) => s + a.connected, 0);
}

async function disconnectAll(clients: ChildProcess[]): Promise<void> {
  await Promise.all(
    clients.map((c) => {
      const done = waitMessage(c, (m: { disconnected?: boolean }) => !!m.disconnected);
      c.send({ cmd: 'disconnect' });
      return done;
    }),
  );
}

async function idlePhase(kind: Kind, server: ChildProcess, clients: ChildProcess[], port: number, fx: Fixture) {
  const baseRss = rssKiB(server.pid!);
  const small = await connectAll(clients, port, fx.participantTokens.slice(0, SMALL));
  await sleep(3000);
  const smallRss = rssKiB(server.pid!);
  // Each client process answers with all the sockets it now holds.
  const large = await connectAll(clients, port, fx.participantTokens.slice(SMALL, IDLE));
  await sleep(5000);
  const largeRss = rssKiB(server.pid!);
  const perSocketKiB = (largeRss - smallRss) / Math.max(1, large - small);
  log(
    `  ${kind}: held ${large} idle sockets; RSS ${baseRss} → ${smallRss} (${small}) → ${largeRss} KiB (${large}); ${perSocketKiB.toFixed(1)} KiB per socket`,
  );
  return {
    held: large,
    baseRssKiB: baseRss,
    smallCount: small,
    smallRssKiB: smallRss,
    largeCount: large,
    largeRssKiB: largeRss,
    perSocketKiB,
  };
}

async function throughputPhase(kind: Kind, clients: ChildProcess[], port: number, fx: Fixture, dilemma: number) {
  await openDilemma(fx.dilemmaIds[dilemma]);
  const phase = kind === 'bare' ? null : await watchServer(port, metricsToken);
  const answers = await Promise.all(
    clients.map((c) => {
      const answer = waitMessage<{ acked: number; errors: Record<string, number>; ms: number }>(c, (m) => 'acked' in m);
      c.send({
        cmd: 'closed-loop',
        durationMs: SECONDS * 1000,
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
  const perSecond = acked / (ms / 1000);
  log(
    `  ${kind}: ${acked} acked votes in ${(ms / 1000).toFixed(1)} s = ${perSecond.toFixed(0)}/s${Object.keys(errors).length ? ' errors ' + JSON.stringify(errors) : ''}`,
  );
  const server = await phase?.();
  if (server) log(`  ${kind}: server side in that phase ${JSON.stringify(server)}`);
  return { acked, seconds: ms / 1000, perSecond, errors, server };
}

async function latencyPhase(kind: Kind, clients: ChildProcess[], port: number, fx: Fixture, dilemma: number, sockets: number) {
  await openDilemma(fx.dilemmaIds[dilemma]);
  const tallies: Array<{ at: number; total: number }> = [];
  let staff: Socket | null = null;
  if (kind !== 'bare') {
    staff = io(`http://127.0.0.1:${port}/live`, {
      transports: ['websocket'],
      auth: { token: fx.staffToken, eveningId: fx.eveningId },
      extraHeaders: { origin: `http://localhost:${port}` },
    } as never);
    staff.on('tally', (t: { dilemmaId: string; total: number }) => {
      if (t.dilemmaId === fx.dilemmaIds[dilemma]) tallies.push({ at: Date.now(), total: t.total });
    });
    await new Promise<void>((r) => staff!.once('connect', () => r()));
  }
  // Each socket votes once, so the n-th acknowledged vote is visible in the first tally whose total reaches n.
  const durationMs = Math.min(SECONDS * 1000, Math.floor((sockets / RATE) * 1000));
  const phase = kind === 'bare' ? null : await watchServer(port, metricsToken);
  const answers = await Promise.all(
    clients.map((c) => {
      const answer = waitMessage<{ latencies: number[]; ackTimes: number[]; errors: Record<string, number>; sent: number }>(
        c,
        (m) => 'latencies' in m,
      );
      c.send({
        cmd: 'open-loop',
        ratePerSecond: RATE / clients.length,
        durationMs,
        dilemmaId: fx.dilemmaIds[dilemma],
        optionIds: fx.optionIds[dilemma],
      });
      return answer;
    }),
  );
  await sleep(1500);
  staff?.disconnect();
  const latencies = answers.flatMap((a) => a.latencies);
  const sent = answers.reduce((s, a) => s + a.sent, 0);
  const result: Record<string, unknown> = {
    offeredPerSecond: RATE,
    sent,
    acked: latencies.length,
    ackP50: percentile(latencies, 50),
    ackP99: percentile(latencies, 99),
  };
  if (kind !== 'bare') {
    const sendTimes = answers
      .flatMap((a) => a.ackTimes.map((t, i) => ({ ack: t, sent: t - a.latencies[i] })))
      .sort((x, y) => x.ack - y.ack);
    const visible: number[] = [];
    let cursor = 0;
    sendTimes.forEach((vote, index) => {
      while (cursor < tallies.length && tallies[cursor].total < index + 1) cursor++;
      if (cursor < tallies.length) visible.push(tallies[cursor].at - vote.sent);
    });
    result.tallyP50 = percentile(visible, 50);
    result.tallyP99 = percentile(visible, 99);
    result.talliesReceived = tallies.length;
    result.votesSeenInTally = visible.length;
    result.server = await phase?.();
  }
  log(
    `  ${kind}: offered ${RATE}/s, ${latencies.length}/${sent} acked; vote→ack p50 ${result.ackP50} ms p99 ${result.ackP99} ms` +
      (kind !== 'bare'
        ? `; vote→tally p50 ${result.tallyP50} ms p99 ${result.tallyP99} ms (${result.talliesReceived} tallies)`
        : ''),
  );
  if (result.server) log(`  ${kind}: server side in that phase ${JSON.stringify(result.server)}`);
  return result;
}

async function main(): Promise<void> {
  log(`bench:live — ${new Date().toISOString()}, ${CLIENTS} client processes, kinds ${KINDS.join(', ')}`);
  log(`  the per-participant vote rate limit is raised to ${VOTE_RATE_LIMIT} per 10 s for this run (VOTE_RATE_LIMIT)`);
  const fx = await seed();
  const results: Record<string, Record<string, unknown>> = {};
  let port = 3900 + Math.floor(Math.random() * 50);
  let dilemma = 0;
  for (const kind of KINDS) {
    port += 1;
    log(`\n[${kind}]`);
    const server = await startServer(kind, port);
    const clients = await startClients();
    try {
      const entry: Record<string, unknown> = {};
      if (kind !== 'single') {
        entry.idle = await idlePhase(kind, server, clients, port, fx);
        entry.latency = await latencyPhase(kind, clients, port, fx, dilemma++, IDLE);
        await disconnectAll(clients);
        await connectAll(clients, port, fx.participantTokens.slice(0, THROUGHPUT_SOCKETS));
      } else {
        await connectAll(clients, port, fx.participantTokens.slice(0, THROUGHPUT_SOCKETS));
        entry.latency = await latencyPhase(kind, clients, port, fx, dilemma++, THROUGHPUT_SOCKETS);
      }
      entry.throughput = await throughputPhase(kind, clients, port, fx, dilemma++);
      entry.serverRssKiB = rssKiB(server.pid!);
      results[kind] = entry;
    } finally {
      clients.forEach((c) => c.kill('SIGKILL'));
      await stop(server);
    }
  }

  const ratio = (a: unknown, b: unknown) =>
    typeof a === 'number' && typeof b === 'number' && b !== 0 ? Number((a / b).toFixed(3)) : null;
  const get = (kind: Kind, phase: string, field: string) =>
    (results[kind]?.[phase] as Record<string, number> | undefined)?.[field];
  const summary = {
    rssPerSocketRatioToBare: ratio(get('gateway', 'idle', 'perSocketKiB'), get('bare', 'idle', 'perSocketKiB')),
    votesPerSecondRatioToBare: ratio(get('gateway', 'throughput', 'perSecond'), get('bare', 'throughput', 'perSecond')),
    votesPerSecondRatioToSingleInsert: ratio(get('gateway', 'throughput', 'perSecond'), get('single', 'throughput', 'perSecond')),
    ackP99RatioToBare: ratio(get('gateway', 'latency', 'ackP99'), get('bare', 'latency', 'ackP99')),
  };
  log('\nsummary ' + JSON.stringify(summary));
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = join(root, 'bench/results/live.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        settings: { IDLE, SMALL, THROUGHPUT_SOCKETS, SECONDS, RATE, CLIENTS, VOTE_RATE_LIMIT },
        results,
        summary,
      },
      null,
      2,
    ),
  );
  log(`written to ${file}`);
}

/** The run's database and its Redis keys go, also when the run failed half-way. */
async function cleanUp(): Promise<void> {
  const db = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await db.connect();
  await db.query(`DROP DATABASE IF EXISTS "hs_bench_${runId}" WITH (FORCE)`);
  await db.end();
  await deleteKeysUnder(env.REDIS_URL ?? 'redis://127.0.0.1:6379', redisPrefix);
}

main()
  .finally(cleanUp)
  .then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`bench:live failed: ${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
