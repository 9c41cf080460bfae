import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { StaffService } from '@hs/domain';
import { bootTestApp, staffSession, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { aLiveEvening, transition } from './support/live-builders';
import { freePort } from './support/processes';
import { describeWithChromium, expectAccessible, launchChromium } from './support/browser';

/**
 * The pages in a real browser (Debian's Chromium through playwright-core), against the real platform.
 * The app listens on a port chosen up front so that its ALLOWED_ORIGINS (the Socket.IO handshake
 * check) names the very origin the browser loads the pages from.
 */
const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');
/** Per test: a browser, a boot and scrypt hashing are slow on a shared machine (no timing is asserted). */
const SLOW = 60_000;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'nl-NL' };

describeWithChromium('pages in a browser (e2e)', () => {
  let t: TestApp;
  let url: string;
  let browser: Browser;
  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    t = await bootTestApp({ PORT: String(port), ALLOWED_ORIGINS: url, PUBLIC_URL: url }, { port });
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function phonePage(): Promise<Page> {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    return page;
  }

  it(
    'lets a tenant on a phone type the code (upper-cased, look-alikes explained, big targets, language kept) and vote multi, budget and scale',
    async () => {
      const facilitator = await staffSession(t, 'facilitator');
      const { evening, dilemmas } = await aLiveEvening(t, facilitator, { municipality: 'Tytsjerksteradiel' })
        .withDilemma('multi', 3, { theme: 'woning' })
        .withDilemma('budget', 3, { theme: 'woning' })
        .withDilemma('scale', 0, { theme: 'woning' })
        .build();
      const [multi, budget, scale] = dilemmas;
      await transition(t, facilitator, multi.id, 'open');

      const page = await phonePage();
      await page.goto(`${url}/`);
      const input = page.locator('#code');
      await input.fill('ab1c d');
      await expect(input.inputValue()).resolves.toBe('ABCD');
      await page.getByText('Een code heeft nooit de O, 0, I, L of 1.').waitFor();
      await expect(page.getByRole('button', { name: 'Verder' }).isDisabled()).resolves.toBe(true);
      await input.fill(evening.joinCode.toLowerCase());
      await expect(page.getByRole('button', { name: 'Verder' }).isEnabled()).resolves.toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'tenant-phone-code.png'), fullPage: true });
      await expectAccessible(page, 'code entered, look-alikes explained');

      // Every control a tenant can tap is at least 48 by 48 CSS pixels.
      const small = await page.$$eval(
        'button, input',
        (elements) => elements.map((el) => el.getBoundingClientRect()).filter((box) => box.width < 48 || box.height < 48).length,
      );
      expect(small).toBe(0);

      await page.getByRole('button', { name: 'Verder' }).click();
      await page.getByRole('heading', { name: 'Wie bent u?' }).waitFor();
      await page.getByRole('button', { name: 'Frysk' }).click();
      await page.getByRole('heading', { name: 'Wa binne jo?' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Doch mei' }).waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fy');
      await page.getByRole('button', { name: 'Nederlands' }).click();
      await page.locator('#code').fill(evening.joinCode);
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.getByRole('button', { name: 'Sla over' }).click();
      await page.getByRole('button', { name: 'Sla over' }).click();

      // multi: toggle two, then Stem.
      await page.getByRole('button', { name: /Optie 1/ }).click();
      await page.getByRole('button', { name: /Optie 3/ }).click();
      await page.getByText('2 van 2 gekozen').waitFor();
      await expectAccessible(page, 'multi: two of two chosen');
      await page.getByRole('button', { name: 'Stem', exact: true }).click();
      await page.getByText('Uw stem is ontvangen').waitFor();
      await transition(t, facilitator, multi.id, 'close');

      // budget: spread exactly the 10 points, then Stem.
      await transition(t, facilitator, budget.id, 'open');
      await page.getByText('Nog 10 punten te verdelen').waitFor();
      for (let i = 0; i < 7; i++) await page.getByRole('button', { name: 'Meer voor Optie 2' }).click();
      for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Meer voor Optie 1' }).click();
      await page.getByText('Alle punten zijn verdeeld.').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'tenant-phone-budget.png'), fullPage: true });
      await page.getByRole('button', { name: 'Stem', exact: true }).click();
      await page.getByText('Optie 2: 7 punten').waitFor();
      await transition(t, facilitator, budget.id, 'close');

      // scale: one tap; then change the vote while it is open; the revealed mean is of the changed vote.
      await transition(t, facilitator, scale.id, 'open');
      await page.getByRole('button', { name: /Helemaal eens/ }).click();
      await page.getByText('Uw stem is ontvangen').waitFor();
      await page.getByRole('button', { name: 'Stem wijzigen' }).click();
      await page.getByRole('button', { name: /^2/ }).click();
      await page.getByText('2 · Oneens').waitFor();
      await expectAccessible(page, 'scale: vote changed');
      await transition(t, facilitator, scale.id, 'close');
      await transition(t, facilitator, scale.id, 'reveal');
      await page.getByText('Gemiddeld: 2 (1 = helemaal oneens, 5 = helemaal eens)').waitFor();
      await expectAccessible(page, 'scale: result on the phone');
      await page.context().close();
    },
    SLOW,
  );

  it(
    'runs an evening from the console: sign in, create, publish, start, add and open a dilemma, screen, hand count, reveal',
    async () => {
      const email = `console-${Date.now()}@test.huurdersstem.nl`;
      const password = 'een-lang-wachtwoord';
      await t.app.get(StaffService).create(null, { email, name: 'Fenna Facilitator', role: 'facilitator', password });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
      await page.goto(`${url}/facilitate`);
      // No session yet: the page sends to the sign-in, which comes back here.
      await page.waitForURL(/\/login\?next=/);
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill('wrong-password');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByText('Dit e-mailadres of wachtwoord klopt niet.').waitFor();
      await expectAccessible(page, 'sign-in with a wrong password');
      await page.getByLabel('Wachtwoord').fill(password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL(`${url}/facilitate`);
      await page.getByRole('heading', { name: 'Nieuwe avond' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'evenings.png'), fullPage: true });
      await expectAccessible(page, 'evenings list with the new-evening form');

      await page.getByLabel('Titel').fill('Bewonersavond Drachten');
      await page.getByLabel('Gemeente').fill('Smallingerland');
      await page.getByLabel('Locatie').fill('De Kruisweg');
      await page.getByLabel('Begint op').fill('2026-03-12T19:30');
      await page.getByRole('button', { name: 'Avond aanmaken' }).click();
      await page.waitForURL(/\/facilitate\/[0-9a-f-]{36}$/);
      // 19:30 Dutch wall time in March is 18:30 UTC, whatever the browser's own time zone.
      await page.getByText('donderdag 12 maart 2026 om 19:30').waitFor();
      await page.getByRole('button', { name: 'Publiceren' }).click();
      await page.getByRole('button', { name: 'Avond starten' }).click();
      await page.getByText('De avond is gestart: huurders kunnen meedoen.').waitFor();
      await expectAccessible(page, 'console of a started evening, empty agenda');

      await page.getByLabel('Vraag', { exact: true }).fill('Moet de corporatie meer groen aanleggen?');
      const labels = page.getByLabel('Keuze', { exact: true });
      await labels.nth(0).fill('Ja, meer groen');
      await labels.nth(1).fill('Nee, het geld naar onderhoud');
      await page.getByLabel('Gevolg (bijv. voor huur of wachttijd)').nth(0).fill('Servicekosten +€3 per maand');
      await page.getByRole('button', { name: 'Dilemma toevoegen' }).click();
      await page.getByText('Het dilemma staat op de agenda.').waitFor();
      await page.getByRole('button', { name: 'Openen', exact: true }).click();
      await page.getByText('De vraag staat open.').waitFor();
      await page.locator('.live-question', { hasText: 'Moet de corporatie meer groen aanleggen?' }).waitFor();
      await page.getByText('Live verbonden').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'console.png'), fullPage: true });
      const joinCode = (await page.locator('.join-code').textContent())!.trim();

      // The console hands its token to the screen in the address fragment; the screen wipes it from the address.
      const [screen] = await Promise.all([
        context.waitForEvent('page'),
        page.getByRole('button', { name: 'Projectiescherm openen' }).click(),
      ]);
      await screen.setViewportSize({ width: 1280, height: 720 });
      await screen.getByRole('heading', { name: 'Moet de corporatie meer groen aanleggen?' }).waitFor();
      await screen.locator('.join-code', { hasText: joinCode }).waitFor();
      // The QR code was fetched with the token and decodes as an image (a string: it runs in the page, not in Node).
      await screen.waitForFunction(
        "(() => { const img = document.querySelector('img.qr'); return !!img && img.complete && img.naturalWidth > 0; })()",
      );
      expect(new URL(screen.url()).hash).toBe('');

      // Hand-counted votes, then close and reveal: the console's tally and the screen's chart include them.
      await page.getByText('Handtelling invoeren').click();
      await page.getByLabel('Ja, meer groen', { exact: true }).fill('3');
      await page.getByRole('button', { name: 'Handtelling opslaan' }).click();
      await page.getByText('De handtelling is opgeslagen.').waitFor();
      await page.getByText('3 stemmen: 0 via telefoon, 3 met de hand').waitFor();
      await expectAccessible(page, 'console with the hand count saved');
      await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
      await page.getByRole('button', { name: 'Uitslag tonen', exact: true }).click();
      await page.getByText('De uitslag is zichtbaar.').waitFor();
      await expectAccessible(page, 'console with the result shown');
      await screen.locator('.option', { hasText: 'Ja, meer groen' }).getByText('100% (3)').waitFor();
      await screen.getByText('De stemming is gesloten.').waitFor();
      await screen.screenshot({ path: join(ARTIFACTS, 'screen.png') });
      await context.close();
    },
    SLOW,
  );

  it(
    'lets a tenant join with the code, vote, rejoin, see the result and the end; the dashboard then shows it and exports it',
    async () => {
      const facilitator = await staffSession(t, 'facilitator');
      const {
        evening,
        dilemmas: [dilemma],
      } = await aLiveEvening(t, facilitator, { title: 'Bewonersavond Buitenpost <b>test</b>', municipality: 'Achtkarspelen' })
        .withDilemma('choice', 2, {
          // A theme and municipality of its own: policy input is read across the whole test database.
          theme: 'wooncarriere',
          question: 'Liever sneller een woning of een grotere woning?',
          description: 'Wie minder eisen stelt, is eerder aan de beurt.',
          options: [
            { label: 'Sneller een woning', consequence: 'Een kleinere woning dan u wilt' },
            { label: 'Een grotere woning', consequence: 'Gemiddeld twee jaar langer wachten' },
          ],
        })
        .build();
      await transition(t, facilitator, dilemma.id, 'open');
      const page = await phonePage();
      await page.goto(`${url}/join/${evening.joinCode.toLowerCase()}`);
      await page.getByRole('button', { name: 'Huurder', exact: true }).click();
      await page.getByRole('button', { name: 'Sla over' }).click();
      await page.getByRole('heading', { name: dilemma.question }).waitFor();
      await page.getByText('Gevolg: Een kleinere woning dan u wilt').waitFor();
      // The evening's title is data: shown as the text it is, never as markup.
      await page.getByText('Bewonersavond Buitenpost <b>test</b>').waitFor();
      expect(await page.locator('main b').count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, 'tenant-phone-vote.png'), fullPage: true });
      await expectAccessible(page, 'choice with a description and consequences');
      await page.getByRole('button', { name: /Sneller een woning/ }).click();
      await page.getByText('Uw stem is ontvangen').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'tenant-phone-received.png'), fullPage: true });

      // A reload rejoins with the same participant token and shows the vote again.
      await page.reload();
      await page.getByText('Uw stem is ontvangen').waitFor();
      await page.getByText('Sneller een woning').first().waitFor();

      // The facilitator closes and reveals: the tenant sees the result; ending the evening says so.
      await t.http.post(`/api/dilemmas/${dilemma.id}/close`).set(facilitator.auth).expect(200);
      await t.http.post(`/api/dilemmas/${dilemma.id}/reveal`).set(facilitator.auth).expect(200);
      await page.getByText('De uitslag').waitFor();
      await page.getByText('1 stem', { exact: true }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'tenant-phone-results.png'), fullPage: true });
      await expectAccessible(page, 'choice result on the phone');
      await t.http.post(`/api/evenings/${evening.id}/end`).set(facilitator.auth).expect(200);
      await page.getByRole('heading', { name: 'De avond is afgelopen' }).waitFor();
      await expectAccessible(page, 'evening ended on the phone');

      // The policy team reads it on the dashboard and downloads a report's CSV (fetched with the Bearer token).
      const analyst = await staffSession(t, 'analyst');
      await waitFor('policy input with the dilemma', async () => {
        const input = await t.http.get('/api/policy-input?theme=wooncarriere').set(analyst.auth);
        return JSON.stringify(input.body).includes(dilemma.question);
      });
      const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      // Signed in as the sign-in page would leave it (the sign-in itself is the console test's part).
      const session = JSON.stringify({
        accessToken: analyst.token,
        user: { id: analyst.id, name: 'Test analyst', role: 'analyst' },
      });
      await desk.addInitScript({ content: `sessionStorage.setItem('hs.staff', ${JSON.stringify(session)});` });
      const dashboard = await desk.newPage();
      await dashboard.goto(`${url}/policy`);
      await dashboard.getByRole('heading', { name: dilemma.question }).waitFor();
      // One voter: under SUPPRESS_BELOW, so the dashboard names the dilemma and its overview cell shows no figure.
      const hidden = dashboard.locator('table.matrix [data-suppressed="true"]').first();
      await hidden.waitFor();
      expect(await hidden.textContent()).not.toMatch(/\d+%/);
      await dashboard.getByRole('button', { name: 'Rapport maken' }).click();
      const [download] = await Promise.all([
        dashboard.waitForEvent('download'),
        dashboard.getByRole('button', { name: 'CSV downloaden' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^huurdersstem-rapport-[0-9a-f]{8}\.csv$/);
      await expectAccessible(dashboard, 'dashboard with a report made, a cell suppressed');
      await dashboard.screenshot({ path: join(ARTIFACTS, 'policy.png'), fullPage: true });
      await desk.close();
      await page.context().close();
    },
    SLOW,
  );
});
