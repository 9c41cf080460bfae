import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { dropDatabase, freshDatabaseUrl } from './support/databases';
import { createEvening } from './support/evening-builders';
import { aLiveEvening, transition } from './support/live-builders';
import { phonePage } from './support/phone-browser';
import { describeWithChromium, seriousViolations } from './support/browser';
import { openRoom, type Room, staffContext } from './support/room-browser';
import { staffSession, type StaffSession } from './support/test-app';

/**
 * Small things of the room (issue 10) on a 360 × 740 phone: the facilitator's countdown strip on the phone (it
 * counts down, goes when removed, and the phone sees the dilemma closed at zero), and a top bar whose brand is
 * never cut off on the narrowest phone, on every page that has one, in every language; and a sign-up form that
 * states the configured REGISTRATION_RETENTION_DAYS (45 here, not the default 30).
 */
const SLOW = 90_000;
const PHONE = { width: 360, height: 740 };
const RETENTION_DAYS = 45;

/** The seconds the strip says ("Nog 0:45" is 45), or null while it is hidden; read at one moment. */
async function stripSeconds(page: Page): Promise<number | null> {
  const strip = await page.locator('#countdown').evaluate((el) => ({
    shown: el.checkVisibility() && el.getAttribute('role') === 'timer',
    text: el.textContent ?? '',
  }));
  if (!strip.shown) return null;
  const match = /^Nog (\d+):(\d\d)$/.exec(strip.text);
  if (!match) throw new Error(`the strip says "${strip.text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

async function untilSeconds(page: Page, accept: (seconds: number | null) => boolean, timeout = 10_000): Promise<number | null> {
  const until = Date.now() + timeout;
  for (;;) {
    const seconds = await stripSeconds(page);
    if (accept(seconds)) return seconds;
    if (Date.now() > until) throw new Error(`the strip still shows ${seconds} s`);
    await page.waitForTimeout(100);
  }
}

describeWithChromium('the room, polished (e2e)', () => {
  let room: Room;
  let facilitator: StaffSession;
  let admin: StaffSession;
  // A database of its own: every platform with a worker closes due countdowns in its database, and one of another
  // suite on a bus of its own (its own Redis, the local backplane) would close this suite's countdown where the
  // phones here never hear of it.
  const databaseUrl = freshDatabaseUrl('polish');
  beforeAll(async () => {
    room = await openRoom({ REGISTRATION_RETENTION_DAYS: String(RETENTION_DAYS), DATABASE_URL: databaseUrl });
    [facilitator, admin] = await Promise.all([staffSession(room.t, 'facilitator'), staffSession(room.t, 'admin')]);
  }, SLOW);
  afterAll(async () => {
    await room?.close();
    await dropDatabase(databaseUrl);
  });

  const countdown = (dilemmaId: string) => room.t.http.put(`/api/dilemmas/${dilemmaId}/countdown`).set(facilitator.auth);

  it(
    'shows the countdown on the phone counting down, hides it when removed, and shows the dilemma closed at zero',
    async () => {
      const { evening, dilemmas } = await aLiveEvening(room.t, facilitator, { title: `Aftellen ${randomUUID().slice(0, 6)}` })
        .withDilemma('choice', 2)
        .build();
      const [dilemma] = dilemmas;
      await transition(room.t, facilitator, dilemma.id, 'open');
      const page = await phonePage(room.browser);
      await page.goto(`${room.url}/join/${evening.joinCode}`);
      await page.getByRole('button', { name: 'Sla over' }).click();
      await page.getByRole('button', { name: 'Sla over' }).click();
      await page.getByRole('button', { name: /Optie 1/ }).waitFor();
      expect(await stripSeconds(page)).toBeNull();

      // A minute, shown only: the strip appears with what is left of it and counts down.
      const set = await countdown(dilemma.id).send({ seconds: 60 }).expect(200);
      const endsAt = Date.parse(set.body.countdown.endsAt);
      const first = await untilSeconds(page, (s) => s !== null);
      expect(first).toBeLessThanOrEqual(60);
      expect(Math.abs(first! - (endsAt - Date.now()) / 1000)).toBeLessThan(2);
      await untilSeconds(page, (s) => s !== null && s < first!, 3000);
      const box = await page.getByRole('timer').boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
      expect(await seriousViolations(page)).toEqual([]);

      // Removed: the strip goes at once, and the question stays open.
      await room.t.http.delete(`/api/dilemmas/${dilemma.id}/countdown`).set(facilitator.auth).expect(200);
      await untilSeconds(page, (s) => s === null, 5000);
      await page.getByRole('button', { name: /Optie 1/ }).waitFor();

      // The shortest countdown, closing at zero: the phone counts it down and then sees voting closed.
      await countdown(dilemma.id).send({ seconds: 5, closeAtZero: true }).expect(200);
      await untilSeconds(page, (s) => s !== null && s <= 5);
      await page.getByText('De stemming is gesloten. De uitslag komt zo.').waitFor({ timeout: 12_000 });
      expect(await stripSeconds(page)).toBeNull();
      await page.context().close();
    },
    SLOW,
  );

  /** The brand sits inside the viewport, its text is not clipped, and nothing of the top bar sticks out. */
  async function expectBrandWhole(page: Page, where: string): Promise<void> {
    const brand = page.locator('.topbar .brand');
    await brand.waitFor();
    const seen = await brand.evaluate((el, phone) => {
      const box = el.getBoundingClientRect();
      return {
        box: [box.left, box.top, box.right, box.bottom].map(Math.round).join(','),
        inside: box.left >= 0 && box.top >= 0 && box.right <= phone.width && box.bottom <= phone.height,
        clipped: el.scrollWidth > el.clientWidth,
        barFits: el.parentElement!.scrollWidth <= el.parentElement!.clientWidth,
        text: el.textContent,
      };
    }, PHONE);
    const name = `${where} (box ${seen.box})`;
    expect({ name, inside: seen.inside, clipped: seen.clipped, barFits: seen.barFits, text: seen.text }).toEqual({
      name,
      inside: true,
      clipped: false,
      barFits: true,
      text: 'Huurdersstem',
    });
  }

  it(
    'keeps the brand in the top bar whole at 360 × 740 on the tenant, sign-in and feedback pages',
    async () => {
      const evening = await createEvening(room.t, facilitator, { title: `Merk ${randomUUID().slice(0, 6)}` }, 'live');
      for (const locale of ['nl-NL', 'fy-NL', 'en-GB']) {
        const page = await phonePage(room.browser, locale);
        for (const path of ['/', `/join/${evening.joinCode}`, '/login', '/terugkoppeling?gemeente=Leeuwarden']) {
          await page.goto(`${room.url}${path}`);
          await expectBrandWhole(page, `${locale} ${path}`);
        }
        await page.context().close();
      }
      // Larger text ("A+") makes the buttons wider: they move to a second line, the brand stays whole.
      const page = await phonePage(room.browser);
      await page.goto(`${room.url}/`);
      await page.getByRole('button', { name: 'A+ Grotere letters' }).click();
      await expectBrandWhole(page, 'nl-NL / A+');
      await page.context().close();
    },
    SLOW,
  );

  it(
    'keeps the brand in the top bar whole at 360 × 740 on every staff page, with the longest navigation (admin)',
    async () => {
      const { evening } = await aLiveEvening(room.t, facilitator, { title: `Merk ${randomUUID().slice(0, 6)}` })
        .withDilemma('choice', 2)
        .build();
      for (const lang of ['nl', 'fy', 'en']) {
        const context = await staffContext(room, admin, PHONE);
        await context.addInitScript({ content: `try { localStorage.setItem('hs.lang', '${lang}'); } catch {}` });
        const page = await context.newPage();
        for (const path of ['/facilitate', `/facilitate/${evening.id}`, '/policy', '/register']) {
          await page.goto(`${room.url}${path}`);
          await page.locator('.topbar .signout').waitFor();
          await expectBrandWhole(page, `${lang} ${path}`);
        }
        await context.close();
      }
    },
    SLOW,
  );

  it.each([
    ['nl-NL', 'Aanmelden', 'bewaren tot 45 dagen na de avond'],
    ['fy-NL', 'Oanmelde', 'bewarje oant 45 dagen nei de jûn'],
    ['en-GB', 'Sign up', 'until 45 days after the evening'],
  ])('states the configured retention in the sign-up consent (%s)', async (locale, signUp, sentence) => {
    const title = `Bewaren ${randomUUID().slice(0, 6)}`;
    const evening = await createEvening(room.t, facilitator, { title }, 'published');
    const listed = await room.t.http.get('/api/public/evenings').expect(200);
    expect(listed.body.find((e: { id: string }) => e.id === evening.id)).toMatchObject({
      registrationRetentionDays: RETENTION_DAYS,
    });

    const page = await phonePage(room.browser, locale);
    await page.goto(`${room.url}/`);
    await page.getByRole('button', { name: `${signUp}: ${title}` }).click();
    const consent = page.locator('label[for="signup-consent"]');
    await consent.waitFor();
    expect(await consent.textContent()).toContain(sentence);
    expect(await consent.textContent()).not.toMatch(/\b30\b/);
    await page.context().close();
  });

  it.each([
    ['nl-NL', /^donderdag 11 maart 2027 om 19:30$/],
    // Browsers have no Frisian calendar names; the page spells them (Chromium alone writes "2027 M03 11, Thu").
    ['fy-NL', /^tongersdei 11 maart 2027 om 19:30$/],
    ['en-GB', /^Thursday,? 11 March 2027,? (at )?19:30$/],
  ])("writes an evening's date in the reader's language, in Dutch time (%s)", async (locale, when) => {
    const title = `Datum ${randomUUID().slice(0, 6)}`;
    // 18:30 UTC on a winter Thursday is 19:30 in Amsterdam.
    await createEvening(room.t, facilitator, { title, startsAt: '2027-03-11T18:30:00Z' }, 'published');
    const page = await phonePage(room.browser, locale);
    await page.goto(`${room.url}/`);
    const card = page.locator('article.evening-card', { has: page.getByRole('heading', { name: title }) });
    expect(await card.locator('p').first().textContent()).toMatch(when);
    await page.context().close();
  });
});
