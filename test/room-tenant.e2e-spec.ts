import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createDilemma, createEvening } from './support/evening-builders';
import { aLiveEvening, transition } from './support/live-builders';
import { captureOutput } from './support/output';
import { describeWithChromium, expectAccessible, launchChromium } from './support/browser';
import { phonePage } from './support/phone-browser';
import { freePort } from './support/processes';
import { bootTestApp, type StaffSession, staffSession, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The tenant's way in on a 360 × 740 phone (issue 10, "Tenant flow" and "At a venue"): the code checked
 * before any question, the waiting room, the browser's language, one participant per phone for the
 * evening, changing a vote, the coming evenings on `/`, and a phone on an address the socket refuses.
 * Every page state is checked with axe-core: no serious or critical violation.
 */
const SLOW = 90_000;
const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');

describeWithChromium('the tenant flow on a phone (e2e)', () => {
  let t: TestApp;
  let url: string;
  let browser: Browser;
  let facilitator: StaffSession;
  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    t = await bootTestApp({ PORT: String(port), ALLOWED_ORIGINS: url, PUBLIC_URL: url }, { port });
    browser = await launchChromium();
    facilitator = await staffSession(t, 'facilitator');
    await mkdir(ARTIFACTS, { recursive: true });
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const participants = async (eveningId: string) =>
    Number((await t.dataSource.query('SELECT count(*) AS n FROM participant WHERE evening_id = $1', [eveningId]))[0].n);
  const voters = async (dilemmaId: string) =>
    Number(
      (await t.dataSource.query('SELECT count(DISTINCT participant_id) AS n FROM vote WHERE dilemma_id = $1', [dilemmaId]))[0].n,
    );

  it(
    'says a wrong code and an ended evening at once, before the group and age questions',
    async () => {
      const page = await phonePage(browser);
      await page.goto(`${url}/join/ZZZZZZ`);
      await page.getByText('Deze code kennen we niet. Kijk nog eens goed op het scherm.').waitFor();
      await expect(page.getByRole('heading', { name: 'Wie bent u?' }).count()).resolves.toBe(0);
      await expect(page.locator('#code').inputValue()).resolves.toBe('ZZZZZZ');
      await expectAccessible(page);

      const ended = await createEvening(t, facilitator, { title: `Afgelopen ${randomUUID().slice(0, 6)}` }, 'ended');
      await page.locator('#code').fill(ended.joinCode);
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.getByText('Deze avond is al afgelopen.', { exact: false }).waitFor();
      await expect(page.getByRole('heading', { name: 'Wie bent u?' }).count()).resolves.toBe(0);
      await expectAccessible(page);
      await page.context().close();
    },
    SLOW,
  );

  it(
    'keeps a tenant in a waiting room until the evening starts, then joins by itself',
    async () => {
      const evening = await createEvening(t, facilitator, { title: `Wachtkamer ${randomUUID().slice(0, 6)}` }, 'published');
      const page = await phonePage(browser);
      await page.goto(`${url}/join/${evening.joinCode}`);
      await page.getByText('De avond is nog niet begonnen. U kunt deze vragen alvast beantwoorden.').waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Huurder', exact: true }).click();
      await page.getByRole('button', { name: 'Sla over' }).click();
      await page.getByRole('heading', { name: 'De avond is nog niet begonnen' }).waitFor();
      await page.getByText(evening.title).waitFor();
      await expectAccessible(page);
      expect(await participants(evening.id)).toBe(0);

      await t.http.post(`/api/evenings/${evening.id}/start`).set(facilitator.auth).expect(200);
      await page.getByText(`U doet mee: ${evening.title}`).waitFor({ timeout: 20_000 });
      await page.getByText('De volgende vraag komt zo op uw scherm.').waitFor();
      await expectAccessible(page);
      expect(await participants(evening.id)).toBe(1);
      const [{ group }] = await t.dataSource.query('SELECT "group" FROM participant WHERE evening_id = $1', [evening.id]);
      expect(group).toBe('tenant');
      await page.context().close();
    },
    SLOW,
  );

  it.each([
    ['fy-NL', 'Doch mei', 'fy'],
    ['en-GB', 'Join in', 'en'],
    ['de-DE', 'Doe mee', 'nl'],
  ])('speaks the browser’s language (%s) until the tenant picks another', async (locale, heading, lang) => {
    const page = await phonePage(browser, locale);
    await page.goto(`${url}/`);
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
    await expectAccessible(page);
    if (lang !== 'nl') {
      await page.getByRole('button', { name: 'NL – Nederlands' }).click();
      await page.reload();
      await page.getByRole('heading', { name: 'Doe mee', exact: true }).waitFor();
    }
    await page.context().close();
  });

  it(
    'rejoins a closed tab as the same participant (one vote, not two), marks the vote being changed, starts fresh on "Dit is niet mijn telefoon" and says when the evening ends',
    async () => {
      const { evening, dilemmas } = await aLiveEvening(t, facilitator, { title: `Eén telefoon ${randomUUID().slice(0, 6)}` })
        .withDilemma('choice', 3)
        .build();
      const [choice] = dilemmas;
      await transition(t, facilitator, choice.id, 'open');
      const first = await phonePage(browser);
      const context = first.context();
      await first.goto(`${url}/join/${evening.joinCode}`);
      await first.getByRole('button', { name: 'Sla over' }).click();
      await first.getByRole('button', { name: 'Sla over' }).click();
      await first.getByRole('button', { name: /Optie 2/ }).click();
      await first.getByText('Uw stem is ontvangen').waitFor();
      await first.close();

      // The tab is closed; the QR code is scanned again in the same browser.
      const again = await context.newPage();
      await again.goto(`${url}/join/${evening.joinCode}`);
      await again.getByText('Uw stem is ontvangen').waitFor();
      await again.getByText('Optie 2').first().waitFor();
      await again.getByRole('button', { name: 'Stem wijzigen' }).click();
      const current = again.locator('button[aria-current="true"]');
      await expect(current.textContent()).resolves.toContain('Optie 2');
      await expect(current.textContent()).resolves.toContain('Uw keuze nu');
      await expectAccessible(again);
      await again.getByRole('button', { name: 'Niet wijzigen' }).click();
      await again.getByText('Uw stem is ontvangen').waitFor();
      await again.getByRole('button', { name: 'Stem wijzigen' }).click();
      await again.getByRole('button', { name: /Optie 3/ }).click();
      await again.getByText('Uw stem is ontvangen').waitFor();
      await waitFor('one voter', async () => (await voters(choice.id)) === 1);
      expect(await participants(evening.id)).toBe(1);
      const [{ n }] = await t.dataSource.query('SELECT count(*) AS n FROM vote WHERE dilemma_id = $1', [choice.id]);
      expect(Number(n)).toBe(1);
      await expectAccessible(again);

      // A shared phone: the next person is a new participant with a vote of their own.
      await again.getByRole('button', { name: 'Dit is niet mijn telefoon' }).click();
      await again.getByText('U kunt nu meedoen als iemand anders. Vul de code in.').waitFor();
      await expect(again.evaluate("localStorage.getItem('hs.participant')")).resolves.toBeNull();
      await again.locator('#code').fill(evening.joinCode);
      await again.getByRole('button', { name: 'Verder' }).click();
      await again.getByRole('button', { name: 'Sla over' }).click();
      await again.getByRole('button', { name: 'Sla over' }).click();
      await again.getByRole('button', { name: /Optie 1/ }).click();
      await again.getByText('Uw stem is ontvangen').waitFor();
      expect(await participants(evening.id)).toBe(2);
      await waitFor('two voters', async () => (await voters(choice.id)) === 2);

      // The evening ends while the phone is on it.
      await t.http.post(`/api/evenings/${evening.id}/end`).set(facilitator.auth).expect(200);
      await again.getByRole('heading', { name: 'De avond is afgelopen' }).waitFor();
      await expectAccessible(again);
      await context.close();
    },
    SLOW,
  );

  it(
    'keeps the budget counter in view, follows the text size, and has a larger-text switch',
    async () => {
      const { evening, dilemmas } = await aLiveEvening(t, facilitator, { title: `Budget ${randomUUID().slice(0, 6)}` })
        .withDilemma('budget', 6)
        .build();
      await transition(t, facilitator, dilemmas[0].id, 'open');
      const page = await phonePage(browser);
      await page.goto(`${url}/join/${evening.joinCode}`);
      await page.getByRole('button', { name: 'Sla over' }).click();
      await page.getByRole('button', { name: 'Sla over' }).click();
      await page.getByText('Nog 10 punten te verdelen').waitFor();
      await page.getByRole('button', { name: 'Meer voor Optie 6' }).scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: 'Meer voor Optie 6' }).click();
      const counter = page.getByText('Nog 9 punten te verdelen');
      const box = await counter.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(740);
      expect(await page.evaluate('window.scrollY')).toBeGreaterThan(100);
      await expectAccessible(page);

      const size = () => page.evaluate<number>('parseFloat(getComputedStyle(document.body).fontSize)');
      expect(await size()).toBe(20);
      await page.getByRole('button', { name: 'A+ Grotere letters' }).click();
      expect(await size()).toBe(25);
      await page.reload();
      await page.getByText('Nog 10 punten te verdelen').waitFor();
      expect(await size()).toBe(25);
      await expectAccessible(page);
      await page.context().close();

      // The phone's own text size (the browser's default font size) scales the page: rem, not px.
      const big = await phonePage(browser);
      await big.goto(`${url}/`);
      await big.evaluate("document.documentElement.style.fontSize = '20px'");
      expect(await big.evaluate<number>('parseFloat(getComputedStyle(document.body).fontSize)')).toBe(25);
      await big.context().close();
    },
    SLOW,
  );

  it(
    'lists the coming evenings on / with a sign-up form, keeps the code field, and says refusals in the tenant’s language',
    async () => {
      const title = `Aanmeldavond ${randomUUID().slice(0, 6)}`;
      const evening = await createEvening(t, facilitator, { title, capacity: 40 }, 'published');
      const page = await phonePage(browser, 'en-GB');
      await page.goto(`${url}/`);
      await page.locator('#code').waitFor();
      const card = page.locator('article', { hasText: title });
      await card.getByText('40 places left').waitFor();
      await expectAccessible(page);
      await card.getByRole('button', { name: `Sign up: ${title}` }).click();
      await page.getByLabel('Your name', { exact: true }).fill('Sjoukje de Vries');
      await page.getByLabel('Your e-mail address (may stay empty)').fill('sjoukje@example.nl');
      await page.getByLabel('Someone from the municipality, care or welfare').check();
      await page.getByRole('button', { name: 'Sign up', exact: true }).click();
      await page.getByText('Tick the consent box.', { exact: false }).waitFor();
      await expectAccessible(page);
      await page.getByLabel(/We may keep your name/).check();
      await page.getByRole('button', { name: 'Sign up', exact: true }).click();
      await card.getByText('You are signed up. See you then!').waitFor();
      await expectAccessible(page);
      const rows = await t.dataSource.query('SELECT name, email, "group" FROM registration WHERE evening_id = $1', [evening.id]);
      expect(rows).toEqual([{ name: 'Sjoukje de Vries', email: 'sjoukje@example.nl', group: 'stakeholder' }]);

      // The same address again, from another phone: the server's REGISTRATION_EXISTS, said in English.
      const other = await phonePage(browser, 'en-GB');
      await other.goto(`${url}/`);
      const again = other.locator('article', { hasText: title });
      await again.getByRole('button', { name: `Sign up: ${title}` }).click();
      await other.getByLabel('Your name', { exact: true }).fill('S. de Vries');
      await other.getByLabel('Your e-mail address (may stay empty)').fill('sjoukje@example.nl');
      await other.getByLabel(/We may keep your name/).check();
      await other.getByRole('button', { name: 'Sign up', exact: true }).click();
      await other.getByText('You are already signed up with this e-mail address.').waitFor();
      await page.context().close();
      await other.context().close();
    },
    SLOW,
  );
  it(
    'shows the dilemma in Frisian and English on phones and on the projector (?lang=fy), the Dutch where a text is missing',
    async () => {
      const evening = await createEvening(t, facilitator, { title: 'Hierdersjûn Ljouwert' }, 'live');
      const dilemma = await createDilemma(t, facilitator, evening.id, {
        question: 'Eerst isoleren, of de huur gelijk houden?',
        description: 'Isoleren maakt de woning warmer en de energierekening lager, maar kost geld.',
        translations: {
          fy: {
            question: 'Earst isolearje, of de hier gelyk hâlde?',
            description: 'Isolearje makket de wenning waarmer en de enerzjyrekken leger, mar kostet jild.',
          },
          en: { question: 'Insulate first, or keep the rent the same?' },
        },
        options: [
          {
            label: 'Nu isoleren',
            consequence: 'De huur gaat elk jaar 1,5% omhoog.',
            translations: {
              fy: { label: 'No isolearje', consequence: 'De hier giet elk jier 1,5% omheech.' },
              en: { label: 'Insulate now', consequence: 'The rent goes up 1.5% a year.' },
            },
          },
          {
            label: 'Huur gelijk houden',
            consequence: 'Isoleren gebeurt 5 jaar later.',
            translations: { fy: { label: 'Hier gelyk hâlde', consequence: 'Isolearjen bart 5 jier letter.' } },
          },
        ],
      });
      await transition(t, facilitator, dilemma.id, 'open');

      const fy = await phonePage(browser, 'fy-NL');
      await fy.goto(`${url}/join/${evening.joinCode}`);
      await fy.getByRole('button', { name: 'Hierder', exact: true }).click();
      await fy.getByRole('button', { name: 'Oerslaan' }).click();
      await fy.getByRole('heading', { name: 'Earst isolearje, of de hier gelyk hâlde?' }).waitFor();
      await fy.getByText('Gefolch: De hier giet elk jier 1,5% omheech.').waitFor();
      await fy.getByText('Gefolch: Isolearjen bart 5 jier letter.').waitFor();
      await expectAccessible(fy);
      await fy.screenshot({ path: join(ARTIFACTS, 'tenant-phone-fy.png') });
      await fy.getByRole('button', { name: /No isolearje/ }).click();
      await fy.getByText('Jo stim is ûntfongen').waitFor();
      await fy.getByText('No isolearje').waitFor();
      await fy.context().close();

      // English: the question and the first option translated; the second option has no English, so Dutch.
      const en = await phonePage(browser, 'en-GB');
      await en.goto(`${url}/join/${evening.joinCode}`);
      await en.getByRole('button', { name: 'Skip' }).click();
      await en.getByRole('button', { name: 'Skip' }).click();
      await en.getByRole('heading', { name: 'Insulate first, or keep the rent the same?' }).waitFor();
      await en.getByText('Consequence: The rent goes up 1.5% a year.').waitFor();
      await en.getByRole('button', { name: /Huur gelijk houden/ }).waitFor();
      await en.getByText('Isoleren maakt de woning warmer', { exact: false }).waitFor();
      await expectAccessible(en);
      // Switching to Frisian redraws the question in Frisian, without a reload.
      await en.getByRole('button', { name: 'FY – Frysk' }).click();
      await en.getByRole('heading', { name: 'Earst isolearje, of de hier gelyk hâlde?' }).waitFor();
      await en.context().close();

      const projector = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
      const screen = await projector.newPage();
      await screen.goto(`${url}/screen/${evening.id}?lang=fy#token=${encodeURIComponent(facilitator.token)}`);
      await screen.getByRole('heading', { name: 'Earst isolearje, of de hier gelyk hâlde?' }).waitFor();
      await screen.getByText('Hier gelyk hâlde', { exact: true }).waitFor();
      await expectAccessible(screen);
      // ?lang is for the projector alone: the console's language on this laptop stays as it was.
      await expect(screen.evaluate("localStorage.getItem('hs.lang')")).resolves.toBeNull();
      await projector.close();
    },
    SLOW,
  );
});

describeWithChromium('a phone at a venue (e2e)', () => {
  /** The laptop's address on the venue's wifi (PUBLIC_URL), and another name for it that nobody listed. */
  const VENUE = 'venue-laptop.test';
  const OTHER = 'other-name.test';
  let t: TestApp;
  let port: number;
  let browser: Browser;
  let facilitator: StaffSession;
  beforeAll(async () => {
    port = await freePort();
    // ALLOWED_ORIGINS names only 127.0.0.1: the venue address is allowed because it is PUBLIC_URL.
    // LOG_LEVEL warn: the refusal is a warning (the tests' default level shows errors only).
    await captureOutput(async () => {
      t = await bootTestApp(
        {
          PORT: String(port),
          ALLOWED_ORIGINS: `http://127.0.0.1:${port}`,
          PUBLIC_URL: `http://${VENUE}:${port}`,
          LOG_LEVEL: 'warn',
        },
        { port },
      );
    });
    browser = await launchChromium([VENUE, OTHER]);
    facilitator = await staffSession(t, 'facilitator');
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it(
    'connects a phone that opened PUBLIC_URL, and tells one on an unlisted address where to go (the refusal logged by origin)',
    async () => {
      const { evening, dilemmas } = await aLiveEvening(t, facilitator).withDilemma('choice', 2).build();
      await transition(t, facilitator, dilemmas[0].id, 'open');
      const venue = await phonePage(browser);
      await venue.goto(`http://${VENUE}:${port}/join/${evening.joinCode}`);
      await venue.getByRole('button', { name: 'Sla over' }).click();
      await venue.getByRole('button', { name: 'Sla over' }).click();
      await venue.getByRole('button', { name: /Optie 1/ }).click();
      await venue.getByText('Uw stem is ontvangen').waitFor();
      await venue.context().close();

      const other = await phonePage(browser);
      const output = await captureOutput(async () => {
        await other.goto(`http://${OTHER}:${port}/join/${evening.joinCode}`);
        await other.getByRole('button', { name: 'Sla over' }).click();
        await other.getByRole('button', { name: 'Sla over' }).click();
        await other.getByRole('heading', { name: 'Deze pagina kan geen verbinding maken' }).waitFor({ timeout: 30_000 });
      });
      const link = other.getByRole('link', { name: `http://${VENUE}:${port}/join/${evening.joinCode}` });
      await expect(link.getAttribute('href')).resolves.toBe(`http://${VENUE}:${port}/join/${evening.joinCode}`);
      await expectAccessible(other);
      expect(output).toContain(`socket handshake refused: origin "http://${OTHER}:${port}" is not in ALLOWED_ORIGINS`);
      expect(output.match(/socket handshake refused/g)).toHaveLength(1);
      await other.context().close();
    },
    SLOW,
  );
});
