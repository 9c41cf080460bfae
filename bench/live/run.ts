/**
 * npm run bench:live — what one server process holds and how fast it stores votes, next to
 * two baselines measured in the same run:
 *   bare      a Socket.IO server that acks each vote without storing it (bare-server.ts);
 *   single    the real gateway writing one INSERT per vote (VOTE_BATCH_MAX=1);
 *   gateway   the real gateway with group commit (the default settings), on the Redis backplane;
 *   local     the same on the local backplane (BACKPLANE=local: no Redis, jobs in PostgreSQL).
 * Simulated tenants live in separate client processes on several 127.0.x.y addresses.
 * Figures are printed and written to bench/results/live.json; docs/PERFORMANCE.md explains them.
 * Options (env): BENCH_IDLE_SOCKETS (18000), BENCH_THROUGHPUT_SOCKETS (2000), BENCH_SECONDS (10),
 * BENCH_RATE (2000 votes/s offered), BENCH_KINDS (bare,single,gateway,local), BENCH_CLIENTS (4 processes).
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import {
  BenchRun,
  figure,
  runBenchmark,
  writeResults,
  type PhaseResults,
  closedLoop,
  connectAll,
  disconnectAll,
  type Fixture,
  log,
  openDilemma,
  openLoop,
  percentile,
  ratio,
  root,
  rssKiB,
  seedEvening,
  sleep,
  startBare,
  startClients,
  startPlatform,
  stopChild,
  tallyDelays,
} from '../support/harness';
import { watchServer } from './server-figures';

const env = process.env;
const IDLE = Number(env.BENCH_IDLE_SOCKETS ?? 18000);
const SMALL = Math.min(1000, Math.floor(IDLE / 4));
const THROUGHPUT_SOCKETS = Number(env.BENCH_THROUGHPUT_SOCKETS ?? 2000);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const RATE = Number(env.BENCH_RATE ?? 2000);
const CLIENTS = Number(env.BENCH_CLIENTS ?? 4);
const KINDS = (env.BENCH_KINDS ?? 'bare,single,gateway,local').split(',') as Kind[];
type Kind = 'bare' | 'single' | 'gateway' | 'local';

const run = new BenchRun();

function startServer(kind: Kind, port: number): Promise<ChildProcess> {
  if (kind === 'bare') return startBare(port);
  // BENCH_CPU_PROF=1 writes a V8 CPU profile of the server to bench/results/prof/ (bench/live/profile-summary.ts reads it).
  const profile = env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/results/prof')}`] : [];
  const extra: Record<string, string> = { ROLE: 'all' };
  if (kind === 'single') extra.VOTE_BATCH_MAX = '1';
  if (kind === 'local') extra.BACKPLANE = 'local';
  return startPlatform(run, port, extra, profile);
}

async function idlePhase(kind: Kind, server: ChildProcess, clients: ChildProcess[], port: number, fx: Fixture) {
  const baseRss = rssKiB(server.pid!);
  const small = await connectAll(clients, [port], fx.participantTokens.slice(0, SMALL));
  await sleep(3000);
  const smallRss = rssKiB(server.pid!);
  // Each client process answers with all the sockets it now holds.
  const large = await connectAll(clients, [port], fx.participantTokens.slice(SMALL, IDLE));
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
  await openDilemma(run, fx.dilemmaIds[dilemma]);
  const phase = kind === 'bare' ? null : await watchServer(port, run.metricsToken);
  const result = await closedLoop(clients, fx, dilemma, SECONDS);
  log(
    `  ${kind}: ${result.acked} acked votes in ${result.seconds.toFixed(1)} s = ${result.perSecond.toFixed(0)}/s` +
      (Object.keys(result.errors).length ? ' errors ' + JSON.stringify(result.errors) : ''),
  );
  const server = await phase?.();
  if (server) log(`  ${kind}: server side in that phase ${JSON.stringify(server)}`);
  return { ...result, server };
}

async function latencyPhase(kind: Kind, clients: ChildProcess[], port: number, fx: Fixture, dilemma: number, sockets: number) {
  await openDilemma(run, fx.dilemmaIds[dilemma]);
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
  const durationMs = Math.min(SECONDS * 1000, Math.floor((sockets / RATE) * 1000));
  const phase = kind === 'bare' ? null : await watchServer(port, run.metricsToken);
  const { latencies, sent, votes } = await openLoop(clients, fx, dilemma, RATE, durationMs);
  await sleep(1500);
  staff?.disconnect();
  const result: Record<string, unknown> = {
    offeredPerSecond: RATE,
    sent,
    acked: latencies.length,
    ackP50: percentile(latencies, 50),
    ackP99: percentile(latencies, 99),
  };
  if (kind !== 'bare') {
    const visible = tallyDelays(votes, tallies);
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
  log(`  the per-participant vote rate limit is raised for this run (VOTE_RATE_LIMIT)`);
  await run.prepare();
  const fx = await seedEvening(run, Math.max(IDLE, THROUGHPUT_SOCKETS));
  const results: PhaseResults = {};
  let port = 3900 + Math.floor(Math.random() * 50);
  let dilemma = 0;
  for (const kind of KINDS) {
    port += 1;
    log(`\n[${kind}]`);
    const server = await startServer(kind, port);
    const clients = await startClients(CLIENTS);
    try {
      const entry: Record<string, unknown> = {};
      if (kind !== 'single') {
        entry.idle = await idlePhase(kind, server, clients, port, fx);
        entry.latency = await latencyPhase(kind, clients, port, fx, dilemma++, IDLE);
        await disconnectAll(clients);
        await connectAll(clients, [port], fx.participantTokens.slice(0, THROUGHPUT_SOCKETS));
      } else {
        await connectAll(clients, [port], fx.participantTokens.slice(0, THROUGHPUT_SOCKETS));
        entry.latency = await latencyPhase(kind, clients, port, fx, dilemma++, THROUGHPUT_SOCKETS);
      }
      entry.throughput = await throughputPhase(kind, clients, port, fx, dilemma++);
      entry.serverRssKiB = rssKiB(server.pid!);
      results[kind] = entry;
    } finally {
      clients.forEach((c) => c.kill('SIGKILL'));
      await stopChild(server);
    }
  }

  const get = (kind: Kind, phase: string, field: string) => figure(results, kind, phase, field);
  const summary = {
    rssPerSocketRatioToBare: ratio(get('gateway', 'idle', 'perSocketKiB'), get('bare', 'idle', 'perSocketKiB')),
    votesPerSecondRatioToBare: ratio(get('gateway', 'throughput', 'perSecond'), get('bare', 'throughput', 'perSecond')),
    votesPerSecondRatioToSingleInsert: ratio(get('gateway', 'throughput', 'perSecond'), get('single', 'throughput', 'perSecond')),
    ackP99RatioToBare: ratio(get('gateway', 'latency', 'ackP99'), get('bare', 'latency', 'ackP99')),
    localVotesPerSecondRatioToRedis: ratio(get('local', 'throughput', 'perSecond'), get('gateway', 'throughput', 'perSecond')),
    localAckP99RatioToRedis: ratio(get('local', 'latency', 'ackP99'), get('gateway', 'latency', 'ackP99')),
  };
  writeResults('live', { IDLE, SMALL, THROUGHPUT_SOCKETS, SECONDS, RATE, CLIENTS }, results, summary);
}

runBenchmark('live', run, main);
