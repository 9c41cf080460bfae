/**
 * The PDF report in Dutch, worth forwarding to a municipality: a cover with the scope and the contents, the key
 * findings written from the numbers, a chapter per theme (charts with intervals, tables with full labels), the
 * municipalities compared, and the method appendix; page numbers on every page. The report is a list of
 * sections, each one chapter: another part of the product adds its chapter by passing it in `extraSections`
 * (placed before the method appendix), without touching the others.
 * Deterministic: the same input and creation time give the same bytes.
 */
import type { PublicFinding } from '@hs/contracts';
import { dilemmaBlock } from './pdf/pdf-dilemma';
import { cover, findings, method, municipalities } from './pdf/pdf-sections';
import { PdfWriter } from './pdf/pdf-writer';
import { FEEDBACK_CHAPTER_TITLE, feedbackChapter } from './report-feedback-chapter';
import { type ReportInput, numbered } from './report-input';

export { PdfWriter } from './pdf/pdf-writer';
export { table, barChart, type Column, type TableCell } from './pdf/pdf-table';

/** One chapter of the report: its title in the contents and what it draws. */
export interface ReportSection {
  title: string;
  /** true (default): the chapter starts on a new page. */
  newPage?: boolean;
  render(w: PdfWriter, input: ReportInput): void;
}

export interface PdfOptions {
  createdAt: Date;
  /** Chapters from other parts of the product, placed before the method appendix. */
  extraSections?: ReportSection[];
  /** Uncompressed streams: only for debugging the output by eye. */
  compress?: boolean;
  /** Published findings of the report's municipalities: the chapter "Wat er met de inbreng gebeurde". */
  feedback?: readonly PublicFinding[];
}

export function reportSections(input: ReportInput, extra: ReportSection[] = []): ReportSection[] {
  const all = numbered(input);
  return [
    { title: 'Belangrijkste bevindingen', newPage: false, render: findings },
    ...input.themes.map((theme): ReportSection => ({
      title: `Thema ${theme.name}`,
      render: (w) => {
        for (const x of all.filter((y) => y.theme === theme)) dilemmaBlock(w, x.number, x.dilemma, input.suppressBelow);
      },
    })),
    ...(all.length ? [{ title: 'Gemeenten vergeleken', render: municipalities }] : []),
    ...extra,
    { title: 'Verantwoording en begrippen', render: method },
  ];
}

export function renderPdf(input: ReportInput, options: PdfOptions): Promise<Buffer> {
  const w = new PdfWriter({ title: 'Huurdersstem – beleidsinput', createdAt: options.createdAt, compress: options.compress });
  const feedback = options.feedback;
  const extra: ReportSection[] = [
    ...(feedback ? [{ title: FEEDBACK_CHAPTER_TITLE, render: (w: PdfWriter) => feedbackChapter(w, feedback) }] : []),
    ...(options.extraSections ?? []),
  ];
  const sections = reportSections(input, extra);
  const contents = cover(w, input, options.createdAt, sections.length);
  for (const section of sections) {
    w.chapter(section.title, { newPage: section.newPage });
    section.render(w, input);
  }
  w.finish(contents);
  return w.toBuffer();
}
