/**
 * npm run bench:scale — the production layout scaled out on one machine, against the same layout with
 * one gateway and a bare Socket.IO server, all in one run so that figures compare as ratios:
 *   bare       a bare Socket.IO server holding idle sockets (RSS per socket, the baseline);
 *   one        API + worker + ONE gateway (ROLE=api, worker, gateway) on Redis;
 *   three      API + worker + THREE gateways on Redis, clients spread over them.
 * Measured: idle sockets held and RSS per socket; vote→staff tally p99 at BENCH_RATE votes/s with the
 * votes on one gateway and the staff socket on another (three) or the same (one); durable votes/s, with
 * the cores each kind of process used in that phase (gateways, API and worker, PostgreSQL, Redis, the
 * simulated phones), which shows whether the machine, not the layout, is the limit.
 * Figures are printed and written to bench/results/scale.json; docs/PERFORMANCE.md explains them.
 * Options (env): BENCH_SCALE_SOCKETS (50000 over three gateways), BENCH_BARE_SOCKETS (16000),
 * BENCH_TALLY_SOCKETS (10000: each votes once, so the phase lasts 5 s at 2,000/s),
 * BENCH_THROUGHPUT_SOCKETS (2000), BENCH_SECONDS (10), BENCH_RATE (2000), BENCH_CLIENTS (6 processes),
 * BENCH_CPU_PROF=1 (V8 CPU profiles of the gateways in bench/results/prof/).
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
  pidsNamed,
  openLoop,
  percentile,
  ratio,
  root,
  rssKiB,
  sampleCpu,
  seedEvening,
  sleep,
  startBare,
  startClients,
  startPlatform,
  stopChild,
  tallyDelays,
} from '../support/harness';

const env = process.env;
const SCALE_SOCKETS = Number(env.BENCH_SCALE_SOCKETS ?? 50000);
const BARE_SOCKETS = Number(env.BENCH_BARE_SOCKETS ?? 16000);
const TALLY_SOCKETS = Number(env.BENCH_TALLY_SOCKETS ?? 10000);
const THROUGHPUT_SOCKETS = Number(env.BENCH_THROUGHPUT_SOCKETS ?? 2000);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const RATE = Number(env.BENCH_RATE ?? 2000);
const CLIENTS = Number(env.BENCH_CLIENTS ?? 6);
const SMALL = 1000;

const run = new BenchRun();
const basePort = 4100 + Math.floor(Math.random() * 100);
/** Every process of the run admits the first port's origin, whichever gateway a client talks to. */
const origin = { ALLOWED_ORIGINS: `http://localhost:${basePort}` };

interface Layout {
  processes: ChildProcess[];
  gateways: Array<{ port: number; child: ChildProcess }>;
  api: ChildProcess;
  worker: ChildProcess;
}

async function startLayout(gatewayCount: number, first: number): Promise<Layout> {
  const api = await startPlatform(run, first, { ROLE: 'api', ...origin });
  const worker = await startPlatform(run, first, { ROLE: 'worker', METRICS_PORT: String(first + 9), ...origin });
  const gateways = [];
  const profile = env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/results/prof')}`] : [];
  for (let i = 1; i <= gatewayCount; i++) {
    gateways.push({ port: first + i, child: await startPlatform(run, first + i, { ROLE: 'gateway', ...origin }, profile) });
  }
  return { processes: [api, worker, ...gateways.map((g) => g.child)], gateways, api, worker };
}

async function stopLayout(layout: Layout): Promise<void> {
  await Promise.all(layout.processes.map(stopChild));
}

/** Idle sockets spread over the layout's gateways; RSS per socket from the growth between a small and the full crowd. */
async function idle(name: string, pids: number[], ports: number[], clients: ChildProcess[], fx: Fixture, total: number) {
  const sum = () => pids.reduce((s, pid) => s + rssKiB(pid), 0);
  const small = await connectAll(clients, ports, fx.participantTokens.slice(0, SMALL), origin.ALLOWED_ORIGINS);
  await sleep(3000);
  const smallRss = sum();
  const large = await connectAll(clients, ports, fx.participantTokens.slice(SMALL, total), origin.ALLOWED_ORIGINS);
  await sleep(5000);
  const largeRss = sum();
  const perSocketKiB = (largeRss - smallRss) / Math.max(1, large - small);
  log(`  ${name}: held ${large} idle sockets over ${ports.length} process(es); ${perSocketKiB.toFixed(1)} KiB per socket`);
  return { held: large, smallRssKiB: smallRss, largeRssKiB: largeRss, perSocketKiB };
}

/** Votes at RATE on the first gateway; the staff socket on the last one (another process when there are several). */
async function tally(name: string, layout: Layout, clients: ChildProcess[], fx: Fixture, dilemma: number) {
  await openDilemma(run, fx.dilemmaIds[dilemma]);
  const votePort = layout.gateways[0].port;
  const staffPort = layout.gateways[layout.gateways.length - 1].port;
  const tallies: Array<{ at: number; total: number }> = [];
  const staff: Socket = io(`http://127.0.0.1:${staffPort}/live`, {
    transports: ['websocket'],
    auth: { token: fx.staffToken, eveningId: fx.eveningId },
    extraHeaders: { origin: origin.ALLOWED_ORIGINS },
  } as never);
  staff.on('tally', (t: { dilemmaId: string; total: number }) => {
    if (t.dilemmaId === fx.dilemmaIds[dilemma]) tallies.push({ at: Date.now(), total: t.total });
  });
  await new Promise<void>((r) => staff.once('connect', () => r()));
  // Each socket votes once (tallyDelays counts on it), so the phase lasts TALLY_SOCKETS / RATE seconds.
  const connected = await connectAll(clients, [votePort], fx.participantTokens.slice(0, TALLY_SOCKETS), origin.ALLOWED_ORIGINS);
  // Let the gateways finish the handshakes' work (rooms, presence) first: the phase measures votes, not connects.
  await sleep(3000);
  const durationMs = Math.floor((connected / RATE) * 1000);
  const { latencies, sent, votes } = await openLoop(clients, fx, dilemma, RATE, durationMs);
  await sleep(1500);
  staff.disconnect();
  await disconnectAll(clients);
  const visible = tallyDelays(votes, tallies);
  const result = {
    votesOnPort: votePort,
    staffOnPort: staffPort,
    sockets: connected,
    offeredPerSecond: RATE,
    sent,
    acked: latencies.length,
    ackP50: percentile(latencies, 50),
    ackP99: percentile(latencies, 99),
    tallyP50: percentile(visible, 50),
    tallyP90: percentile(visible, 90),
    tallyP99: percentile(visible, 99),
  };
  log(
    `  ${name}: ${result.acked}/${sent} acked in ${(durationMs / 1000).toFixed(1)} s; vote→ack p50 ${result.ackP50} ms p99 ${result.ackP99} ms; vote→staff tally p50 ${result.tallyP50} ms p90 ${result.tallyP90} ms p99 ${result.tallyP99} ms`,
  );
  return result;
}

async function throughput(name: string, layout: Layout, clients: ChildProcess[], fx: Fixture, dilemma: number) {
  await openDilemma(run, fx.dilemmaIds[dilemma]);
  await connectAll(
    clients,
    layout.gateways.map((g) => g.port),
    fx.participantTokens.slice(0, THROUGHPUT_SOCKETS),
    origin.ALLOWED_ORIGINS,
  );
  const cpu = sampleCpu({
    gateways: () => layout.gateways.map((g) => g.child.pid!),
    apiAndWorker: () => [layout.api.pid!, layout.worker.pid!],
    postgres: () => pidsNamed('postgres'),
    redis: () => pidsNamed('redis-server'),
    phones: () => clients.map((c) => c.pid!),
  });
  const result = await closedLoop(clients, fx, dilemma, SECONDS);
  const coresUsed = cpu();
  await disconnectAll(clients);
  log(
    `  ${name}: ${result.acked} durable votes in ${result.seconds.toFixed(1)} s = ${result.perSecond.toFixed(0)}/s` +
      (Object.keys(result.errors).length ? ' errors ' + JSON.stringify(result.errors) : ''),
  );
  log(`  ${name}: cores used in that phase ${JSON.stringify(coresUsed)}`);
  return { ...result, coresUsed };
}

async function main(): Promise<void> {
  log(`bench:scale — ${new Date().toISOString()}, ${CLIENTS} client processes, ${SCALE_SOCKETS} sockets over three gateways`);
  await run.prepare();
  const fx = await seedEvening(run, Math.max(SCALE_SOCKETS, BARE_SOCKETS, TALLY_SOCKETS, THROUGHPUT_SOCKETS));
  const results: PhaseResults = {};
  const clients = await startClients(CLIENTS);
  try {
    log('\n[bare]');
    const bare = await startBare(basePort);
    results.bare = { idle: await idle('bare', [bare.pid!], [basePort], clients, fx, BARE_SOCKETS) };
    await disconnectAll(clients);
    await stopChild(bare);

    let dilemma = 0;
    for (const [name, count, first] of [
      ['one', 1, basePort + 10],
      ['three', 3, basePort + 20],
    ] as const) {
      log(`\n[${name}: API + worker + ${count} gateway(s) on Redis]`);
      const layout = await startLayout(count, first);
      try {
        const ports = layout.gateways.map((g) => g.port);
        const pids = layout.gateways.map((g) => g.child.pid!);
        const entry: Record<string, unknown> = {};
        // One gateway holds what fits under one process's open-file limit; three hold the whole crowd.
        entry.idle = await idle(
          name,
          pids,
          ports,
          clients,
          fx,
          count === 1 ? Math.min(SCALE_SOCKETS, BARE_SOCKETS) : SCALE_SOCKETS,
        );
        await disconnectAll(clients);
        entry.tally = await tally(name, layout, clients, fx, dilemma++);
        entry.throughput = await throughput(name, layout, clients, fx, dilemma++);
        results[name] = entry;
      } finally {
        await stopLayout(layout);
      }
    }
  } finally {
    clients.forEach((c) => c.kill('SIGKILL'));
  }

  const get = (name: string, phase: string, field: string) => figure(results, name, phase, field);
  const summary = {
    socketsHeldByThree: get('three', 'idle', 'held'),
    rssPerSocketRatioToBare: ratio(get('three', 'idle', 'perSocketKiB'), get('bare', 'idle', 'perSocketKiB')),
    crossProcessTallyP99Ms: get('three', 'tally', 'tallyP99'),
    sameProcessTallyP99Ms: get('one', 'tally', 'tallyP99'),
    votesPerSecondThreeToOne: ratio(get('three', 'throughput', 'perSecond'), get('one', 'throughput', 'perSecond')),
  };
  writeResults(
    'scale',
    { SCALE_SOCKETS, BARE_SOCKETS, TALLY_SOCKETS, THROUGHPUT_SOCKETS, SECONDS, RATE, CLIENTS },
    results,
    summary,
  );
}

runBenchmark('scale', run, main);
