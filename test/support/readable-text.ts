/**
 * What a person would read in a response, whatever its format: JSON and CSV as text, a PDF through pdftotext, an
 * XLSX cell by cell (its bytes are a zip, so searching them for a name finds nothing even when it is there).
 * The scoping tests look for another municipality's data in this text.
 */
import ExcelJS from 'exceljs';
import { pdfPages } from './pdf-text';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs wants an ArrayBuffer: copy exactly these bytes (a Buffer may sit in a larger shared pool).
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

/** Every sheet's name and every cell's text, a line per row. */
export async function xlsxText(bytes: Buffer): Promise<string> {
  const book = await load(bytes);
  const lines: string[] = [];
  book.eachSheet((sheet) => {
    lines.push(`# ${sheet.name}`);
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(cell.text));
      lines.push(cells.join('\t'));
    });
  });
  return lines.join('\n');
}

/** Every sheet's rows as objects keyed by the sheet's header row, each cell as the text it shows ('' when empty). */
export async function xlsxRows(bytes: Buffer): Promise<Record<string, Array<Record<string, string>>>> {
  const book = await load(bytes);
  const sheets: Record<string, Array<Record<string, string>>> = {};
  book.eachSheet((sheet) => {
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Array<Record<string, string>> = [];
    sheet.eachRow((row, i) => {
      if (i > 1) rows.push(Object.fromEntries(header.map((h, c) => [h, row.getCell(c + 1).text])));
    });
    sheets[sheet.name] = rows;
  });
  return sheets;
}

export async function readableText(bytes: Buffer, contentType: string): Promise<string> {
  if (contentType.includes('application/pdf')) return pdfPages(bytes, { layout: true }).join('\n');
  if (contentType.includes('spreadsheetml')) return xlsxText(bytes);
  return bytes.toString('utf8');
}
