/**
 * The policy report's chapter "Wat er met de inbreng gebeurde": the published findings of the report's
 * municipalities (u zei, wij deden), with the figures as published, the outcome and the agreements that answer them,
 * so the negotiators see beside the new results what was promised on the old ones.
 * A section of the PDF report (report-pdf.ts), drawn with the report's own writer and font.
 */
import type { PublicFinding } from '@hs/contracts';
import { dutchDay, outcomeWord, partyWord, quoteSentence, statusWord } from '../accountability/feedback-text';
import type { PdfWriter } from './pdf/pdf-writer';

export const FEEDBACK_CHAPTER_TITLE = 'Wat er met de inbreng gebeurde';

export function feedbackChapter(w: PdfWriter, findings: readonly PublicFinding[]): void {
  w.muted('Gepubliceerde terugkoppeling aan huurders ("u zei, wij deden"), met de cijfers zoals ze toen zijn gepubliceerd.');
  if (findings.length === 0) {
    w.text('Er is nog geen terugkoppeling gepubliceerd voor de gemeenten in dit rapport.');
    return;
  }
  for (const f of findings) {
    w.heading(`${f.municipality}: ${f.text}`, 11.5);
    for (const q of f.quotes) w.text(quoteSentence(q), { size: 9, indent: 10 });
    w.text(`Wij deden: ${f.response || '(nog geen antwoord)'}`);
    w.text(`Wat ermee gebeurde: ${outcomeWord(f.outcome)} · gepubliceerd op ${dutchDay(f.publishedAt)}`);
    for (const a of f.agreements)
      w.text(`Afspraak ${a.year}: ${a.text} – ${statusWord(a.status)} (${partyWord(a.party)})`, { indent: 10 });
  }
}
