import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DilemmaView } from '@hs/contracts';
import { createEvening } from './support/evening-builders';
import { transition } from './support/live-builders';
import { phonePage } from './support/phone-browser';
import { staffSession, type StaffSession } from './support/test-app';
import { describeWithChromium, seriousViolations } from './support/browser';
import { ARTIFACTS, openRoom, type Room, staffContext } from './support/room-browser';

/**
 * The console's dilemma form in three languages, in a real browser: the facilitator types the Frisian and English
 * texts in their folded sections, the phone preview shows each language with the Dutch where a text is missing,
 * saving stores them (read back over HTTP), editing the draft shows them again and an emptied field removes that
 * translation, and a phone in Frisian shows the Frisian. axe-core on the form with the preview open.
 */
const SLOW = 120_000;

describeWithChromium('dilemma translations in the console (e2e, browser)', () => {
  let room: Room;
  let facilitator: StaffSession;

  beforeAll(async () => {
    room = await openRoom();
    facilitator = await staffSession(room.t, 'facilitator');
  }, SLOW);
  afterAll(() => room?.close());

  const previewText = async (page: Page, lang: 'NL' | 'FY' | 'EN') => {
    const preview = page.locator('.dilemma-form .preview');
    await preview.getByRole('button', { name: new RegExp(`^${lang} – `) }).click();
    await preview.locator(`.phone-preview[lang="${lang.toLowerCase()}"]`).waitFor();
    return preview.locator('.phone-preview').evaluate((screen) => ({
      question: screen.querySelector('.question')?.textContent,
      description: screen.querySelector('.description')?.textContent,
      instruction: screen.querySelector('.instruction')?.textContent,
      options: [...screen.querySelectorAll('.option')].map((o) => [...o.children].map((c) => c.textContent)),
      fallbacks: [...screen.querySelectorAll('.fallback')].map((el) => el.textContent),
    }));
  };

  it(
    'takes Frisian and English texts, previews each language with the Dutch fallback, saves and edits them',
    async () => {
      const evening = await createEvening(room.t, facilitator, { title: 'Hierdersjûn Ljouwert' }, 'live');
      const context = await staffContext(room, facilitator, { width: 1366, height: 900 });
      const page = await context.newPage();
      await page.goto(`${room.url}/facilitate/${evening.id}`);
      const form = page.locator('form.dilemma-form');
      await form.getByRole('heading', { name: 'Nieuw dilemma' }).waitFor();

      // Dutch first, as before.
      await form.getByLabel('Vraag', { exact: true }).fill('Eerst isoleren, of de huur gelijk houden?');
      await form.getByLabel('Toelichting', { exact: true }).fill('Isoleren maakt de woning warmer, maar kost geld.');
      const rows = form.locator('.option-row');
      await rows.nth(0).getByLabel('Keuze', { exact: true }).fill('Nu isoleren');
      await rows
        .nth(0)
        .getByLabel(/^Gevolg/)
        .fill('De huur gaat elk jaar 1,5% omhoog.');
      await rows.nth(1).getByLabel('Keuze', { exact: true }).fill('Huur gelijk houden');
      await rows
        .nth(1)
        .getByLabel(/^Gevolg/)
        .fill('Isoleren gebeurt 5 jaar later.');

      // Frisian: everything but the description and the second consequence.
      await form.getByText('Fries (Frysk)').click();
      const fy = form.locator('.lang-texts[data-lang="fy"]');
      await fy.getByText('0 van 6 ingevuld').waitFor();
      await fy.getByLabel('Vraag in het Fries', { exact: true }).fill('Earst isolearje, of de hier gelyk hâlde?');
      await fy.getByLabel('Keuze 1 in het Fries', { exact: true }).fill('No isolearje');
      await fy.getByLabel('Gevolg van keuze 1 in het Fries', { exact: true }).fill('De hier giet elk jier 1,5% omheech.');
      // Typed key by key: the field keeps the cursor while the preview and the counts follow.
      await fy.getByLabel('Keuze 2 in het Fries', { exact: true }).pressSequentially('Hier gelyk hâlde');
      await fy.getByText('4 van 6 ingevuld').waitFor();
      // The legend names the Dutch option it translates.
      await fy.getByText('Keuze 2: Huur gelijk houden').waitFor();

      // English: the question and the first label only.
      await form.getByText('Engels (English)').click();
      const en = form.locator('.lang-texts[data-lang="en"]');
      await en.getByLabel('Vraag in het Engels', { exact: true }).fill('Insulate first, or keep the rent the same?');
      await en.getByLabel('Keuze 1 in het Engels', { exact: true }).fill('Insulate now');

      await form.getByText('Voorbeeld op de telefoon').click();
      expect(await previewText(page, 'NL')).toEqual({
        question: 'Eerst isoleren, of de huur gelijk houden?',
        description: 'Isoleren maakt de woning warmer, maar kost geld.',
        instruction: 'Tik op uw keuze.',
        options: [
          ['Nu isoleren', 'Gevolg: De huur gaat elk jaar 1,5% omhoog.'],
          ['Huur gelijk houden', 'Gevolg: Isoleren gebeurt 5 jaar later.'],
        ],
        fallbacks: [],
      });
      expect(await previewText(page, 'FY')).toEqual({
        question: 'Earst isolearje, of de hier gelyk hâlde?',
        description: 'Isoleren maakt de woning warmer, maar kost geld.',
        instruction: 'Tik op jo kar.',
        options: [
          ['No isolearje', 'Gefolch: De hier giet elk jier 1,5% omheech.'],
          ['Hier gelyk hâlde', 'Gefolch: Isoleren gebeurt 5 jaar later.'],
        ],
        fallbacks: ['Isoleren maakt de woning warmer, maar kost geld.', 'Gefolch: Isoleren gebeurt 5 jaar later.'],
      });
      expect(await previewText(page, 'EN')).toEqual({
        question: 'Insulate first, or keep the rent the same?',
        description: 'Isoleren maakt de woning warmer, maar kost geld.',
        instruction: 'Tap your choice.',
        options: [
          ['Insulate now', 'Consequence: De huur gaat elk jaar 1,5% omhoog.'],
          ['Huur gelijk houden', 'Consequence: Isoleren gebeurt 5 jaar later.'],
        ],
        fallbacks: [
          'Isoleren maakt de woning warmer, maar kost geld.',
          'Consequence: De huur gaat elk jaar 1,5% omhoog.',
          'Huur gelijk houden',
          'Consequence: Isoleren gebeurt 5 jaar later.',
        ],
      });
      // The preview follows typing.
      await en
        .getByLabel('Toelichting in het Engels', { exact: true })
        .fill('Insulating makes the home warmer, but costs money.');
      await page.locator('.phone-preview .description', { hasText: 'Insulating makes the home warmer' }).waitFor();
      await en.getByLabel('Toelichting in het Engels', { exact: true }).fill('');

      expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
      await previewText(page, 'FY');
      await form.getByText('Engels (English)').click();
      await form.screenshot({ path: join(ARTIFACTS, 'console-translations.png') });

      await form.getByRole('button', { name: 'Dilemma toevoegen' }).click();
      await page.getByText('Het dilemma staat op de agenda.').waitFor();
      const [stored] = (await room.t.http.get(`/api/evenings/${evening.id}/dilemmas`).set(facilitator.auth).expect(200))
        .body as DilemmaView[];
      expect(stored.translations).toEqual({
        fy: { question: 'Earst isolearje, of de hier gelyk hâlde?' },
        en: { question: 'Insulate first, or keep the rent the same?' },
      });
      expect(stored.options.map((o) => o.translations)).toEqual([
        { fy: { label: 'No isolearje', consequence: 'De hier giet elk jier 1,5% omheech.' }, en: { label: 'Insulate now' } },
        { fy: { label: 'Hier gelyk hâlde' } },
      ]);
      // The form is empty again for the next dilemma.
      expect(await fy.getByLabel('Vraag in het Fries', { exact: true }).inputValue()).toBe('');

      // Editing the draft shows its translations; an emptied field removes that translation.
      await page.locator('.agenda-item').getByRole('button', { name: 'Bewerken' }).click();
      await form.getByRole('heading', { name: 'Dilemma 1 bewerken' }).waitFor();
      await expect(form.locator('textarea').first().inputValue()).resolves.toBe('Eerst isoleren, of de huur gelijk houden?');
      await expect(fy.getByLabel('Vraag in het Fries', { exact: true }).inputValue()).resolves.toBe(
        'Earst isolearje, of de hier gelyk hâlde?',
      );
      await expect(fy.getByLabel('Gevolg van keuze 1 in het Fries', { exact: true }).inputValue()).resolves.toBe(
        'De hier giet elk jier 1,5% omheech.',
      );
      await expect(en.getByLabel('Keuze 1 in het Engels', { exact: true }).inputValue()).resolves.toBe('Insulate now');
      await fy.getByLabel('Gevolg van keuze 1 in het Fries', { exact: true }).fill('');
      await fy
        .getByLabel('Toelichting in het Fries', { exact: true })
        .fill('Isolearje makket de wenning waarmer, mar kostet jild.');
      await en.getByLabel('Vraag in het Engels', { exact: true }).fill('');
      await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByText('Het dilemma is opgeslagen.').waitFor();
      const edited = (await room.t.http.get(`/api/dilemmas/${stored.id}`).set(facilitator.auth).expect(200)).body as DilemmaView;
      expect(edited.translations).toEqual({
        fy: {
          question: 'Earst isolearje, of de hier gelyk hâlde?',
          description: 'Isolearje makket de wenning waarmer, mar kostet jild.',
        },
      });
      expect(edited.options.map((o) => o.translations)).toEqual([
        { fy: { label: 'No isolearje' }, en: { label: 'Insulate now' } },
        { fy: { label: 'Hier gelyk hâlde' } },
      ]);
      await form.getByRole('heading', { name: 'Nieuw dilemma' }).waitFor();
      await context.close();

      // A phone in Frisian shows the Frisian texts, and the Dutch where the Frisian is missing.
      await transition(room.t, facilitator, stored.id, 'open');
      const phone = await phonePage(room.browser, 'fy-NL');
      await phone.goto(`${room.url}/join/${evening.joinCode}`);
      await phone.getByRole('button', { name: 'Hierder', exact: true }).click();
      await phone.getByRole('button', { name: 'Oerslaan' }).click();
      await phone.getByRole('heading', { name: 'Earst isolearje, of de hier gelyk hâlde?' }).waitFor();
      await phone.getByText('Isolearje makket de wenning waarmer, mar kostet jild.').waitFor();
      await phone.getByRole('button', { name: /No isolearje/ }).waitFor();
      await phone.getByText('Gefolch: De huur gaat elk jaar 1,5% omhoog.').waitFor();
      await phone.context().close();
    },
    SLOW,
  );
});
