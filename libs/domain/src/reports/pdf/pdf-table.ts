/**
 * Tables and bar charts of the PDF report. Every cell wraps within its column and a row is as tall as its
 * tallest cell, so a long label is never cut off; a table that crosses a page repeats its header. A bar chart
 * draws each share with its 95% interval as a whisker; a suppressed option is named, never drawn.
 */
import { BOLD, COLORS, FONT, MARGIN, type PdfWriter, shapeable } from './pdf-writer';

export interface Column {
  header: string;
  /** Relative width; the columns share the page width. */
  weight: number;
  align?: 'left' | 'right';
}

/** A cell's text; `muted` for suppressed or empty cells. */
export type TableCell = string | { text: string; muted?: boolean };

const PAD = 3;
const SIZE = 8.5;
const HEADER_SIZE = 7.5;

export function table(w: PdfWriter, columns: Column[], rows: TableCell[][]): void {
  const doc = w.doc;
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * w.width);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((s, x) => s + x, 0));
  const measure = (cells: TableCell[], font: string) =>
    Math.max(
      ...cells.map((cell, i) => {
        const text = typeof cell === 'string' ? cell : cell.text;
        doc.font(font).fontSize(font === BOLD ? HEADER_SIZE : SIZE);
        return doc.heightOfString(shapeable(text) || ' ', { width: widths[i] - 2 * PAD });
      }),
    ) +
    2 * PAD;
  const drawRow = (cells: TableCell[], header: boolean, band: boolean) => {
    const font = header ? BOLD : FONT;
    const height = measure(cells, font);
    if (doc.y + height > w.bottom) {
      w.newPage();
      if (!header)
        drawRow(
          columns.map((c) => c.header),
          true,
          false,
        );
    }
    const y = doc.y;
    if (header || band) doc.rect(MARGIN, y, w.width, height).fill(header ? '#e3eaf3' : COLORS.band);
    cells.forEach((cell, i) => {
      const c = typeof cell === 'string' ? { text: cell } : cell;
      doc
        .font(header ? BOLD : FONT)
        .fontSize(header ? HEADER_SIZE : SIZE)
        .fillColor(c.muted ? COLORS.muted : COLORS.text)
        .text(shapeable(c.text), xs[i] + PAD, y + PAD, { width: widths[i] - 2 * PAD, align: columns[i].align ?? 'left' });
    });
    doc.y = y + height;
    doc.x = MARGIN;
  };
  w.ensureSpace(
    measure(
      columns.map((c) => c.header),
      BOLD,
    ) + 24,
  );
  drawRow(
    columns.map((c) => c.header),
    true,
    false,
  );
  rows.forEach((row, i) => drawRow(row, false, i % 2 === 1));
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + w.width, doc.y)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke();
  doc.fillColor(COLORS.text);
  doc.moveDown(0.6);
}

export interface Bar {
  label: string;
  /** null: suppressed, no bar. */
  share: number | null;
  ci95: [number, number] | null;
  value: string;
}

/** Horizontal bars on a 0–100% axis: the label column wraps, the whisker is the 95% interval. */
export function barChart(w: PdfWriter, bars: Bar[]): void {
  const doc = w.doc;
  const labelW = w.width * 0.38;
  const barX = MARGIN + labelW + 8;
  const barW = w.width * 0.4;
  const valueX = barX + barW + 10;
  const valueW = MARGIN + w.width - valueX;
  w.ensureSpace(30 + Math.min(bars.length, 4) * 18);
  axis(w, barX, barW);
  for (const bar of bars) {
    doc.font(FONT).fontSize(8.5);
    const height = Math.max(16, doc.heightOfString(shapeable(bar.label), { width: labelW }) + 4);
    w.ensureSpace(height);
    const y = doc.y;
    doc.fillColor(COLORS.text).text(shapeable(bar.label), MARGIN, y + 3, { width: labelW });
    const mid = y + 8;
    doc.rect(barX, y + 3, barW, 10).fill('#eef1f5');
    if (bar.share !== null) {
      doc.rect(barX, y + 3, Math.max(0.6, bar.share * barW), 10).fill(COLORS.bar);
      if (bar.ci95) {
        const [lo, hi] = [barX + bar.ci95[0] * barW, barX + bar.ci95[1] * barW];
        doc.lineWidth(0.9).strokeColor(COLORS.text);
        doc.moveTo(lo, mid).lineTo(hi, mid).stroke();
        for (const x of [lo, hi])
          doc
            .moveTo(x, mid - 4)
            .lineTo(x, mid + 4)
            .stroke();
      }
    }
    doc
      .font(bar.share === null ? FONT : BOLD)
      .fontSize(8.5)
      .fillColor(bar.share === null ? COLORS.muted : COLORS.text)
      .text(bar.value, valueX, y + 3, { width: valueW });
    doc.y = y + height;
  }
  doc.x = MARGIN;
  doc.fillColor(COLORS.text);
  doc.moveDown(0.5);
}

function axis(w: PdfWriter, x: number, width: number): void {
  const doc = w.doc;
  const y = doc.y;
  doc.font(FONT).fontSize(7).fillColor(COLORS.muted);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    doc.text(`${tick * 100}%`, x + tick * width - 15, y, { width: 30, align: 'center', lineBreak: false });
  }
  doc.y = y + 11;
  doc.x = MARGIN;
}
