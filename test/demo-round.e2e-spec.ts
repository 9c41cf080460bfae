import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@hs/persistence';
import { DEMO_AGENDA, DEMO_EVENINGS, DEMO_STAFF } from '../scripts/demo-data';
import { PAST_EVENINGS } from '../scripts/demo-history';
import { EVENING_PLANS, expectedTally, scaledPlans, simulateEvening } from '../scripts/demo-phones';
import { runDemoRound } from '../scripts/demo-round-run';
import { demoId } from '../scripts/demo-seeder';
import { deleteKeysUnder } from '../libs/persistence/src/redis-keys';
import { dropDatabase, freshDatabaseUrl } from './support/databases';
import { DEMO_FEEDBACK } from '../scripts/demo-feedback';
import { pdfPages } from './support/pdf-text';
import { asBytes, bootTestApp, type TestApp } from './support/test-app';
import { describeWithChromium, launchChromium, seriousViolations } from './support/browser';

/**
 * The full round is about 6,000 votes; on a machine shared with the other suites the test plays it with a
 * quarter of the phones, one evening at a time (same shape: nine municipalities, revotes, hand counts, the
 * small evening). The round is still slow there; no timing is asserted.
 */
const SCALE = 0.25;
const PLANS = scaledPlans(SCALE);
const ROUND = 900_000;
const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');

/** Row counts and a digest of every row of the tables a round writes, so any insert or update shows. */
async function fingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const register = ['woonvisie_theme', 'agreement', 'agreement_event', 'advice', 'finding', 'finding_agreement', 'finding_event'];
  const live = ['evening', 'participant', 'vote', 'manual_count_entry', 'manual_count_round', 'dilemma_result', 'audit_log'];
  for (const table of [...live, ...register]) {
    const [row] = await dataSource.query(
      `SELECT count(*)::text AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${table}" t`,
    );
    result[table] = `${row.n}:${row.digest}`;
  }
  return result;
}

describe('npm run demo:round (e2e)', () => {
  const url = freshDatabaseUrl('round');
  // A prefix of its own too: on the run's prefix the round's platform (another database) took other suites' jobs.
  const redisPrefix = `${process.env.REDIS_PREFIX}_round`;
  const env = { ...process.env, DATABASE_URL: url, REDIS_PREFIX: redisPrefix };
  let t: TestApp;
  let analyst: { Authorization: string };
  let analystToken: string;

  afterAll(async () => {
    await t?.close();
    await dropDatabase(url);
    if (process.env.REDIS_URL) await deleteKeysUnder(process.env.REDIS_URL, redisPrefix);
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
      expect(first.feedback).toBe('written');

      const dataSource = createDataSource(url);
      await dataSource.initialize();
      try {
        const before = await fingerprint(dataSource);
        const lines: string[] = [];
        const second = await runDemoRound(env, { scale: SCALE, log: (line) => lines.push(line) });
        expect(second).toEqual({
          played: [],
          alreadyRun: first.played.map((e) => e.municipality),
          leftAlone: [],
          feedback: 'there',
        });
        expect(lines.join('\n')).toMatch(/Nothing changed/);
        expect(await fingerprint(dataSource)).toEqual(before);
      } finally {
        await dataSource.destroy();
      }
    },
    ROUND,
  );

  it('stores exactly what the simulated room sent, per round, hand counts included', async () => {
    t = await bootTestApp({ DATABASE_URL: url, REDIS_PREFIX: redisPrefix });
    const login = DEMO_STAFF.find((s) => s.role === 'analyst')!;
    const session = await t.http.post('/api/auth/login').send({ email: login.email, password: login.password }).expect(200);
    analystToken = session.body.accessToken;
    analyst = { Authorization: `Bearer ${analystToken}` };
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

  it("writes what became of Leeuwarden's input: a published finding quoting its 2026 result, an agreement in uitvoering", async () => {
    const leeuwardenDilemma = demoId('dilemma', 'leeuwarden', DEMO_FEEDBACK.dilemmaKey);
    const results = await t.http.get(`/api/dilemmas/${leeuwardenDilemma}/results`).set(analyst).expect(200);
    const top = [...results.body.options].sort((a: { count: number }, b: { count: number }) => b.count - a.count)[0];

    const feedback = await t.http.get('/api/public/feedback?municipality=Leeuwarden').expect(200);
    expect(feedback.body).toHaveLength(1);
    const [finding] = feedback.body;
    expect(finding.round).toMatchObject({ year: 2026 });
    expect(finding.text).toContain(`"${top.label}"`);
    // The figures quoted are Leeuwarden's own, as they stood when the finding was written.
    expect(finding.quotes).toEqual([
      expect.objectContaining({
        dilemmaId: leeuwardenDilemma,
        optionId: top.optionId,
        count: top.count,
        total: results.body.total,
      }),
    ]);
    expect(finding.agreements).toEqual([
      expect.objectContaining({ text: DEMO_FEEDBACK.bid.text, status: 'in_uitvoering', party: 'corporatie' }),
    ]);
    expect(finding.history.map((h: { kind: string; agreementStatus?: string }) => h.agreementStatus ?? h.kind)).toEqual(
      expect.arrayContaining(['published', 'in_uitvoering']),
    );
    // Nothing for another municipality.
    expect((await t.http.get('/api/public/feedback?municipality=Harlingen').expect(200)).body).toEqual([]);

    // The letter for tenants without internet says the same.
    const letter = await t.http
      .get('/api/public/feedback/letter.pdf?municipality=Leeuwarden')
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const text = pdfPages(letter.body as Buffer)
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(text).toContain(top.label);
    expect(text).toContain(DEMO_FEEDBACK.bid.text);
    expect(text).toMatch(/in uitvoering/i);
  });

  it("shows Leeuwarden's tenant organisation its advice and the corporation's response, and nothing of Harlingen", async () => {
    const login = DEMO_STAFF.find((s) => s.role === 'tenant_org')!;
    expect(login).toMatchObject({ email: 'huurders-leeuwarden@demo.huurdersstem.nl', password: 'demo-huurders-2027' });
    const session = await t.http.post('/api/auth/login').send({ email: login.email, password: login.password }).expect(200);
    const tenants = { Authorization: `Bearer ${session.body.accessToken}` };
    const items = (await t.http.get('/api/agreements').set(tenants).expect(200)).body as Array<{
      id: string;
      municipality: string;
    }>;
    expect(items.map((a) => a.municipality)).toEqual(['Leeuwarden']);
    const item = await t.http.get(`/api/agreements/${items[0].id}`).set(tenants).expect(200);
    expect(item.body).toMatchObject({ status: 'in_uitvoering', advice: { given: 1, answered: 1 } });
    expect(item.body.adviceItems).toEqual([
      expect.objectContaining({
        text: DEMO_FEEDBACK.advice.text,
        givenOn: DEMO_FEEDBACK.advice.on,
        response: DEMO_FEEDBACK.response.text,
        respondedOn: DEMO_FEEDBACK.response.on,
      }),
    ]);
    await t.http.get('/api/agreements?municipality=Harlingen').set(tenants).expect(403);
    await t.http.get('/api/policy-input?municipality=Harlingen').set(tenants).expect(403);
    const input = await t.http.get('/api/policy-input').set(tenants).expect(200);
    expect(JSON.stringify(input.body)).not.toContain('Harlingen');
    const findings = (await t.http.get('/api/findings').set(tenants).expect(200)).body as Array<{ municipality: string }>;
    expect(findings.map((f) => f.municipality)).toEqual(['Leeuwarden']);
  });

  it('gives policy input over the nine evenings, with a revote and the small evening hidden in its groups', async () => {
    const input = await t.http.get('/api/policy-input').set(analyst).expect(200);
    // The seed also holds the 2025 round's four evenings, which asked this question from the same template.
    const past = PAST_EVENINGS.length;
    expect(input.body.evenings).toHaveLength(9 + past);
    const rent = input.body.themes
      .flatMap((theme: { dilemmas: unknown[] }) => theme.dilemmas)
      .find((d: { question: string }) => d.question === DEMO_AGENDA[0].question);
    expect(rent.evenings).toHaveLength(9 + past);
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

  // The dashboard on the round just played, in Debian's Chromium (as test/browser.e2e-spec.ts), with axe-core.
  describeWithChromium('the dashboard on the demo round (browser)', () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launchChromium();
      await mkdir(ARTIFACTS, { recursive: true });
      const desk = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const session = JSON.stringify({ accessToken: analystToken, user: { name: 'Pieter de Boer', role: 'analyst' } });
      await desk.addInitScript({ content: `sessionStorage.setItem('hs.staff', ${JSON.stringify(session)});` });
      page = await desk.newPage();
      page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('shows the overview matrix with the nine municipalities, the small evening marked as not shown', async () => {
      await page.goto(`${t.url}/policy`);
      const matrix = page.locator('table.matrix');
      await matrix.waitFor();
      const heads = await matrix.locator('thead th').allTextContents();
      const municipalities = DEMO_EVENINGS.map((e) => e.municipality).sort((a, b) => a.localeCompare(b, 'nl'));
      expect(heads.slice(2)).toEqual(municipalities);
      // Every dilemma row has Opsterland's cell marked as suppressed, with no figure in it.
      const column = heads.indexOf('Opsterland');
      const rows = matrix.locator('tbody tr');
      expect(await rows.count()).toBe(DEMO_AGENDA.length);
      for (let i = 0; i < DEMO_AGENDA.length; i++) {
        const cell = rows.nth(i).locator('th, td').nth(column);
        await expect(cell.getAttribute('data-suppressed')).resolves.toBe('true');
        expect(await cell.textContent()).not.toMatch(/\d+%/);
      }
      // A visible cell carries a share, its interval and n.
      const leeuwarden = rows.first().locator('th, td').nth(heads.indexOf('Leeuwarden'));
      expect(await leeuwarden.textContent()).toMatch(/^\d+%\d+% – \d+% · n=\d+$/);
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-overview.png'), fullPage: false });
      expect(await seriousViolations(page)).toEqual([]);

      // A dilemma opened: the evenings compared, Opsterland in the table as not shown.
      await page.locator('details.dilemma-card > summary').first().click();
      // The evenings' table (the chart's screen-reader copy) is the last table naming the evening.
      const evenings = page.locator('details.dilemma-card').first().locator('table', { hasText: 'Opsterland' }).last();
      await evenings.waitFor({ state: 'attached' });
      const opsterland = evenings.locator('tr', { hasText: 'Opsterland' });
      expect(await opsterland.textContent()).not.toMatch(/\d+%/);
      await page.locator('details.dilemma-card').first().locator('canvas').first().waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-dilemma.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('takes tenant households on the weights screen, refuses a wrong number plainly, and then shows weighted shares', async () => {
      await page.goto(`${t.url}/policy`);
      await page.locator('table.matrix').waitFor();
      const firstDilemma = page.locator('details.dilemma-card').first();
      await firstDilemma.locator('summary').click();
      const weightedCells = firstDilemma.locator('.options-table td.weighted');
      expect(await weightedCells.allTextContents()).toEqual(expect.arrayContaining(['–']));
      await expect(firstDilemma.locator('.options-table').getAttribute('data-weighted')).resolves.toBe('no');

      await page.locator('details.weights > summary').click();
      const weights = page.locator('details.weights');
      await weights.getByLabel('Leeuwarden', { exact: true }).fill('12,5');
      await page.getByRole('button', { name: 'Weging opslaan' }).click();
      await page.getByText('Vul een heel getal in, zonder komma.').waitFor();
      const unchanged = await t.http
        .get('/api/weights')
        .set({ Authorization: `Bearer ${analystToken}` })
        .expect(200);
      expect(unchanged.body.households ?? {}).toEqual({});

      // Households invented for the demo; Leeuwarden much larger than its share of the room.
      const households: Record<string, string> = {
        Leeuwarden: '18.400',
        'De Friese Meren': '3100',
        'Súdwest-Fryslân': '9800',
        Heerenveen: '6200',
        Smallingerland: '7900',
        Waadhoeke: '2600',
        Harlingen: '2400',
        'Noardeast-Fryslân': '4100',
        Opsterland: '2300',
      };
      for (const [municipality, n] of Object.entries(households)) await weights.getByLabel(municipality, { exact: true }).fill(n);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-weights.png'), fullPage: false });
      await page.getByRole('button', { name: 'Weging opslaan' }).click();
      await page.getByText('De weging is opgeslagen; de gewogen cijfers zijn bijgewerkt.').waitFor();
      const saved = await t.http
        .get('/api/weights')
        .set({ Authorization: `Bearer ${analystToken}` })
        .expect(200);
      expect(saved.body.households).toMatchObject({ Leeuwarden: 18400, Opsterland: 2300 });

      // The dashboard reloaded its policy input: the weighted column now has a share per option.
      const reopened = page.locator('details.dilemma-card').first();
      await reopened.locator('summary').click();
      await expect(reopened.locator('.options-table').getAttribute('data-weighted')).resolves.toBe('yes');
      const weighted = await reopened.locator('.options-table td.weighted').allTextContents();
      expect(weighted.length).toBeGreaterThanOrEqual(2);
      for (const text of weighted) expect(text).toMatch(/^\d+%$/);
      await reopened.screenshot({ path: join(ARTIFACTS, 'dashboard-weighted.png') });
    });
  });
});
