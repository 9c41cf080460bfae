import { join } from 'node:path';
import type { DilemmaView } from '@hs/contracts';
import { staffSession, type StaffSession } from './support/test-app';
import { aLiveEvening } from './support/live-builders';
import { aVotePayload, connectTenant, joinEvening, type LiveClient, vote } from './support/live-client';
import { describeWithChromium, expectAccessible } from './support/browser';
import { ARTIFACTS, openRoom, type Room, staffContext } from './support/room-browser';

/**
 * The facilitator's console in a real browser at 1366×768: the live panel stays in view with the agenda
 * scrolled to its end; "Volgende vraag" and the other keys; the help overlay; hand counts corrected (replaced,
 * not added); a countdown the server closes; presence falling when phones leave and at the end; analysts sent
 * away. axe-core on every state: 0 serious or critical.
 */
const SLOW = 120_000;
const CONSOLE = { width: 1366, height: 768 };

/** The elements named by the selectors, each inside the viewport (and visible). */
const IN_VIEW = (selectors: string[]) => `(() => {
  const out = {};
  for (const selector of ${JSON.stringify(selectors)}) {
    const el = document.querySelector(selector);
    if (!el) { out[selector] = 'missing'; continue; }
    const r = el.getBoundingClientRect();
    out[selector] = r.height > 0 && r.top >= -1 && r.bottom <= window.innerHeight + 1 && r.left >= -1 && r.right <= window.innerWidth + 1
      ? 'in view' : 'outside: ' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(',');
  }
  return out;
})()`;

describeWithChromium('the console (e2e, browser)', () => {
  let room: Room;
  let facilitator: StaffSession;
  const phones: LiveClient[] = [];

  beforeAll(async () => {
    room = await openRoom();
    facilitator = await staffSession(room.t, 'facilitator');
  }, SLOW);
  afterAll(async () => {
    for (const socket of phones) socket.close();
    await room?.close();
  });

  const status = async (id: string) =>
    ((await room.t.http.get(`/api/dilemmas/${id}`).set(facilitator.auth).expect(200)).body as DilemmaView).status;

  async function phone(joinCode: string): Promise<LiveClient> {
    const socket = await connectTenant(room.t.url, (await joinEvening(room.t, joinCode)).participantToken);
    phones.push(socket);
    return socket;
  }

  it(
    'runs the evening from the keyboard with the live panel in view, corrects a hand count and lets a countdown close',
    async () => {
      let builder = aLiveEvening(room.t, facilitator, { title: 'Bewonersavond Sneek', municipality: 'Súdwest-Fryslân' });
      for (let i = 1; i <= 8; i++) {
        builder = builder.withDilemma('choice', 3, {
          theme: 'leefbaarheid',
          question: `Vraag ${i}: waar gaat het geld voor de buurt naartoe?`,
          options: [
            { label: 'Meer groen', consequence: 'Servicekosten € 3 per maand hoger' },
            { label: 'Onderhoud', consequence: 'Tuinen blijven zoals ze zijn' },
            { label: 'Buurtkamer', consequence: 'Minder geld voor speelplekken' },
          ],
        });
      }
      const { evening, dilemmas } = await builder.build();
      const context = await staffContext(room, facilitator, CONSOLE);
      const page = await context.newPage();
      await page.goto(`${room.url}/facilitate/${evening.id}`);
      await page.getByText('Live verbonden').waitFor();
      await page.locator('.agenda-item').nth(7).waitFor();

      // N: the first question opens.
      await page.keyboard.press('n');
      await page.locator('.live-question', { hasText: 'Vraag 1:' }).waitFor();
      expect(await status(dilemmas[0].id)).toBe('open');
      const [a, b] = await Promise.all([phone(evening.joinCode), phone(evening.joinCode)]);
      for (const p of [a, b])
        expect(await vote(p, aVotePayload(dilemmas[0].id, { optionIds: [dilemmas[0].options[0].id] }))).toMatchObject({
          ok: true,
        });
      await page.locator('.live-panel .total', { hasText: '2 stemmen: 2 via telefoon, 0 met de hand' }).waitFor();
      await page.getByText('2 verbonden, 2 gestemd').waitFor();

      // N again: the first closes, the second opens.
      await page.keyboard.press('n');
      await page.locator('.live-question', { hasText: 'Vraag 2:' }).waitFor();
      expect([await status(dilemmas[0].id), await status(dilemmas[1].id)]).toEqual(['closed', 'open']);

      // The agenda scrolled to its end: the panel's presence, controls and tally are still in view.
      expect(await page.evaluate('document.documentElement.scrollHeight > window.innerHeight + 200')).toBe(true);
      await page.evaluate("document.querySelector('.agenda-item:last-child').scrollIntoView({ block: 'end' })");
      await page.waitForTimeout(200);
      expect(await page.evaluate('window.scrollY')).toBeGreaterThan(400);
      expect(
        await page.evaluate(
          IN_VIEW([
            '.live-panel .presence',
            '.live-controls button',
            '.live-panel .chart',
            '.live-panel .total',
            '.agenda-item:last-child',
          ]),
        ),
      ).toEqual({
        '.live-panel .presence': 'in view',
        '.live-controls button': 'in view',
        '.live-panel .chart': 'in view',
        '.live-panel .total': 'in view',
        '.agenda-item:last-child': 'in view',
      });
      await page.screenshot({ path: join(ARTIFACTS, 'console-1366x768.png') });
      // And at the very end of the page (the forms under the agenda).
      await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
      await page.waitForTimeout(200);
      expect(await page.evaluate(IN_VIEW(['.live-panel .presence', '.live-controls button', '.live-panel .total']))).toEqual({
        '.live-panel .presence': 'in view',
        '.live-controls button': 'in view',
        '.live-panel .total': 'in view',
      });
      await expectAccessible(page, 'console with a question open');

      // ?: the help overlay lists the keys; Esc closes it.
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Sneltoetsen' });
      await help.waitFor();
      await help.getByText('Volgende vraag: sluit de open vraag en opent de volgende').waitFor();
      await expectAccessible(page, 'help overlay');
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });

      // C, R, V: close, show the result, vote again.
      await page.keyboard.press('c');
      await page.locator('.live-current', { hasText: 'Gesloten' }).waitFor();
      await page.keyboard.press('r');
      await page.locator('.live-current', { hasText: 'Uitslag zichtbaar' }).waitFor();
      await page.keyboard.press('v');
      await page.locator('.live-current', { hasText: 'Ronde 2' }).waitFor();
      expect(await status(dilemmas[1].id)).toBe('open');

      // H: the hand counts of round 2; 3, then corrected to 2, stores 2 (not 5), with who entered it.
      await page.keyboard.press('h');
      const count = page.getByLabel('Meer groen', { exact: true });
      // Polled with evaluate (which the page's CSP does not govern; waitForFunction's string would be an eval).
      for (let i = 0; i < 40 && (await page.evaluate("document.activeElement?.getAttribute('aria-label')")) !== 'Meer groen'; i++)
        await page.waitForTimeout(100);
      expect(await page.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe('Meer groen');
      await count.fill('3');
      await page.getByRole('button', { name: 'Handtelling opslaan' }).click();
      await page.locator('.live-panel .total', { hasText: '3 stemmen: 0 via telefoon, 3 met de hand' }).waitFor();
      await page.locator('.hands-table tr', { hasText: 'Meer groen' }).getByText('Test facilitator').waitFor();
      await expectAccessible(page, 'hand counts open');
      await count.fill('2');
      await page.getByRole('button', { name: 'Handtelling opslaan' }).click();
      await page.locator('.live-panel .total', { hasText: '2 stemmen: 0 via telefoon, 2 met de hand' }).waitFor();
      const stored = await room.t.http.get(`/api/dilemmas/${dilemmas[1].id}/manual-counts`).set(facilitator.auth).expect(200);
      expect(stored.body.rounds.find((r: { round: number }) => r.round === 2).entries).toEqual([
        expect.objectContaining({ key: dilemmas[1].options[0].id, count: 2 }),
      ]);

      // T: a 5-second countdown that closes at zero, closed by the server.
      await page.getByLabel('Seconden').fill('5');
      await page.evaluate('document.activeElement.blur()');
      await page.keyboard.press('t');
      await page.locator('.countdown-value').waitFor();
      await expectAccessible(page, 'countdown running');
      await page.locator('.live-current', { hasText: 'Gesloten' }).waitFor({ timeout: 12_000 });
      expect(await status(dilemmas[1].id)).toBe('closed');
      await context.close();
    },
    SLOW,
  );

  it('lets presence fall when phones leave and when the evening ends', async () => {
    const { evening, dilemmas } = await aLiveEvening(room.t, facilitator).withDilemma('choice', 2).build();
    const context = await staffContext(room, facilitator, CONSOLE);
    const page = await context.newPage();
    await page.goto(`${room.url}/facilitate/${evening.id}`);
    await page.getByText('Live verbonden').waitFor();
    await page.keyboard.press('n');
    await page.locator('.live-question', { hasText: dilemmas[0].question }).waitFor();
    const three = await Promise.all([phone(evening.joinCode), phone(evening.joinCode), phone(evening.joinCode)]);
    await page.getByText('3 verbonden, 0 gestemd').waitFor();
    for (const socket of three) socket.close();
    await page.getByText('0 verbonden, 0 gestemd').waitFor({ timeout: 15_000 });

    const staying = await phone(evening.joinCode);
    await page.getByText('1 verbonden, 0 gestemd').waitFor();
    await room.t.http.post(`/api/evenings/${evening.id}/end`).set(facilitator.auth).expect(200);
    await page.getByText('0 verbonden, 0 gestemd').waitFor({ timeout: 15_000 });
    expect(staying.connected).toBe(true);
    await context.close();
  });

  it('sends an analyst away from the console and the evenings list; the list says "Avond begeleiden"', async () => {
    const evening = (await aLiveEvening(room.t, facilitator, { title: 'Bewonersavond Dokkum' }).build()).evening;
    const analyst = await staffSession(room.t, 'analyst');
    const desk = await staffContext(room, analyst, CONSOLE);
    const page = await desk.newPage();
    await page.goto(`${room.url}/facilitate/${evening.id}`);
    await page.waitForURL(`${room.url}/policy`);
    await page.goto(`${room.url}/facilitate`);
    await page.waitForURL(`${room.url}/policy`);
    expect(await page.content()).not.toContain(evening.joinCode);
    await desk.close();

    const context = await staffContext(room, facilitator, CONSOLE);
    const list = await context.newPage();
    await list.goto(`${room.url}/facilitate`);
    const row = list.locator('tr', { hasText: 'Bewonersavond Dokkum' });
    await row.getByRole('link', { name: 'Avond begeleiden' }).waitFor();
    await expectAccessible(list, 'evenings list');
    await context.close();
  });
});
