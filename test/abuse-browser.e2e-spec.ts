import type { Browser } from 'playwright-core';
import { StaffService } from '@hs/domain';
import { describeWithChromium, launchChromium } from './support/browser';
import { freePort } from './support/processes';
import { bootTestApp, type TestApp } from './support/test-app';

/**
 * The attacks that only a browser shows (issue: abuse resistance, findings 5 and 6): an open redirect
 * after sign-in, and pages that never load over plain HTTP on a venue's network.
 */
const SLOW = 60_000;
/** A name for the venue laptop that is not loopback to the browser, resolved to this machine. */
const VENUE_HOST = 'venue-laptop.test';

describeWithChromium('abuse in a browser (e2e)', () => {
  let t: TestApp;
  let url: string;
  let browser: Browser;
  beforeAll(async () => {
    const port = await freePort();
    url = `http://${VENUE_HOST}:${port}`;
    t = await bootTestApp({ PORT: String(port), ALLOWED_ORIGINS: url, PUBLIC_URL: url }, { port });
    browser = await launchChromium([VENUE_HOST, 'evil.example']);
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it(
    'loads the tenant page over plain HTTP from a non-loopback host name (no upgrade to https)',
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.goto(`${url}/`);
      await page.locator('#code').waitFor({ timeout: 10_000 });
      expect(failed.filter((address) => address.startsWith('https:'))).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  it.each(['/%09/evil.example/phish', '/%0a/evil.example/phish', '/%5C%09evil.example', '//evil.example'])(
    'stays on the site after sign-in with next=%s',
    async (next) => {
      const email = `redirect-${Date.now()}-${Math.random().toString(36).slice(2)}@test.huurdersstem.nl`;
      const password = 'een-lang-wachtwoord';
      await t.app.get(StaffService).create(null, { email, name: 'Fenna Facilitator', role: 'facilitator', password });
      const context = await browser.newContext();
      const page = await context.newPage();
      const visitedEvil: string[] = [];
      await context.route(
        (address) => address.hostname === 'evil.example',
        (route) => {
          visitedEvil.push(route.request().url());
          return route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>phish</h1>' });
        },
      );
      await page.goto(`${url}/login?next=${next}`);
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill(password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL((address) => !address.pathname.startsWith('/login'), { timeout: 15_000 });
      expect(new URL(page.url()).origin).toBe(url);
      expect(visitedEvil).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  it(
    'still follows a next= path on the site itself',
    async () => {
      const email = `next-${Date.now()}@test.huurdersstem.nl`;
      const password = 'een-lang-wachtwoord';
      await t.app.get(StaffService).create(null, { email, name: 'Anna Analist', role: 'analyst', password });
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}/login?next=${encodeURIComponent('/facilitate?x=1')}`);
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill(password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL(`${url}/facilitate?x=1`);
      await context.close();
    },
    SLOW,
  );
});
