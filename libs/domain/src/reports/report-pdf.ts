/**
 * The PDF report in Dutch, ready to hand to a municipality: a title page with the scope and the date,
 * per theme per dilemma a bar chart with 95% intervals (pdfkit vector graphics, no browser), the group
 * comparison, the shift after discussion, consensus and consequences, then the method notes.
 * Deterministic: the same input and date give the same bytes (the date is the report's creation time).
 */
import PDFDocument from 'pdfkit';
import type { PolicyDilemma, PolicyInput, PolicySegment, PublicFinding } from '@hs/contracts';
import { feedbackChapter } from './report-feedback-chapter';
import { METHOD_NOTES, dutchDateTime, groupLabel, kindLabel, pct, pp } from './report-text';

const MARGIN = 50;
const LABEL_W = 170;
const BAR_W = 220;
const ROW_H = 16;
const BLUE = '#2b6cb0';
const GREY = '#555555';

export interface PdfOptions {
  createdAt: Date;
  /** Uncompressed streams: only for debugging the output by eye. */
  compress?: boolean;
  /** Published findings of the report's municipalities: the chapter "Wat er met de inbreng gebeurde". */
  feedback?: readonly PublicFinding[];
}

export function renderPdf(input: PolicyInput, options: PdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: {
      Title: 'Huurdersstem – beleidsinput',
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
  titlePage(doc, input, options.createdAt);
  for (const theme of input.themes) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(18).fillColor('black').text(`Thema: ${theme.name}`);
    doc.moveDown(0.5);
    for (const dilemma of theme.dilemmas) dilemmaBlock(doc, dilemma, input.suppressBelow);
  }
  if (options.feedback) feedbackChapter(doc, options.feedback);
  methodNotes(doc, input.suppressBelow);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function titlePage(doc: Doc, input: PolicyInput, createdAt: Date): void {
  const dilemmas = input.themes.reduce((s, t) => s + t.dilemmas.length, 0);
  doc.font('Helvetica-Bold').fontSize(26).text('Huurdersstem', { align: 'left' });
  doc.font('Helvetica').fontSize(16).text('Beleidsinput uit de bewonersavonden');
  doc.moveDown(1.5);
  doc.fontSize(11);
  const line = (label: string, value: string) => {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  };
  line('Datum', dutchDateTime(createdAt));
  line('Avonden', input.evenings.length ? input.evenings.map((e) => `${e.title} (${e.municipality})`).join('; ') : 'geen');
  line("Thema's", input.scope.themes ? input.scope.themes.join(', ') || 'geen' : 'alle');
  line('Gemeenten', input.scope.municipalities ? input.scope.municipalities.join(', ') || 'geen' : 'alle');
  line('Selectie op avond', input.scope.eveningIds ? `${input.scope.eveningIds.length} avond(en) gekozen` : 'alle avonden');
  line("Dilemma's", String(dilemmas));
  doc.moveDown();
  doc
    .fillColor(GREY)
    .text(
      `Percentages zijn aandelen van de respondenten met een 95%-betrouwbaarheidsinterval. Groepen van minder dan ` +
        `${input.suppressBelow} personen worden niet getoond (en zo nodig een tweede groep, zodat ze niet terug te rekenen zijn).`,
    )
    .fillColor('black');
  if (dilemmas === 0) {
    doc.moveDown().font('Helvetica-Bold').text("Er zijn geen dilemma's binnen deze selectie.").font('Helvetica');
  }
}

function dilemmaBlock(doc: Doc, d: PolicyDilemma, suppressBelow: number): void {
  ensureSpace(doc, 90 + d.options.length * ROW_H);
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(13).fillColor('black').text(d.question);
  doc.font('Helvetica').fontSize(9).fillColor(GREY);
  if (d.description) doc.text(d.description);
  doc.text(
    `${kindLabel(d.kind)} · ${d.total} respondenten${d.manualTotal ? ` (waarvan ${d.manualTotal} handgeteld)` : ''} · ` +
      `${d.evenings.length} avond(en): ${d.evenings.map((e) => e.municipality).join(', ')}`,
  );
  doc.fillColor('black').moveDown(0.4);
  barChart(doc, d);
  doc.fontSize(9).font('Helvetica');
  if (d.kind === 'budget') {
    const points = (n: number) => n.toFixed(1).replace('.', ',');
    doc.text(
      `Balk: deel van alle punten. Per optie gemiddeld aantal punten per respondent en het deel dat er punten aan gaf: ` +
        d.options.map((o) => `${o.label} ${points(o.meanPoints ?? 0)} punten, ${pct(o.giversShare ?? 0)} gaf punten`).join(' · '),
    );
  }
  const consensus =
    d.consensus === null ? 'niet bepaald' : `${d.consensus.toFixed(2).replace('.', ',')} (0 = verdeeld, 1 = eensgezind)`;
  doc.text(`Consensus: ${consensus}${d.scale?.mean != null ? ` · gemiddelde ${d.scale.mean.toFixed(2).replace('.', ',')}` : ''}`);
  segmentsText(doc, 'Verschil tussen groepen', d.groups, suppressBelow, groupLabel);
  segmentsText(doc, 'Per gemeente', d.municipalities, suppressBelow, (k) => (k === 'unknown' ? 'Onbekend' : k));
  if (d.weighting) {
    doc.font('Helvetica-Bold').text('Gewogen naar huurhuishoudens per gemeente', { continued: false }).font('Helvetica');
    doc.text(
      d.weighting.options.map((o) => `${o.label}: ${pct(o.rawShare)} ongewogen, ${pct(o.weightedShare)} gewogen`).join(' · '),
    );
  }
  if (d.shift) {
    doc.font('Helvetica-Bold').text('Verschuiving na discussie (eerste naar laatste ronde)').font('Helvetica');
    doc.text(
      d.shift.options.map((o) => `${o.label}: van ${pct(o.firstShare)} naar ${pct(o.lastShare)} (${pp(o.shiftPp)})`).join(' · '),
    );
  }
  if (d.consequences.length) {
    doc.font('Helvetica-Bold').text('Gevolgen').font('Helvetica');
    const chose = d.kind === 'budget' ? 'gaf hier toch punten aan' : 'koos dit toch';
    for (const c of d.consequences) doc.text(`${c.label} (gevolg: ${c.consequence}): ${pct(c.share)} ${chose}.`);
  }
  if (d.comparison?.differs.length) {
    doc.font('Helvetica-Bold').text('Verschillen tussen avonden').font('Helvetica');
    const title = (id: string) => d.comparison!.evenings.find((e) => e.eveningId === id)?.title ?? id;
    for (const diff of d.comparison.differs)
      doc.text(`${diff.label}: ${title(diff.evenings[0])} en ${title(diff.evenings[1])} verschillen meer dan hun intervallen.`);
  }
  doc.moveDown(0.8);
}

function barChart(doc: Doc, d: PolicyDilemma): void {
  const x0 = MARGIN + LABEL_W + 8;
  const max = d.kind === 'multi' ? 1 : Math.max(0.0001, ...d.options.map((o) => Math.max(o.share, o.ci95[1])));
  const scale = BAR_W / Math.min(1, Math.max(max, 0.25));
  doc.fontSize(9).font('Helvetica');
  for (const o of d.options) {
    ensureSpace(doc, ROW_H);
    const y = doc.y;
    doc.fillColor('black').text(o.label, MARGIN, y + 3, { width: LABEL_W, height: ROW_H, ellipsis: true, lineBreak: false });
    doc.rect(x0, y + 2, Math.max(0.5, o.share * scale), ROW_H - 5).fill(BLUE);
    const [lo, hi] = [x0 + o.ci95[0] * scale, x0 + Math.min(o.ci95[1] * scale, BAR_W + 20)];
    const mid = y + ROW_H / 2;
    doc.lineWidth(0.8).strokeColor('black').moveTo(lo, mid).lineTo(hi, mid).stroke();
    doc
      .moveTo(lo, mid - 3)
      .lineTo(lo, mid + 3)
      .stroke();
    doc
      .moveTo(hi, mid - 3)
      .lineTo(hi, mid + 3)
      .stroke();
    doc
      .fillColor('black')
      .text(`${pct(o.share)}  (${pct(o.ci95[0])}–${pct(o.ci95[1])})`, x0 + BAR_W + 26, y + 3, { lineBreak: false });
    doc.x = MARGIN;
    doc.y = y + ROW_H;
  }
  doc.x = MARGIN;
  doc.moveDown(0.3);
}

function segmentsText(
  doc: Doc,
  title: string,
  segments: PolicySegment[],
  suppressBelow: number,
  label: (key: string) => string,
): void {
  if (segments.length === 0) return;
  doc.x = MARGIN;
  doc.font('Helvetica-Bold').text(title).font('Helvetica');
  for (const s of segments) {
    if (s.suppressed || !s.options) {
      doc.text(`${label(s.key)}: niet getoond (kleine groep, minder dan ${suppressBelow} of terug te rekenen)`);
      continue;
    }
    doc.text(`${label(s.key)} (n=${s.n}): ${s.options.map((o) => `${o.label} ${pct(o.share)}`).join(' · ')}`);
  }
}

function methodNotes(doc: Doc, suppressBelow: number): void {
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(16).fillColor('black').text('Verantwoording');
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  for (const [heading, text] of METHOD_NOTES(suppressBelow)) {
    ensureSpace(doc, 50);
    doc.font('Helvetica-Bold').text(heading).font('Helvetica').text(text).moveDown(0.5);
  }
}
