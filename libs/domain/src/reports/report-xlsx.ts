/**
 * The XLSX export (exceljs): one sheet per view of the report (report-views.ts), with real number formats
 * (percentages, whole numbers, decimals), a frozen header row and a filter, and a codebook sheet that explains
 * every column and the methods in the glossary's words. A suppressed row has empty figures, "ja" in its
 * "Niet getoond" column and a grey fill: the flag comes from the policy input, nothing here decides it.
 */
import ExcelJS from 'exceljs';
import { term } from '@hs/contracts';
import type { ReportInput } from './report-input';
import { dutchDateTime } from './report-text';
import { type ReportView, type ViewKind, reportViews } from './report-views';

/** Excel number formats (the decimal and thousands signs follow the reader's own settings). */
export const NUMBER_FORMATS: Record<ViewKind, string | undefined> = {
  text: undefined,
  int: '0',
  share: '0.0%',
  decimal: '0.00',
  pp: '+0.0;-0.0;0.0',
};
const WIDTHS: Record<ViewKind, number> = { text: 18, int: 10, share: 12, decimal: 12, pp: 14 };
const WIDE = new Set(['Vraag', 'Optie', 'Gevolg']);
const HIDDEN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E7E7' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

export async function renderXlsx(input: ReportInput, options: { createdAt: Date }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Huurdersstem';
  book.title = 'Huurdersstem – beleidsinput';
  book.created = options.createdAt;
  book.modified = options.createdAt;
  const views = reportViews(input);
  for (const view of views) sheet(book, view);
  codebook(book, views, input, options.createdAt);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function sheet(book: ExcelJS.Workbook, view: ReportView): void {
  const ws = book.addWorksheet(view.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = view.columns.map((c) => ({
    header: c.header,
    width: WIDE.has(c.header) ? 44 : Math.max(WIDTHS[c.kind], Math.min(30, c.header.length + 2)),
    style: { numFmt: NUMBER_FORMATS[c.kind], alignment: { vertical: 'top', wrapText: WIDE.has(c.header) } },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'top', wrapText: true };
  for (const row of view.rows) {
    const added = ws.addRow(row.cells);
    if (row.suppressed) {
      added.eachCell({ includeEmpty: true }, (cell) => {
        cell.fill = HIDDEN_FILL;
        cell.font = { color: { argb: 'FF595959' } };
      });
    }
  }
  if (view.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: view.columns.length } };
}

function codebook(book: ExcelJS.Workbook, views: ReportView[], input: ReportInput, createdAt: Date): void {
  const ws = book.addWorksheet('Codeboek');
  ws.columns = [
    { header: 'Blad', width: 16 },
    { header: 'Kolom', width: 30 },
    { header: 'Betekenis', width: 100, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  const section = (title: string) => {
    ws.addRow([]);
    ws.addRow([title]).font = { bold: true };
  };
  section('Dit rapport');
  ws.addRow(['', 'Gemaakt op', dutchDateTime(createdAt)]);
  ws.addRow(['', 'Avonden', input.evenings.map((e) => `${e.title} (${e.municipality})`).join('; ') || 'geen']);
  ws.addRow(['', 'Privacy', term('explain.suppression', 'nl', { n: input.suppressBelow })]);
  section('Bladen en kolommen');
  for (const view of views) {
    ws.addRow([view.name, '', view.about]).font = { bold: true };
    for (const c of view.columns) ws.addRow([view.name, c.header, `${c.meaning}${formatNote(c.kind)}`]);
  }
  section('Begrippen');
  const terms = [
    ['Groepen', 'explain.groups'],
    ['95%-interval', 'explain.interval'],
    [term('measure.consensus'), 'explain.consensus'],
    [term('dimension.weighting'), 'explain.weighting'],
    [term('dimension.shift'), 'explain.shift'],
    [term('measure.manual'), 'explain.manual'],
    [term('measure.differs'), 'explain.differs'],
  ] as const;
  for (const [name, key] of terms) ws.addRow(['', name, term(key)]);
}

function formatNote(kind: ViewKind): string {
  switch (kind) {
    case 'share':
      return ' (percentage)';
    case 'int':
      return ' (geheel getal)';
    case 'decimal':
      return ' (decimaal getal)';
    case 'pp':
      return ' (procentpunten)';
    case 'text':
      return '';
  }
}
