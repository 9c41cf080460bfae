/**
 * The printable letter of "u zei, wij deden" for one municipality: for tenants without internet, handed out at the
 * next evening or sent by post. A4, plain Dutch, one finding after another: what you said (with the figures as
 * they were published), what we did, where it stands and which agreements belong to it.
 */
import PDFDocument from 'pdfkit';
import type { PublicFinding } from '@hs/contracts';
import { dutchDay, outcomeWord, partyWord, quoteSentence, statusWord } from './feedback-text';

const MARGIN = 60;
const GREY = '#444444';

export interface LetterOptions {
  municipality: string;
  createdAt: Date;
  /** Where the same feedback is online, printed at the end. */
  pageUrl: string;
}

export function renderLetterPdf(findings: PublicFinding[], options: LetterOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Wat er met uw inbreng gebeurde – ${options.municipality}`,
      Author: 'Huurdersstem',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(20).text('Wat er met uw inbreng gebeurde');
  doc
    .font('Helvetica')
    .fontSize(12)
    .fillColor(GREY)
    .text(`Gemeente ${options.municipality} · ${dutchDay(options.createdAt)}`);
  doc.fillColor('black').moveDown(1.2).fontSize(12);
  doc.text('Beste huurder,');
  doc.moveDown(0.5);
  doc.text(
    'Op de bewonersavonden heeft u gekozen en met ons gepraat. Dank u wel daarvoor. ' +
      'In deze brief leest u wat u zei en wat wij daarmee deden. De cijfers zijn de uitkomsten zoals wij ze toen hebben gepubliceerd.',
  );
  if (findings.length === 0) {
    doc.moveDown().text('Er is nog geen terugkoppeling voor uw gemeente. U hoort van ons zodra die er is.');
  }
  findings.forEach((finding, index) => findingBlock(doc, finding, index + 1));

  doc.moveDown(1.5);
  doc.font('Helvetica').fontSize(11);
  doc.text('U kunt dit ook lezen op internet:');
  doc.text(options.pageUrl);
  doc.text('Vragen? Stel ze aan uw huurdersorganisatie of op de volgende bewonersavond.');
  doc.moveDown(0.8).text('Met vriendelijke groet,').text('De corporatie en uw huurdersorganisatie');
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

function findingBlock(doc: Doc, f: PublicFinding, n: number): void {
  if (doc.y > doc.page.height - MARGIN - 160) doc.addPage();
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(14).text(`${n}. U zei`);
  doc.font('Helvetica').fontSize(12).text(f.text);
  for (const q of f.quotes) doc.fillColor(GREY).fontSize(11).text(quoteSentence(q), { indent: 12 }).fillColor('black');
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(12).text('Wij deden');
  doc.font('Helvetica').text(f.response || 'We hebben hier nog geen antwoord op. Dat komt zo snel mogelijk.');
  doc
    .moveDown(0.3)
    .font('Helvetica-Bold')
    .text('Wat ermee gebeurde: ', { continued: true })
    .font('Helvetica')
    .text(outcomeWord(f.outcome));
  if (f.agreements.length) {
    doc.moveDown(0.3).font('Helvetica-Bold').text('Afspraken die hierbij horen');
    doc.font('Helvetica');
    for (const a of f.agreements) {
      doc.text(`• ${a.text} – ${statusWord(a.status)} (${partyWord(a.party)})`, { indent: 12 });
    }
  }
  const history = f.history.map((e) => `${dutchDay(e.on)}: ${historyWords(e)}`);
  if (history.length) {
    doc.moveDown(0.3).font('Helvetica-Bold').text('Zo ging het');
    doc.font('Helvetica').fontSize(11);
    for (const line of history) doc.text(line, { indent: 12 });
  }
}

function historyWords(e: PublicFinding['history'][number]): string {
  switch (e.kind) {
    case 'published':
      return 'deze terugkoppeling verscheen';
    case 'outcome':
      return `nieuwe stand: ${e.outcome ? outcomeWord(e.outcome) : ''}`;
    case 'response':
      return 'ons antwoord is aangepast';
    case 'agreement':
      return `afspraak "${e.agreementText ?? ''}": ${e.agreementStatus ? statusWord(e.agreementStatus) : ''}`;
  }
}
