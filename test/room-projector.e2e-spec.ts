import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DilemmaView } from '@hs/contracts';
import { staffSession, type StaffSession } from './support/test-app';
import { aLiveEvening, transition } from './support/live-builders';
import { aVotePayload, connectTenant, joinEvening, vote, type LiveClient } from './support/live-client';
import { describeWithChromium, seriousViolations } from './support/browser';
import { ARTIFACTS, openRoom, type Room, staffContext } from './support/room-browser';

/**
 * The projector screen in a real browser: whatever the screen (1024×768 up to 1920×1080 here) and however many
 * options (2, 5, 8), every element lies inside the viewport and nothing scrolls or overflows its row; while
 * voting the options and their consequences show with the count; revealed, the bars with "x via telefoon,
 * y met de hand"; after a revote round 1 beside round 2.
 */
const SLOW = 120_000;
const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
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

  /** A live evening whose one choice dilemma has `n` options, open, with `phones` phone votes and 3 hands. */
  async function anOpenDilemma(
    n: number,
    phones: number,
  ): Promise<{ eveningId: string; dilemma: DilemmaView; joinCode: string }> {
    const { evening, dilemmas } = await aLiveEvening(room.t, facilitator, { title: `Bewonersavond Heerenveen (${n})` })
      .withDilemma('choice', n, {
        theme: 'leefbaarheid',
        question: 'Waar moet het geld voor de buurt de komende twee jaar vooral naartoe?',
        options: OPTIONS.slice(0, n).map(([label, consequence]) => ({ label, consequence })),
      })
      .build();
    const dilemma = await transition(room.t, facilitator, dilemmas[0].id, 'open');
    await castPhones(evening.joinCode, dilemma, phones);
    await room.t.http
      .post(`/api/dilemmas/${dilemma.id}/manual-counts`)
      .set(facilitator.auth)
      .send({ round: 1, counts: { [dilemma.options[0].id]: 3 } })
      .expect(201);
    return { eveningId: evening.id, dilemma, joinCode: evening.joinCode };
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

  async function openScreen(eveningId: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await staffContext(room, facilitator, viewport);
    const page = await context.newPage();
    await page.goto(`${room.url}/screen/${eveningId}#token=${encodeURIComponent(facilitator.token)}`);
    await page.locator('.screen-question').waitFor();
    return page;
  }

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
      for (const viewport of VIEWPORTS) {
        const page = await openScreen(eveningId, viewport);
        const size = `${viewport.width}x${viewport.height}`;
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
        const labelPx = (await page.evaluate(
          "parseFloat(getComputedStyle(document.querySelector('.option-label')).fontSize)",
        )) as number;
        expect(labelPx).toBeGreaterThanOrEqual(viewport.height >= 1000 ? 20 : 15);
        if (n === 5 && viewport.width === 1280) {
          await page.screenshot({ path: join(ARTIFACTS, 'projector-voting-1280x720.png') });
          expect(await seriousViolations(page)).toEqual([]);
        }
        await page.context().close();
      }

      await transition(room.t, facilitator, dilemma.id, 'reveal');
      for (const viewport of VIEWPORTS) {
        const page = await openScreen(eveningId, viewport);
        const size = `${viewport.width}x${viewport.height}`;
        await page
          .locator('.bar-fill')
          .nth(n - 1)
          .waitFor();
        // Option 1: one phone (4 phones over n options, then hands: 3) of 7 people.
        const first = n === 2 ? '71% (5)' : '57% (4)';
        await page.locator('.option', { hasText: OPTIONS[0][0] }).getByText(first).waitFor();
        await page.getByText('7 stemmen: 4 via telefoon, 3 met de hand').waitFor();
        await expectFits(page, `${n} options revealed ${size}`);
        if (n === 5 && viewport.width === 1280) {
          await page.screenshot({ path: join(ARTIFACTS, 'projector-revealed-1280x720.png') });
          expect(await seriousViolations(page)).toEqual([]);
        }
        await page.context().close();
      }
    },
    SLOW,
  );

  it(
    'labels a revote and shows round 1 beside round 2, fitting 8 options; the countdown and join panel follow the buttons',
    async () => {
      const { eveningId, dilemma, joinCode } = await anOpenDilemma(8, 2);
      const page = await openScreen(eveningId, { width: 1024, height: 768 });
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
      expect(await seriousViolations(page)).toEqual([]);

      // The join panel hides and shows again, remembered across a reload.
      await page.locator('aside.join').waitFor();
      await page.getByRole('button', { name: 'QR-code verbergen' }).click();
      expect(await page.locator('aside.join').count()).toBe(0);
      await page.reload();
      await page.locator('.screen-question').waitFor();
      expect(await page.locator('aside.join').count()).toBe(0);
      await page.getByRole('button', { name: 'QR-code tonen' }).click();
      await page.locator('aside.join').waitFor();
      await page.getByRole('button', { name: 'Volledig scherm' }).waitFor();
      await page.context().close();
    },
    SLOW,
  );
});
