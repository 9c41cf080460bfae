/**
 * PDF text for tests, through poppler's pdftotext (Debian's poppler-utils; .ci/run installs it): what a reader
 * would copy out of the report, one string per page. Checks the file's frame first (header, trailer), and drops
 * the bidirectional control marks pdftotext puts around right-to-left runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function pdfPages(pdf: Buffer, options: { layout?: boolean } = {}): string[] {
  const raw = pdf.toString('latin1');
  if (!raw.startsWith('%PDF-')) throw new Error('not a PDF: header missing');
  if (!/startxref\s+\d+\s+%%EOF\s*$/.test(raw)) throw new Error('not a PDF: no startxref/%%EOF trailer');
  const dir = mkdtempSync(join(tmpdir(), 'hs-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const pages = text.replace(/[\u202a-\u202e]/g, '').split('\f');
    return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders the first `count` pages of a PDF as PNG files `<prefix>-1.png`, … at 60 dpi (an A4 page is 496 × 702). */
export function pdfPageImages(pdf: Buffer, prefix: string, count: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'hs-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', String(count), '-png', file, prefix]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
