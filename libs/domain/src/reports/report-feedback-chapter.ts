/**
 * The policy report's chapter "Wat er met de inbreng gebeurde": the published findings of the report's
 * municipalities (u zei, wij deden), with the figures as published, the outcome and the agreements that answer them,
 * so the negotiators see beside the new results what was promised on the old ones.
 */
import type { PublicFinding } from '@hs/contracts';
import { dutchDay, outcomeWord, partyWord, quoteSentence, statusWord } from '../accountability/feedback-text';

export const FEEDBACK_CHAPTER_TITLE = 'Wat er met de inbreng gebeurde';

export function feedbackChapter(doc: PDFKit.PDFDocument, findings: readonly PublicFinding[]): void {
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(18).fillColor('black').text(FEEDBACK_CHAPTER_TITLE);
  doc.font('Helvetica').fontSize(10).fillColor('#555555');
  doc.text('Gepubliceerde terugkoppeling aan huurders ("u zei, wij deden"), met de cijfers zoals ze toen zijn gepubliceerd.');
  doc.fillColor('black').moveDown(0.5);
  if (findings.length === 0) {
    doc.fontSize(11).text('Er is nog geen terugkoppeling gepubliceerd voor de gemeenten in dit rapport.');
    return;
  }
  for (const f of findings) {
    if (doc.y > doc.page.height - 180) doc.addPage();
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(12).text(`${f.municipality}: ${f.text}`);
    doc.font('Helvetica').fontSize(9).fillColor('#555555');
    for (const q of f.quotes) doc.text(quoteSentence(q), { indent: 10 });
    doc.fillColor('black').fontSize(10);
    doc.text(`Wij deden: ${f.response || '(nog geen antwoord)'}`);
    doc.text(`Wat ermee gebeurde: ${outcomeWord(f.outcome)} · gepubliceerd op ${dutchDay(f.publishedAt)}`);
    for (const a of f.agreements)
      doc.text(`Afspraak ${a.year}: ${a.text} – ${statusWord(a.status)} (${partyWord(a.party)})`, { indent: 10 });
  }
}
