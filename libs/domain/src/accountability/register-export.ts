/**
 * The register and the findings as tables for CSV and XLSX, in the glossary's words (no internal codes): one row
 * per item or finding, so a policy team can filter and sort them in Excel. CSV as the policy reports write it
 * (`;`, decimal comma, UTF-8 with BOM, formula-safe fields); XLSX with one sheet per table and a frozen header.
 */
import ExcelJS from 'exceljs';
import { ACCOUNTABILITY_TERMS, type AccountabilityTermKey } from '@hs/contracts';
import { csvField } from '../reports/report-csv';
import { dutchDay, outcomeWord, partyWord, quoteSentence, statusWord } from './feedback-text';
import type { AgreementEventView, AgreementView, FindingView } from './register-views';

type Cell = string | number | null;

export interface ExportTable {
  sheet: string;
  columns: string[];
  rows: Cell[][];
}

const label = (key: AccountabilityTermKey) => ACCOUNTABILITY_TERMS[key].nl;

/** One row per bid item or agreement, with its latest mid-year evaluation. */
export function registerTable(items: AgreementView[], timelines: Map<string, AgreementEventView[]>): ExportTable {
  const latestEvaluation = (id: string) => {
    const last = (timelines.get(id) ?? []).filter((e) => e.kind === 'evaluation').at(-1);
    return last ? `${dutchDay(last.on)}: ${last.note}` : '';
  };
  return {
    sheet: 'Afsprakenregister',
    columns: [
      label('register.municipality'),
      label('register.year'),
      label('register.theme'),
      label('register.text'),
      label('register.party'),
      label('register.status'),
      label('register.statusSince'),
      label('register.evaluations'),
      label('register.adviceGiven'),
      label('register.adviceAnswered'),
    ],
    rows: items.map((a) => [
      a.municipality,
      a.year,
      a.theme?.name ?? '',
      a.text,
      partyWord(a.party),
      statusWord(a.status),
      a.statusSince,
      latestEvaluation(a.id),
      a.advice.given,
      a.advice.answered,
    ]),
  };
}

/** One row per finding: what tenants said with the figures as quoted, what was done, and where it stands. */
export function findingsTable(findings: FindingView[], agreementText: Map<string, string>): ExportTable {
  return {
    sheet: 'U zei, wij deden',
    columns: [
      label('register.municipality'),
      label('finding.text'),
      label('finding.quote'),
      label('finding.response'),
      label('finding.outcome'),
      label('finding.state'),
      label('finding.publishedAt'),
      label('finding.agreements'),
    ],
    rows: findings.map((f) => [
      f.municipality,
      f.text,
      f.quotes.map(quoteSentence).join(' '),
      f.response,
      outcomeWord(f.outcome),
      label(`finding.state.${f.state}`),
      f.publishedAt ? dutchDay(f.publishedAt) : '',
      f.agreementIds.map((id) => agreementText.get(id) ?? '').join('; '),
    ]),
  };
}

export function tableCsv(table: ExportTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function tableXlsx(table: ExportTable, createdAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Huurdersstem';
  book.created = createdAt;
  book.modified = createdAt;
  const sheet = book.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(table.columns[i].length, ...table.rows.map((r) => String(r[i] ?? '').length));
    column.width = Math.min(60, Math.max(10, longest + 2));
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
