import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteKeysUnder } from '../libs/persistence/src/redis-keys';
import { Client } from 'pg';
import { jobIds, REPORTS_QUEUE } from '@hs/contracts';
import { JobQueueRepository, ReportRepository } from '@hs/persistence';
import { aDilemma, anEvening, castVotes, times } from './support/aggregation-builders';
import { pdfPages } from './support/pdf-text';
import { asBytes, bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { freePort } from './support/processes';
import { describeWithRedis } from './support/services';

/**
 * Faults: a worker killed with SIGKILL in the middle of a report job, and Redis restarted while a job
 * runs. "In the middle" is made certain, not timed: the test holds a row lock on the report, so the
 * worker's job stops at its first write to it until the test lets go.
 */
/** A ROLE=worker process of the real server (ts-node, no build needed); resolves once it has started. */
const outputs = new WeakMap<ChildProcess, () => string>();

async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/server/src/main.ts'],
    {
      cwd: process.cwd(),
      env: { ...process.env, ...env, ROLE: 'worker', LOG_LEVEL: 'info', TS_NODE_PROJECT: 'tsconfig.json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  outputs.set(child, () => output);
  await waitFor(
    'the worker process to start',
    async () => {
      if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}: ${output.slice(-500)}`);
      return output.includes('role worker started');
    },
    90_000,
  );
  return child;
}

/** Locks the report row in an open transaction; the worker's first UPDATE of the report waits for it. */
async function lockReport(reportId: string): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT id FROM report WHERE id = $1 FOR UPDATE', [reportId]);
  return client;
}

/** Asked on a connection of its own: inside the lock's transaction pg_stat_activity would stay frozen. */
async function workerIsBlocked(): Promise<boolean> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE "report"%'`,
  );
  await client.end();
  return rows[0].n > 0;
}

/** A queue namespace of its own, so the workers of other test files (sharing Redis) never take these jobs. */
const PREFIX = `${process.env.REDIS_PREFIX}_faults`;

describeWithRedis('aggregation worker under faults (e2e)', () => {
  let t: TestApp;
  let analyst: StaffSession;
  let evening: { id: string };
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // The API only: the report jobs are left to the worker processes this test starts and kills.
    t = await bootTestApp({ ROLE: 'api', REDIS_PREFIX: PREFIX });
    analyst = await staffSession(t, 'analyst');
    evening = await anEvening().titled('Avond Franeker').in('Waadhoeke').save(t.dataSource);
    const d = await aDilemma()
      .of(evening)
      .about('solidariteit')
      .asking('Wie gaat voor bij een sociale huurwoning?')
      .save(t.dataSource);
    await castVotes(t.dataSource, evening, d.dilemma, [
      ...times(9, { group: 'tenant' as const, choice: { optionIds: [d.options[0].id] } }),
      ...times(6, { group: 'tenant_org' as const, choice: { optionIds: [d.options[1].id] } }),
      ...times(3, { group: 'stakeholder' as const, choice: { optionIds: [d.options[2].id] } }),
    ]);
  }, 60_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await t.close();
    await deleteKeysUnder(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', PREFIX);
  }, 30_000);

  const report = (id: string) => t.http.get(`/api/reports/${id}`).set(analyst.auth).expect(200);
  const done = (id: string) =>
    waitFor(
      `report ${id} done`,
      async () => ((await report(id)).body.status === 'done' ? (await report(id)).body : undefined),
      90_000,
    );

  it('lets another worker finish a report whose worker was killed mid-job, with the result of a clean run', async () => {
    const created = await t.http
      .post('/api/reports')
      .set(analyst.auth)
      .send({ eveningIds: [evening.id] })
      .expect(202);
    const id = created.body.id as string;
    const lock = await lockReport(id);
    const first = await startWorkerProcess({ REDIS_PREFIX: PREFIX });
    children.push(first);
    await waitFor('the first worker to be inside the job', () => workerIsBlocked(), 60_000).catch(async (error: Error) => {
      const activity = await lock.query(
        `SELECT state, wait_event_type, left(query, 60) AS q FROM pg_stat_activity WHERE datname = current_database()`,
      );
      const job = await t.app.get(JobQueueRepository).queue(REPORTS_QUEUE).getJob(jobIds.renderReport(id));
      throw new Error(
        `${error.message}; job ${await job?.getState()}; activity ${JSON.stringify(activity.rows)}; worker said: ${outputs.get(first)?.().slice(-300)}`,
      );
    });
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    await lock.query('ROLLBACK');
    await lock.end();

    const second = await startWorkerProcess({ REDIS_PREFIX: PREFIX });
    children.push(second);
    const recovered = await done(id);
    const job = await t.app.get(JobQueueRepository).queue(REPORTS_QUEUE).getJob(jobIds.renderReport(id));
    expect(await job!.getState()).toBe('completed');

    const clean = await t.http
      .post('/api/reports')
      .set(analyst.auth)
      .send({ eveningIds: [evening.id] })
      .expect(202);
    const cleanRun = await done(clean.body.id);
    expect(recovered.result).toEqual(cleanRun.result);
    const csv = async (reportId: string) =>
      (await t.http.get(`/api/reports/${reportId}/export.csv`).set(analyst.auth).expect(200)).text;
    expect(await csv(id)).toBe(await csv(clean.body.id));
    const pdfText = async (reportId: string) => {
      const res = await t.http.get(`/api/reports/${reportId}/export.pdf`).set(analyst.auth).buffer(true).parse(asBytes);
      // Everything but the creation date, which differs between the two reports.
      return pdfPages(res.body as Buffer).map((page) =>
        page.replace(/^Gemaakt op \d+ \S+ \d{4} om \d\d:\d\d \(Nederlandse tijd\)$/m, '<datum>'),
      );
    };
    const [recoveredPdf, cleanPdf] = [await pdfText(id), await pdfText(clean.body.id)];
    expect(recoveredPdf[0]).toContain('<datum>');
    expect(recoveredPdf).toEqual(cleanPdf);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM report WHERE id = $1', [id]);
    expect(n).toBe(1);

    // Graceful stop: on SIGTERM the job workers are closed (an active job finishes first), then the process ends.
    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));
    expect(outputs.get(second)!()).toContain('2 job workers closed');
  }, 180_000);

  it('resumes after Redis restarts in the middle of a job', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'hs-redis-'));
    const startRedis = () => {
      const redis = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'yes',
          '--appendfsync',
          'always',
          '--dir',
          dir,
        ],
        { stdio: 'ignore' },
      );
      children.push(redis);
      return redis;
    };
    let redis = startRedis();
    const own = await bootTestApp({ REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: `${PREFIX}_own` });
    try {
      await own.app.get(JobQueueRepository).queue(REPORTS_QUEUE).waitUntilReady();
      const row = await own.app.get(ReportRepository).create({ eveningIds: [evening.id] }, analyst.id);
      const lock = await lockReport(row.id);
      await own.app
        .get(JobQueueRepository)
        .enqueue('render-report', { reportId: row.id }, { jobId: jobIds.renderReport(row.id) });
      await waitFor('the worker to be inside the job', () => workerIsBlocked(), 30_000);

      redis.kill('SIGTERM');
      await new Promise((resolve) => redis.once('exit', resolve));
      redis = startRedis();
      await lock.query('ROLLBACK');
      await lock.end();

      const ownAnalyst = await staffSession(own, 'analyst');
      const status = (id: string) => own.http.get(`/api/reports/${id}`).set(ownAnalyst.auth).expect(200);
      await waitFor('the report to finish after the restart', async () => (await status(row.id)).body.status === 'done', 60_000);
      const job = await own.app.get(JobQueueRepository).queue(REPORTS_QUEUE).getJob(jobIds.renderReport(row.id));
      expect(await job!.getState()).toBe('completed');

      // And the worker keeps taking new jobs on the restarted Redis.
      const next = await own.http
        .post('/api/reports')
        .set(ownAnalyst.auth)
        .send({ themes: ['solidariteit'] })
        .expect(202);
      await waitFor('a new report after the restart', async () => (await status(next.body.id)).body.status === 'done', 60_000);
    } finally {
      await own.close();
      redis.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
