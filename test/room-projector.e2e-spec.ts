import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DilemmaView } from '@hs/contracts';
import { staffSession, type StaffSession } from './support/test-app';
import { aLiveEvening, transition } from './support/live-builders';
import { aVotePayload, connectTenant, joinEvening, vote, type LiveClient } from './support/live-client';
import { describeWithChromium, expectAccessible } from './support/browser';
import { ARTIFACTS, openRoom, type Room, staffContext } from './support/room-browser';

/**
 * The projector screen in a real browser: whatever the screen (1024×768 up to 3840×2160) and however many
 * options (2, 5, 8), every element lies inside the viewport and nothing scrolls or overflows its row, and the
 * type and bars grow with the screen; while voting the options and their consequences show with the count;
 * revealed, the bars with "x via telefoon, y met de hand"; after a revote round 1 beside round 2; before the
 * first question the join panel, after the last the thanks. axe-core on each: 0 serious or critical.
 */
const SLOW = 120_000;
const HD = { width: 1920, height: 1080 };
const UHD = { width: 3840, height: 2160 };
const VIEWPORTS = [{ width: 1024, height: 768 }, { width: 1280, height: 720 }, HD, UHD];
const sizeOf = (viewport: { width: number; height: number }) => `${viewport.width}x${viewport.height}`;
/** Where axe-core checks the states of the options test: a small screen, and the largest with the most options. */
const AXE_AT = (n: number, viewport: { width: number }) => (n === 5 && viewport.width === 1280) || (n === 8 && viewport === UHD);
const OPTIONS = [
  ['Meer groen in de wijk', 'Servicekosten € 3 per maand hoger'],
  ['Het geld naar onderhoud', 'Tuinen blijven zoals ze zijn'],
  ['Een buurtkamer', 'Minder geld voor speelplekken'],
  ['Betere verlichting', 'Een jaar later nieuwe kozijnen'],
  ['Niets veranderen', 'De huur stijgt alleen met de inflatie'],
  ['Meer parkeerplaatsen', 'Minder groen bij de flat'],
  ['Fietsenstalling', 'Bergingen worden kleiner'],
  ['Zonnepanelen op het dak', 'Twee jaar wachten op een nieuwe keuken'],
];

/** Everything in main outside the viewport, a page that scrolls, or a row whose content overflows it. */
const LAYOUT_PROBLEMS = `(() => {
  const vw = window.innerWidth, vh = window.innerHeight, problems = [];
  const root = document.documentElement;
  if (root.scrollHeight > vh + 1 || root.scrollWidth > vw + 1) problems.push('page scrolls: ' + root.scrollWidth + 'x' + root.scrollHeight);
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1)
      problems.push(el.tagName + '.' + el.className + ' at ' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(','));
  }
  for (const el of document.querySelectorAll('.option, .option-text, .screen-question, .join'))
    if (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2)
      problems.push('overflows: ' + el.className + ' ' + (el.textContent || '').slice(0, 40));
  return problems;
})()`;

describeWithChromium('the projector screen (e2e, browser)', () => {
  let room: Room;
  let facilitator: StaffSession;
  const tenants: LiveClient[] = [];

  beforeAll(async () => {
    room = await openRoom();
    facilitator = await staffSession(room.t, 'facilitator');
  }, SLOW);
  afterAll(async () => {
    for (const socket of tenants) socket.close();
    await room?.close();
  });

  /** A live evening with one choice dilemma of `n` options on its agenda, not open yet. */
  async function anAgenda(n: number): Promise<{ eveningId: string; dilemma: DilemmaView; joinCode: string }> {
    const { evening, dilemmas } = await aLiveEvening(room.t, facilitator, { title: `Bewonersavond Heerenveen (${n})` })
      .withDilemma('choice', n, {
        theme: 'leefbaarheid',
        question: 'Waar moet het geld voor de buurt de komende twee jaar vooral naartoe?',
        options: OPTIONS.slice(0, n).map(([label, consequence]) => ({ label, consequence })),
      })
      .build();
    return { eveningId: evening.id, dilemma: dilemmas[0], joinCode: evening.joinCode };
  }

  /** The dilemma opened, with `phones` phone votes and 3 hands. */
  async function openWithVotes(dilemmaId: string, joinCode: string, phones: number): Promise<DilemmaView> {
    const dilemma = await transition(room.t, facilitator, dilemmaId, 'open');
    await castPhones(joinCode, dilemma, phones);
    await room.t.http
      .post(`/api/dilemmas/${dilemma.id}/manual-counts`)
      .set(facilitator.auth)
      .send({ round: 1, counts: { [dilemma.options[0].id]: 3 } })
      .expect(201);
    return dilemma;
  }

  /** A live evening whose one choice dilemma has `n` options, open, with `phones` phone votes and 3 hands. */
  async function anOpenDilemma(
    n: number,
    phones: number,
  ): Promise<{ eveningId: string; dilemma: DilemmaView; joinCode: string }> {
    const agenda = await anAgenda(n);
    return { ...agenda, dilemma: await openWithVotes(agenda.dilemma.id, agenda.joinCode, phones) };
  }

  async function castPhones(joinCode: string, dilemma: DilemmaView, phones: number): Promise<void> {
    for (let i = 0; i < phones; i++) {
      const joined = await joinEvening(room.t, joinCode);
      const socket = await connectTenant(room.t.url, joined.participantToken);
      tenants.push(socket);
      const option = dilemma.options[i % dilemma.options.length];
      const ack = await vote(socket, aVotePayload(dilemma.id, { optionIds: [option.id] }));
      expect(ack.ok).toBe(true);
    }
  }

  async function openScreen(
    eveningId: string,
    viewport: { width: number; height: number },
    ready = '.screen-question',
  ): Promise<Page> {
    const context = await staffContext(room, facilitator, viewport);
    const page = await context.newPage();
    await page.goto(`${room.url}/screen/${eveningId}#token=${encodeURIComponent(facilitator.token)}`);
    await page.locator(ready).waitFor();
    return page;
  }

  /** The computed font size, or height, in CSS pixels of the first element matching `selector`. */
  const px = (page: Page, selector: string, property: 'fontSize' | 'height') =>
    page.evaluate(
      `parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}])`,
    ) as Promise<number>;

  async function expectFits(page: Page, label: string): Promise<void> {
    // The bars move in 0.3 s; measure once they stand.
    await page.waitForTimeout(400);
    const problems = (await page.evaluate(LAYOUT_PROBLEMS)) as string[];
    expect({ label, problems }).toEqual({ label, problems: [] });
  }

  it.each([2, 5, 8])(
    'fits %i options on every screen while voting and revealed, with consequences, count and totals apart',
    async (n) => {
      const { eveningId, dilemma } = await anOpenDilemma(n, 4);
      const measured: Record<string, { question: number; label: number; bar?: number }> = {};
      for (const viewport of VIEWPORTS) {
        const page = await openScreen(eveningId, viewport);
        const size = sizeOf(viewport);
        // While voting: the options with their consequences, the count, and the phones and hands apart.
        await page
          .locator('.option')
          .nth(n - 1)
          .waitFor();
        expect(await page.locator('.option').count()).toBe(n);
        await page.locator('.option-consequence', { hasText: OPTIONS[n - 1][1] }).waitFor();
        await page.locator('.count-n', { hasText: '7' }).waitFor();
        await page.locator('.screen-total', { hasText: /^4 via telefoon, 3 met de hand$/ }).waitFor();
        expect(await page.locator('.bar-fill').count()).toBe(0);
        await expectFits(page, `${n} options voting ${size}`);
        // Readable from the back: the option labels are never tiny.
        const labelPx = await px(page, '.option-label', 'fontSize');
        expect(labelPx).toBeGreaterThanOrEqual(viewport.height >= 1000 ? 20 : 15);
        measured[size] = { question: await px(page, '.screen-question', 'fontSize'), label: labelPx };
        if (AXE_AT(n, viewport)) {
          await page.screenshot({ path: join(ARTIFACTS, `projector-voting-${size}.png`) });
          await expectAccessible(page, `${n} options voting ${size}`);
        }
        await page.context().close();
      }

      await transition(room.t, facilitator, dilemma.id, 'reveal');
      for (const viewport of VIEWPORTS) {
        const page = await openScreen(eveningId, viewport);
        const size = sizeOf(viewport);
        await page
          .locator('.bar-fill')
          .nth(n - 1)
          .waitFor();
        // Option 1: one phone (4 phones over n options, then hands: 3) of 7 people.
        const first = n === 2 ? '71% (5)' : '57% (4)';
        await page.locator('.option', { hasText: OPTIONS[0][0] }).getByText(first).waitFor();
        await page.getByText('7 stemmen: 4 via telefoon, 3 met de hand').waitFor();
        await expectFits(page, `${n} options revealed ${size}`);
        measured[size].bar = await px(page, '.bar-line', 'height');
        if (AXE_AT(n, viewport)) {
          await page.screenshot({ path: join(ARTIFACTS, `projector-revealed-${size}.png`) });
          await expectAccessible(page, `${n} options revealed ${size}`);
        }
        await page.context().close();
      }

      // At 3840×2160 the question, the labels and the bars are clearly larger than at 1920×1080, not the same
      // pixels lost in the middle of a 4K screen (the viewport doubles; allow for the fitting that shrinks type).
      const [hd, uhd] = [measured[sizeOf(HD)], measured[sizeOf(UHD)]];
      expect(uhd.question / hd.question).toBeGreaterThan(1.6);
      expect(uhd.label / hd.label).toBeGreaterThan(1.6);
      expect(uhd.bar! / hd.bar!).toBeGreaterThan(1.6);
    },
    SLOW,
  );

  it(
    'welcomes with the join panel, labels a revote and shows round 1 beside round 2 fitting 8 options, the join panel follows its button, and thanks at the end',
    async () => {
      const agenda = await anAgenda(8);
      const { eveningId, joinCode } = agenda;
      // Before the first question: the large join panel, at the smallest and the largest screen.
      const welcome = await openScreen(eveningId, UHD, '.welcome .join.large img.qr');
      await welcome.locator('.join-code', { hasText: joinCode }).waitFor();
      await expectFits(welcome, 'welcome 3840x2160');
      await welcome.screenshot({ path: join(ARTIFACTS, 'projector-welcome-3840x2160.png') });
      await welcome.context().close();
      const page = await openScreen(eveningId, { width: 1024, height: 768 }, '.welcome .join.large img.qr');
      await page.locator('.join-code', { hasText: joinCode }).waitFor();
      await expectFits(page, 'welcome 1024x768');
      await expectAccessible(page, 'welcome with the join panel 1024x768');

      const dilemma = await openWithVotes(agenda.dilemma.id, joinCode, 2);
      await page.locator('.option').nth(7).waitFor();
      // Beside the chart, the address phones can type stands whole on a line of its own, never broken inside a number.
      const site = await page.evaluate<{ text: string; lines: number }>(`(() => {
        const el = document.querySelector('aside.join .join-site');
        const style = getComputedStyle(el);
        const line = style.lineHeight === 'normal' ? 1.2 * parseFloat(style.fontSize) : parseFloat(style.lineHeight);
        return { text: el.textContent, lines: Math.round(el.getBoundingClientRect().height / line) };
      })()`);
      expect(site).toEqual({ text: new URL(room.t.config.publicUrl).host, lines: 1 });
      await transition(room.t, facilitator, dilemma.id, 'reveal');
      await page.locator('.bar-fill').nth(7).waitFor();
      await transition(room.t, facilitator, dilemma.id, 'close');
      await transition(room.t, facilitator, dilemma.id, 'revote');
      // Round 2 while voting: labelled, the options without bars.
      await page.locator('.round-label', { hasText: 'Ronde 2' }).waitFor();
      await page.getByText('Er wordt opnieuw gestemd (ronde 2).').waitFor();
      expect(await page.locator('.bar-fill').count()).toBe(0);
      await castPhones(joinCode, { ...dilemma, options: [dilemma.options[1]] }, 3);
      await transition(room.t, facilitator, dilemma.id, 'reveal');
      // Two bars per option: round 1 and round 2, each labelled.
      await page.locator('.bar-fill').nth(15).waitFor();
      const second = page.locator('.option', { hasText: OPTIONS[1][0] });
      await second.locator('.bar-line.older', { hasText: 'Ronde 1' }).getByText('20% (1)').waitFor();
      await second.locator('.bar-line:not(.older)', { hasText: 'Ronde 2' }).getByText('100% (3)').waitFor();
      await page.getByText('3 stemmen: 3 via telefoon, 0 met de hand').waitFor();
      await expectFits(page, '8 options compared 1024x768');
      // A reloaded screen gets round 1 from the live state again.
      await page.reload();
      await page.locator('.bar-line.older').nth(7).waitFor();
      await expectFits(page, '8 options compared after reload');
      await expectAccessible(page, 'round 2 beside round 1 1024x768');

      // The join panel hides and shows again, remembered across a reload.
      await page.locator('aside.join').waitFor();
      await page.getByRole('button', { name: 'QR-code verbergen' }).click();
      expect(await page.locator('aside.join').count()).toBe(0);
      await page.reload();
      await page.locator('.screen-question').waitFor();
      expect(await page.locator('aside.join').count()).toBe(0);
      await expectAccessible(page, 'join panel hidden 1024x768');
      await page.getByRole('button', { name: 'QR-code tonen' }).click();
      await page.locator('aside.join').waitFor();
      await page.getByRole('button', { name: 'Volledig scherm' }).waitFor();

      // The evening ends: the screen thanks the room.
      await room.t.http.post(`/api/evenings/${eveningId}/end`).set(facilitator.auth).expect(200);
      await page.getByRole('heading', { name: 'Bedankt voor uw deelname!' }).waitFor();
      await expectFits(page, 'thanks 1024x768');
      await expectAccessible(page, 'evening ended 1024x768');
      await page.context().close();

      // Opened without the console's token: it says so and links to the sign-in.
      const stranger = await room.browser.newContext({ viewport: { width: 1024, height: 768 } });
      const bare = await stranger.newPage();
      await bare.goto(`${room.url}/screen/${eveningId}`);
      await bare.locator('.message.error').waitFor();
      await expectAccessible(bare, 'no token 1024x768');
      await stranger.close();
    },
    SLOW,
  );
});
