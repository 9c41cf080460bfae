import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { AggregationService } from '@hs/domain';
import { aDilemma, anEvening, castVotes, times } from './support/aggregation-builders';
import { describeWithChromium, expectAccessible, launchChromium, seriousViolations } from './support/browser';
import { freePort } from './support/processes';
import { asBytes, bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';

/**
 * The public feedback page /terugkoppeling in a real browser, in Dutch, Frisian and English, checked with axe-core
 * (0 serious or critical violations), the register it is fed from (/register, as the analyst sees it), and the
 * printable letter read back with pdftotext.
 */
const SLOW = 60_000;

describeWithChromium('public feedback page and letter (e2e)', () => {
  let t: TestApp;
  let url: string;
  let browser: Browser;
  let analyst: StaffSession;
  const municipality = `Tytsjerksteradiel-${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    t = await bootTestApp({ PORT: String(port), ALLOWED_ORIGINS: url, PUBLIC_URL: url }, { port });
    browser = await launchChromium();
    analyst = await staffSession(t, 'analyst');

    const evening = await anEvening().in(municipality).save(t.dataSource);
    const { dilemma, options } = await aDilemma().of(evening).withOptions('Nu isoleren', 'Huur gelijk').save(t.dataSource);
    await castVotes(t.dataSource, evening, dilemma, [
      ...times(31, { choice: { optionIds: [options[0].id] } }),
      ...times(19, { choice: { optionIds: [options[1].id] } }),
    ]);
    await t.app.get(AggregationService).recount([dilemma.id]);
    const agreement = (
      await t.http
        .post('/api/agreements')
        .set(analyst.auth)
        .send({
          municipality,
          year: 2026,
          text: 'De corporatie isoleert 300 woningen in Burgum.',
          party: 'corporatie',
          status: 'afgesproken',
        })
        .expect(201)
    ).body;
    const finding = (
      await t.http
        .post('/api/findings')
        .set(analyst.auth)
        .send({
          municipality,
          text: 'De meeste huurders willen eerst isoleren, ook als de huur iets stijgt.',
          translations: {
            fy: 'De measte hierders wolle earst isolearje, ek as de hier wat omheech giet.',
            en: 'Most tenants want insulation first.',
          },
          quotes: [{ dilemmaId: dilemma.id, optionId: options[0].id }],
          response: 'We isoleren dit jaar 300 woningen in Burgum.',
          responseTranslations: { en: 'We are insulating 300 homes in Burgum this year.' },
          outcome: 'overgenomen',
          agreementIds: [agreement.id],
        })
        .expect(201)
    ).body;
    await t.http.post(`/api/findings/${finding.id}/publish`).set(analyst.auth).expect(200);
    await t.http.post(`/api/agreements/${agreement.id}/status`).set(analyst.auth).send({ status: 'in_uitvoering' }).expect(200);
    await t.http
      .post('/api/findings')
      .set(analyst.auth)
      .send({ municipality, text: 'Concept dat niemand mag zien.', quotes: [] })
      .expect(201);
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openIn(lang: 'nl' | 'fy' | 'en'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(`localStorage.setItem('hs.lang', '${lang}')`);
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(`${url}/terugkoppeling?gemeente=${encodeURIComponent(municipality)}`);
    return page;
  }

  it.each([
    [
      'nl',
      'Wat er met uw inbreng gebeurde',
      'De meeste huurders willen eerst isoleren, ook als de huur iets stijgt.',
      'We isoleren dit jaar 300 woningen in Burgum.',
      '62% van de 50 mensen koos "Nu isoleren"',
      'In uitvoering',
    ],
    [
      'fy',
      'Wat der mei jo ynbring barde',
      'De measte hierders wolle earst isolearje, ek as de hier wat omheech giet.',
      'We isoleren dit jaar 300 woningen in Burgum.',
      '62% fan de 50 minsken keas "Nu isoleren"',
      'Yn útfiering',
    ],
    [
      'en',
      'What happened with your input',
      'Most tenants want insulation first.',
      'We are insulating 300 homes in Burgum this year.',
      '62% of the 50 people chose "Nu isoleren"',
      'Under way',
    ],
  ] as const)(
    'shows published findings in %s with figures, response, agreement status and history, and passes axe',
    async (lang, title, said, did, figure, status) => {
      const page = await openIn(lang);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(said).waitFor();
      await page.getByText(did).waitFor();
      await page.getByText(figure).waitFor();
      await page.getByText(status, { exact: false }).first().waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      await expect(page.getByText('Concept dat niemand mag zien.').count()).resolves.toBe(0);
      await expect(page.locator('ol.history li').count()).resolves.toBeGreaterThanOrEqual(3);
      await expect(page.getByRole('link', { name: /PDF/ }).getAttribute('href')).resolves.toContain(
        '/api/public/feedback/letter.pdf',
      );
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
    SLOW,
  );

  it(
    'says so plainly when a municipality has no feedback yet, and passes axe',
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}/terugkoppeling?gemeente=Nergenshuizen`);
      await page.getByText('Er is nog geen terugkoppeling voor deze gemeente.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  it(
    'shows the analyst the register the feedback comes from, with an agreement’s timeline opened, and passes axe',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const session = JSON.stringify({
        accessToken: analyst.token,
        user: { id: analyst.id, name: 'Test analyst', role: 'analyst' },
      });
      await context.addInitScript({
        content: `try { sessionStorage.setItem('hs.staff', ${JSON.stringify(session)}); } catch {}`,
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
      await page.goto(`${url}/register`);
      await page.locator('select', { has: page.locator('option', { hasText: 'Alle gemeenten' }) }).selectOption(municipality);
      const row = page.locator('tr', { hasText: 'De corporatie isoleert 300 woningen in Burgum.' });
      await row.waitFor();
      await expectAccessible(page, 'register of one municipality');
      await row.getByRole('button', { name: 'Tijdlijn en advies' }).click();
      await page.locator('td[id^="detail-"] li').first().waitFor();
      await expectAccessible(page, 'register with a timeline opened');
      await context.close();
    },
    SLOW,
  );

  it(
    'prints the letter: an A4 PDF whose text pdftotext reads back, published findings only',
    async () => {
      const response = await t.http
        .get(`/api/public/feedback/letter.pdf?municipality=${encodeURIComponent(municipality)}`)
        .buffer(true)
        .parse(asBytes)
        .expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const dir = mkdtempSync(join(tmpdir(), 'hs-letter-'));
      const file = join(dir, 'letter.pdf');
      writeFileSync(file, response.body as Buffer);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Wat er met uw inbreng gebeurde');
      expect(text).toContain(`Gemeente ${municipality}`);
      expect(text).toContain('De meeste huurders willen eerst isoleren, ook als de huur iets stijgt.');
      expect(text).toContain('62% van de 50 mensen koos "Nu isoleren"');
      expect(text).toContain('We isoleren dit jaar 300 woningen in Burgum.');
      expect(text).toContain('Overgenomen');
      expect(text).toContain('De corporatie isoleert 300 woningen in Burgum. – In uitvoering');
      expect(text).toContain(`/terugkoppeling?gemeente=${municipality}`);
      expect(text).not.toContain('Concept dat niemand mag zien.');
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);

      await t.http.get('/api/public/feedback/letter.pdf').expect(400);
      await t.http.get('/api/public/feedback/letter.pdf?municipality=x&roundId=nope').expect(400);
    },
    SLOW,
  );
});
