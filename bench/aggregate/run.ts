/**
 * npm run bench:aggregate — the aggregation worker on 1,000,000 votes (nine evenings × 40 dilemmas,
 * two rounds, segments), next to the bare SQL baseline measured in the same run on the same votes:
 *   baseline     one GROUPING SETS count by option, group, municipality and age band (generate.ts);
 *   full         the 'recompute-policy-input' job: every dilemma counted, stored, pooled and the
 *                policy input stored (job start → result stored, BullMQ's processedOn → finishedOn);
 *   dilemma      the 'aggregate-dilemma' job for one dilemma (its incremental update).
 * The worker is a separate ROLE=worker process (the built server), so its RSS is its own.
 * Figures are printed and written to bench/results/aggregate.json; docs/PERFORMANCE.md explains them.
 * Options (env): BENCH_VOTES (1000000), BENCH_RUNS (3), BENCH_KEEP_DB (keep the database).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { deleteKeysUnder } from '../../libs/persistence/src/redis-keys';
import { Client } from 'pg';
import { loadConfig } from '../../libs/config/src/app-config';
import { prepareDatabase } from '../../libs/persistence/src/database-bootstrap';
import { chooseDatabase } from '../../libs/persistence/src/embedded/local-services';
import { BASELINE_SQL, generate } from './generate';

const root = process.cwd();
const env = process.env;
const VOTES = Number(env.BENCH_VOTES ?? 1_000_000);
const RUNS = Number(env.BENCH_RUNS ?? 3);
const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
/** Set in main(): on the PostgreSQL the platform would use (DATABASE_URL, 127.0.0.1:5432, or the embedded one). */
let databaseUrl = '';
const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisPrefix = `hsba_${runId}`;
const log = (line: string) => process.stdout.write(line + '\n');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round1 = (x: number) => Math.round(x * 10) / 10;

function memoryKiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0), peak: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) };
}

async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', './scripts/register-paths.js', 'dist/apps/server/src/main.js'], {
    cwd: root,
    env: {
      ...env,
      ROLE: 'worker',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker did not start within 120 s')), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('role worker started')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  child.stdout!.resume();
  return child;
}

async function timeJob(
  queue: Queue,
  name: string,
  data: object,
  jobId: string,
  worker: ChildProcess,
  peak: { kib: number },
): Promise<number> {
  await queue.add(name, data, { jobId, attempts: 1, removeOnComplete: false });
  for (;;) {
    peak.kib = Math.max(peak.kib, memoryKiB(worker.pid!).rss);
    const job = await queue.getJob(jobId);
    const state = await job?.getState();
    if (state === 'failed') throw new Error(`${name} failed: ${job?.failedReason}`);
    if (state === 'completed' && job?.finishedOn && job.processedOn) return job.finishedOn - job.processedOn;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function main(): Promise<void> {
  log(`bench:aggregate — ${VOTES.toLocaleString('en')} votes, database hs_bench_agg_${runId}`);
  // The worker is a process of its own (ROLE=worker), so this benchmark needs Redis; PostgreSQL may be embedded.
  const chosen = await chooseDatabase(loadConfig({ ...env, DATABASE_URL: env.DATABASE_URL ?? '' }), log);
  const url = new URL(chosen.config.databaseUrl);
  url.pathname = `/hs_bench_agg_${runId}`;
  databaseUrl = url.toString();
  await prepareDatabase(databaseUrl);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let worker: ChildProcess | undefined;
  const queue = new Queue('aggregation', {
    connection: { url: redisUrl, maxRetriesPerRequest: null },
    prefix: `${redisPrefix}:bull`,
  });
  try {
    let t0 = Date.now();
    const data = await generate(db, VOTES);
    log(
      `generated ${data.votes.toLocaleString('en')} votes from ${data.participants.toLocaleString('en')} participants in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    const baseline: number[] = [];
    await db.query(BASELINE_SQL); // warm the cache, as the job runs below will find it
    for (let i = 0; i < RUNS; i++) {
      t0 = performance.now();
      await db.query(BASELINE_SQL);
      baseline.push(performance.now() - t0);
    }
    log(`baseline GROUPING SETS count: ${baseline.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    // The same query without JIT compilation (the job switches it off for its count): for reference.
    const baselineNoJit: number[] = [];
    await db.query('SET jit = off');
    for (let i = 0; i < RUNS; i++) {
      t0 = performance.now();
      await db.query(BASELINE_SQL);
      baselineNoJit.push(performance.now() - t0);
    }
    await db.query('RESET jit');
    log(`baseline without JIT: ${baselineNoJit.map((ms) => ms.toFixed(0)).join(', ')} ms`);

    worker = await startWorker();
    const idle = memoryKiB(worker.pid!);
    const peak = { kib: idle.rss };
    const full: number[] = [];
    await timeJob(queue, 'recompute-policy-input', { requestedAt: 'warm-up' }, 'bench-full-warm', worker, peak);
    for (let i = 0; i < RUNS; i++)
      full.push(await timeJob(queue, 'recompute-policy-input', { requestedAt: String(i) }, `bench-full-${i}`, worker, peak));
    log(`full policy-input recompute (job start → stored): ${full.join(', ')} ms`);

    const [{ id: dilemmaId }] = (await db.query(`SELECT id FROM dilemma WHERE kind = 'choice' ORDER BY id LIMIT 1`)).rows;
    const one: number[] = [];
    for (let i = 0; i < Math.max(5, RUNS); i++)
      one.push(await timeJob(queue, 'aggregate-dilemma', { dilemmaId }, `bench-one-${i}`, worker, peak));
    log(`one dilemma's incremental update: ${one.join(', ')} ms`);
    const memory = memoryKiB(worker.pid!);
    const load = (await import('node:os')).loadavg();
    const stored = (
      await db.query('SELECT count(*)::int AS n, pg_size_pretty(sum(pg_column_size(tally))) AS size FROM dilemma_result')
    ).rows[0];
    const policy = (
      await db.query(
        `SELECT pg_size_pretty(pg_column_size(result)::bigint) AS size FROM policy_input_cache WHERE scope_key = 'all'`,
      )
    ).rows[0];

    const results = {
      at: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version, loadAverage: load.map((x) => round1(x)) },
      data: {
        votes: data.votes,
        participants: data.participants,
        evenings: 9,
        dilemmas: 360,
        rounds: 2,
        storedTallies: stored.n,
        storedTallySize: stored.size,
        policyInputSize: policy?.size,
      },
      baselineMs: { runs: baseline.map(round1), median: round1(median(baseline)) },
      baselineNoJitMs: { runs: baselineNoJit.map(round1), median: round1(median(baselineNoJit)) },
      fullRecomputeMs: { runs: full, median: median(full) },
      oneDilemmaMs: { runs: one, median: median(one) },
      ratioFullToBaseline: Math.round((median(full) / median(baseline)) * 100) / 100,
      ratioFullToBaselineNoJit: Math.round((median(full) / median(baselineNoJit)) * 100) / 100,
      workerRssMiB: {
        idle: round1(idle.rss / 1024),
        sampledPeak: round1(peak.kib / 1024),
        highWaterMark: round1(memory.peak / 1024),
      },
      targets: { fullRatioMax: 3, fullMsMax: 2000, oneDilemmaMsMax: 50, rssMiBMax: 300 },
    };
    log('');
    log(`baseline (median)        ${results.baselineMs.median} ms (without JIT ${results.baselineNoJitMs.median} ms)`);
    log(
      `full recompute (median)  ${results.fullRecomputeMs.median} ms   ratio ${results.ratioFullToBaseline}× baseline, ${results.ratioFullToBaselineNoJit}× without JIT (target ≤ 3×, aim ≤ 1.5×; ≤ 2000 ms, aim ≤ 1000 ms)`,
    );
    log(`one dilemma (median)     ${results.oneDilemmaMs.median} ms   (target ≤ 50 ms)`);
    log(
      `worker RSS               idle ${results.workerRssMiB.idle} MiB, peak ${results.workerRssMiB.highWaterMark} MiB (target ≤ 300 MiB)`,
    );
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/aggregate.json'), JSON.stringify(results, null, 2) + '\n');
    log('written to bench/results/aggregate.json');
  } finally {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker!.once('exit', r));
    }
    await queue.close();
    await db.end();
    if (!env.BENCH_KEEP_DB) {
      const admin = new Client({ connectionString: databaseUrl.replace(/\/[^/]+$/, '/postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "hs_bench_agg_${runId}" WITH (FORCE)`);
      await admin.end();
    }
    await deleteKeysUnder(redisUrl, redisPrefix);
  }
}

main().catch((error) => {
  process.stderr.write(`bench:aggregate failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
