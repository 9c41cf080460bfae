import type { DataSource } from 'typeorm';
import { createDataSource } from '@hs/persistence';
import { DEMO_AGENDA, DEMO_EVENINGS, DEMO_STAFF } from '../scripts/demo-data';
import { EVENING_PLANS, expectedTally, scaledPlans, simulateEvening } from '../scripts/demo-phones';
import { runDemoRound } from '../scripts/demo-round-run';
import { demoId } from '../scripts/demo-seeder';
import { dropDatabase, freshDatabaseUrl } from './support/databases';
import { bootTestApp, type TestApp } from './support/test-app';

/**
 * The full round is about 6,000 votes; on a machine shared with the other suites the test plays it with a
 * quarter of the phones, one evening at a time (same shape: nine municipalities, revotes, hand counts, the
 * small evening). The round is still slow there; no timing is asserted.
 */
const SCALE = 0.25;
const PLANS = scaledPlans(SCALE);
const ROUND = 900_000;

/** Row counts and a digest of every row of the tables a round writes, so any insert or update shows. */
async function fingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of ['evening', 'participant', 'vote', 'manual_count', 'dilemma_result', 'audit_log']) {
    const [row] = await dataSource.query(
      `SELECT count(*)::text AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${table}" t`,
    );
    result[table] = `${row.n}:${row.digest}`;
  }
  return result;
}

describe('npm run demo:round (e2e)', () => {
  const url = freshDatabaseUrl('round');
  const env = { ...process.env, DATABASE_URL: url };
  let t: TestApp;
  let analyst: { Authorization: string };

  afterAll(async () => {
    await t?.close();
    await dropDatabase(url);
  });

  it(
    'plays the nine evenings once, and a second run changes nothing and says so',
    async () => {
      // The full round's rooms: 40 to 150 phones, except the one small evening.
      const full = EVENING_PLANS.filter((p) => p.phones + p.byHand >= 5);
      expect(EVENING_PLANS.length - full.length).toBe(1);
      for (const plan of full) expect(plan.phones + plan.latecomers).toBeGreaterThanOrEqual(40);
      for (const plan of full) expect(plan.phones + plan.latecomers).toBeLessThanOrEqual(150);

      const first = await runDemoRound(env, { scale: SCALE, parallel: 1 });
      expect(first.played.map((e) => e.municipality).sort()).toEqual(DEMO_EVENINGS.map((e) => e.municipality).sort());
      for (const evening of first.played) {
        const plan = PLANS.find((p) => p.key === evening.key)!;
        expect(evening.phones).toBe(plan.phones + plan.latecomers);
      }
      const small = first.played.filter((e) => e.phones + e.byHand < 5);
      expect(small.map((e) => e.municipality)).toEqual(['Opsterland']);
      expect(first.played.filter((e) => e.revotes > 0).length).toBeGreaterThanOrEqual(5);

      const dataSource = createDataSource(url);
      await dataSource.initialize();
      try {
        const before = await fingerprint(dataSource);
        const lines: string[] = [];
        const second = await runDemoRound(env, { scale: SCALE, log: (line) => lines.push(line) });
        expect(second).toEqual({ played: [], alreadyRun: first.played.map((e) => e.municipality), leftAlone: [] });
        expect(lines.join('\n')).toMatch(/Nothing changed/);
        expect(await fingerprint(dataSource)).toEqual(before);
      } finally {
        await dataSource.destroy();
      }
    },
    ROUND,
  );

  it('stores exactly what the simulated room sent, per round, hand counts included', async () => {
    t = await bootTestApp({ DATABASE_URL: url });
    const login = DEMO_STAFF.find((s) => s.role === 'analyst')!;
    const session = await t.http.post('/api/auth/login').send({ email: login.email, password: login.password }).expect(200);
    analyst = { Authorization: `Bearer ${session.body.accessToken}` };
    for (const key of ['leeuwarden', 'waadhoeke']) {
      const plan = PLANS.find((p) => p.key === key)!;
      const dilemmas = await t.http.get(`/api/evenings/${demoId('evening', key)}/dilemmas`).set(analyst);
      const optionIds = Object.fromEntries(
        (dilemmas.body as Array<{ id: string; options: Array<{ id: string }> }>).map((d) => [
          DEMO_AGENDA.find((a) => demoId('dilemma', key, a.key) === d.id)!.key,
          d.options.map((o) => o.id),
        ]),
      );
      const sim = simulateEvening(plan, optionIds);
      for (const dilemma of sim.dilemmas) {
        for (const round of dilemma.rounds) {
          const result = await t.http
            .get(`/api/dilemmas/${demoId('dilemma', key, dilemma.key)}/results?round=${round.round}`)
            .set(analyst)
            .expect(200);
          const expected = expectedTally(round);
          expect(result.body.total).toBe(expected.total);
          const counts = Object.fromEntries(
            (result.body.options as Array<{ optionId: string; count: number }>)
              .filter((o) => o.count > 0)
              .map((o) => [o.optionId, o.count]),
          );
          expect(counts).toEqual(expected.counts);
          expect(result.body.manual.total).toBe(round.manual?.respondents ?? 0);
        }
      }
    }
  });

  it('gives policy input over the nine evenings, with a revote and the small evening hidden in its groups', async () => {
    const input = await t.http.get('/api/policy-input').set(analyst).expect(200);
    expect(input.body.evenings).toHaveLength(9);
    const rent = input.body.themes
      .flatMap((theme: { dilemmas: unknown[] }) => theme.dilemmas)
      .find((d: { question: string }) => d.question === DEMO_AGENDA[0].question);
    expect(rent.evenings).toHaveLength(9);
    const revoted = EVENING_PLANS.filter((p) => p.revote.includes('huur-of-isolatie')).length;
    expect(revoted).toBeGreaterThanOrEqual(3);
    expect(rent.evenings.filter((e: { rounds: number }) => e.rounds === 2)).toHaveLength(revoted);
    expect(rent.shift).not.toBeNull();
    // Opsterland's four phones: every group of that evening is too small to show.
    const small = await t.http
      .get(`/api/dilemmas/${demoId('dilemma', 'opsterland', 'huur-of-isolatie')}/results?by=group`)
      .set(analyst)
      .expect(200);
    expect(small.body.total ?? 0).toBeLessThan(t.config.suppressBelow);
    for (const segment of small.body.segments) expect(segment).toMatchObject({ suppressed: true, n: null, options: null });
  });
});
