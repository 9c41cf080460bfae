/**
 * What `npm run demo:round` does (scripts/demo-round.ts is its entry): seeds the demo round (as seed:demo does) and then plays its nine evenings through
 * the real HTTP API and Socket.IO with simulated phones (scripts/demo-phones.ts), so that the dashboard
 * and the reports have a believable round to show. One command: it starts the platform in this process
 * on a free port against DATABASE_URL and REDIS_URL, and stops it when the results are aggregated.
 *
 * Then it writes what became of Leeuwarden's input (scripts/demo-feedback.ts): a bid item that is agreed and
 * in uitvoering, the tenant organisation's advice and the corporation's response, and a published finding
 * quoting Leeuwarden's 2026 result, for /terugkoppeling and the letter.
 *
 * Idempotent: an evening that has ended is left alone, and the feedback is written only when it is not there, so a
 * second run changes nothing and says so. An evening that is neither published nor ended (started by hand, or a run
 * that was stopped half-way) is left alone too, with a line saying so.
 */
import 'reflect-metadata';
import { In } from 'typeorm';
import { loadConfig } from '@hs/config';
import { createDataSource, EveningEntity, prepareDatabase } from '@hs/persistence';
import { startServer } from '../apps/server/src/bootstrap';
import { DEMO_EVENINGS, DEMO_STAFF } from './demo-data';
import { scaledPlans } from './demo-phones';
import { isDemoFeedbackDone, writeDemoFeedback } from './demo-feedback';
import { type EveningOutcome, playDemoRound } from './demo-round-runner';
import { demoId, seedDemo } from './demo-seeder';

export interface DemoRoundSummary {
  played: EveningOutcome[];
  alreadyRun: string[];
  leftAlone: Array<{ municipality: string; status: string }>;
  /** Leeuwarden's feedback: written by this run, there already, or not written (its evening was not played). */
  feedback: 'written' | 'there' | 'skipped';
}

export interface DemoRoundOptions {
  log?: (line: string) => void;
  /** Evenings played at once (the script: 2; a test on a shared machine: 1). */
  parallel?: number;
  /** A smaller room per evening (scaledPlans), for tests; the script plays the full round. */
  scale?: number;
}

/** Seeds, then plays every demo evening that is still published. `env` as process.env. */
export async function runDemoRound(env: NodeJS.ProcessEnv, options: DemoRoundOptions = {}): Promise<DemoRoundSummary> {
  const log = options.log ?? (() => undefined);
  const config = loadConfig(env);
  await prepareDatabase(config.databaseUrl);
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  let statuses: Map<string, string>;
  let feedbackDone: boolean;
  try {
    const admin =
      config.adminEmail && config.adminPassword ? { email: config.adminEmail, password: config.adminPassword } : undefined;
    const seeded = await seedDemo(dataSource, { admin });
    if (seeded.eveningsCreated > 0) log(`Demo round seeded: ${seeded.eveningsCreated} evenings created.`);
    const rows = await dataSource
      .getRepository(EveningEntity)
      .findBy({ id: In(DEMO_EVENINGS.map((e) => demoId('evening', e.key))) });
    statuses = new Map(rows.map((row) => [row.id, row.status]));
    feedbackDone = await isDemoFeedbackDone(dataSource);
  } finally {
    await dataSource.destroy();
  }

  const summary: DemoRoundSummary = { played: [], alreadyRun: [], leftAlone: [], feedback: feedbackDone ? 'there' : 'skipped' };
  const todo = scaledPlans(options.scale ?? 1).filter((plan) => {
    const evening = DEMO_EVENINGS.find((e) => e.key === plan.key)!;
    const status = statuses.get(demoId('evening', plan.key)) ?? 'missing';
    if (status === 'ended') summary.alreadyRun.push(evening.municipality);
    else if (status !== 'published') summary.leftAlone.push({ municipality: evening.municipality, status });
    return status === 'published';
  });
  for (const { municipality, status } of summary.leftAlone)
    log(`  ${municipality}: left alone (status ${status}: started by hand, or an earlier run stopped half-way)`);
  // The feedback quotes Leeuwarden's result: it needs that evening played (now or before).
  const leeuwarden = statuses.get(demoId('evening', 'leeuwarden'));
  const writeFeedback = !feedbackDone && (leeuwarden === 'ended' || leeuwarden === 'published');
  if (todo.length === 0 && !writeFeedback) {
    log(`Nothing to do: ${summary.alreadyRun.length} demo evenings were played already. Nothing changed.`);
    return summary;
  }

  // Our own server for this run: a free port, the origin our phones present, room for a whole room joining at once.
  const origin = 'http://demo-round.localhost';
  const serverConfig = loadConfig({
    ...env,
    ROLE: 'all',
    ALLOWED_ORIGINS: origin,
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    PUBLIC_WRITE_RATE_LIMIT: '100000',
    JOIN_RATE_LIMIT_PER_IP: '100000',
    JOIN_RATE_LIMIT_PER_CODE: '100000',
  });
  const { app, port } = await startServer(serverConfig, { listenPort: 0 });
  const url = `http://127.0.0.1:${port}`;
  try {
    const facilitator = DEMO_STAFF.find((s) => s.role === 'facilitator')!;
    const target = { url, origin, facilitator: { email: facilitator.email, password: facilitator.password }, log };
    if (todo.length > 0) {
      log(`Playing ${todo.length} evening${todo.length === 1 ? '' : 's'} through ${url}:`);
      summary.played = await playDemoRound(target, todo, options.parallel);
    }
    if (writeFeedback) {
      log('Writing what became of the input ("u zei, wij deden"):');
      await writeDemoFeedback(target);
      summary.feedback = 'written';
    }
  } finally {
    await app.close();
  }
  if (summary.alreadyRun.length) log(`${summary.alreadyRun.length} evenings were played already and left as they were.`);
  return summary;
}
