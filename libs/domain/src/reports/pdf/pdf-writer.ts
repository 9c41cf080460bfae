/**
 * The page machinery of the PDF report over pdfkit: an embedded Unicode font (DejaVu Sans from the
 * dejavu-fonts-ttf package, so Docker and CI have it and Cyrillic, Greek, Hebrew and Arabic come out as
 * written), text that always wraps (nothing is cut off), chapters recorded for the table of contents and
 * the PDF outline, and page numbers written once every page exists (pdfkit's buffered pages).
 */
import PDFDocument from 'pdfkit';
import { join } from 'node:path';

export type Doc = PDFKit.PDFDocument;

export const MARGIN = 50;
export const COLORS = { text: '#1a1a1a', muted: '#5a5a5a', accent: '#1f5f99', bar: '#4a86c5', rule: '#c8c8c8', band: '#f1f4f8' };
export const FONT = 'hs-regular';
export const BOLD = 'hs-bold';

/** From the working directory, like the web pages' files: there is no __dirname or require in the ESM test run. */
export const FONT_DIR = join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');

/** Right-to-left script (Hebrew, Arabic and their presentation forms). */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const RTL_SPACES = /([\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])[ ]+(?=[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])/g;

/**
 * pdfkit has no bidirectional layout: its font engine reverses a right-to-left line as a whole, but drops a
 * space while doing so. A no-break space between two right-to-left letters keeps every space (such a run then
 * wraps by letters, never cut). Text without right-to-left letters is left as it is.
 */
export function shapeable(text: string): string {
  return RTL.test(text) ? text.replace(RTL_SPACES, '$1\u00a0') : text;
}

export interface Chapter {
  title: string;
  page: number;
  destination: string;
}

export class PdfWriter {
  readonly doc: Doc;
  readonly chapters: Chapter[] = [];

  constructor(info: { title: string; createdAt: Date; compress?: boolean }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      compress: info.compress ?? true,
      info: { Title: info.title, Author: 'Huurdersstem', CreationDate: info.createdAt, ModDate: info.createdAt },
    });
    this.doc.registerFont(FONT, join(FONT_DIR, 'DejaVuSans.ttf'));
    this.doc.registerFont(BOLD, join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
    this.doc.font(FONT).fontSize(10).fillColor(COLORS.text);
  }

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** The page (0-based) the writer is on. */
  get page(): number {
    return this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1;
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = MARGIN;
  }

  /** A chapter: on a new page unless told otherwise; recorded for the contents and the outline. */
  chapter(title: string, options: { newPage?: boolean } = {}): void {
    if (options.newPage ?? true) this.newPage();
    else this.ensureSpace(80);
    const destination = `h${this.chapters.length + 1}`;
    this.chapters.push({ title, page: this.page, destination });
    this.doc.addNamedDestination(destination, 'XYZ', MARGIN, this.doc.y, null);
    this.doc.outline.addItem(title);
    this.text(title, { font: BOLD, size: 17, color: COLORS.accent, gap: 0.4 });
  }

  heading(text: string, size = 12.5): void {
    this.ensureSpace(size * 4);
    this.doc.moveDown(0.3);
    this.text(text, { font: BOLD, size, gap: 0.2 });
  }

  /** A subheading is kept with at least the first rows of what follows it. */
  subheading(text: string): void {
    this.ensureSpace(90);
    this.doc.moveDown(0.2);
    this.text(text, { font: BOLD, size: 10, gap: 0.1 });
  }

  /** Wrapped text across the page width (or a given width at x), never cut off. */
  text(
    text: string,
    o: { font?: string; size?: number; color?: string; gap?: number; x?: number; width?: number; indent?: number } = {},
  ): void {
    this.doc
      .font(o.font ?? FONT)
      .fontSize(o.size ?? 10)
      .fillColor(o.color ?? COLORS.text);
    const x = (o.x ?? MARGIN) + (o.indent ?? 0);
    this.doc.text(shapeable(text), x, this.doc.y, { width: (o.width ?? this.width) - (o.indent ?? 0) });
    if (o.gap) this.doc.moveDown(o.gap);
    this.doc.x = MARGIN;
    this.doc.fillColor(COLORS.text).font(FONT).fontSize(10);
  }

  muted(text: string, size = 9): void {
    this.text(text, { size, color: COLORS.muted, gap: 0.2 });
  }

  bullet(text: string, size = 10): void {
    this.ensureSpace(size * 2.5);
    const top = this.doc.y;
    this.doc
      .font(FONT)
      .fontSize(size)
      .fillColor(COLORS.accent)
      .text('•', MARGIN + 4, top, { lineBreak: false });
    this.doc.y = top;
    this.text(text, { size, indent: 16, gap: 0.15 });
  }

  /** "Label: value" lines of the cover, label in bold in a fixed column. */
  keyValue(label: string, value: string, labelWidth = 120): void {
    this.ensureSpace(16);
    const y = this.doc.y;
    this.doc
      .font(BOLD)
      .fontSize(10)
      .fillColor(COLORS.text)
      .text(label, MARGIN, y, { width: labelWidth - 8 });
    const afterLabel = this.doc.y;
    this.doc.y = y;
    this.text(value, { x: MARGIN + labelWidth, width: this.width - labelWidth });
    this.doc.y = Math.max(this.doc.y, afterLabel) + 2;
  }

  /**
   * Writes the contents (at the positions reserved for them on the cover) and "pagina x van y" on every page.
   * Called once, after the last page exists; writing in the bottom margin would otherwise add a page.
   */
  finish(contents: { page: number; top: number } | null): void {
    const range = this.doc.bufferedPageRange();
    if (contents) {
      this.doc.switchToPage(contents.page);
      let y = contents.top;
      for (const [i, c] of this.chapters.entries()) {
        this.doc.font(FONT).fontSize(10.5).fillColor(COLORS.text);
        this.doc.text(`${i + 1}.  ${c.title}`, MARGIN + 8, y, { width: this.width - 70, goTo: c.destination, lineBreak: false });
        this.doc.text(String(c.page + 1), MARGIN, y, { width: this.width, align: 'right', lineBreak: false });
        y += 16;
      }
    }
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const margins = this.doc.page.margins;
      const saved = margins.bottom;
      margins.bottom = 0;
      this.doc
        .font(FONT)
        .fontSize(8)
        .fillColor(COLORS.muted)
        .text(`Huurdersstem · Beleidsinput · pagina ${i + 1} van ${range.count}`, MARGIN, this.doc.page.height - MARGIN + 18, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      margins.bottom = saved;
    }
  }

  toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done;
  }
}
