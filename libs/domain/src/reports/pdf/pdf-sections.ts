/**
 * The chapters of the PDF report besides the themes: the cover (scope and contents), the key findings, the
 * municipalities compared, and the method appendix with the glossary's explanations.
 */
import { type GlossaryKey, groupLabel, term } from '@hs/contracts';
import { optionLabel } from '../report-csv';
import { keyFindings } from '../report-findings';
import { type ReportInput, hidden, numbered } from '../report-input';
import { dutchDate, dutchDateTime, pct } from '../report-text';
import { table, type TableCell } from './pdf-table';
import { BOLD, COLORS, type PdfWriter } from './pdf-writer';

/** The cover: what the report covers, and room for the contents (filled in once the pages exist). */
export function cover(w: PdfWriter, input: ReportInput, createdAt: Date, chapters: number): { page: number; top: number } {
  w.text('Huurdersstem', { font: BOLD, size: 24, color: COLORS.accent });
  w.text('Beleidsinput uit de bewonersavonden', { size: 15, gap: 0.2 });
  w.muted(`Gemaakt op ${dutchDateTime(createdAt)}`, 9.5);
  w.doc.moveDown(0.6);
  const dilemmas = numbered(input);
  const municipalities = [...new Set(input.evenings.map((e) => e.municipality))].sort((a, b) => a.localeCompare(b, 'nl'));
  const dates = input.evenings.map((e) => new Date(e.startsAt).getTime()).filter(Number.isFinite);
  const period = dates.length
    ? `${dutchDate(new Date(Math.min(...dates)))} tot en met ${dutchDate(new Date(Math.max(...dates)))}`
    : '–';
  w.keyValue('Avonden', input.evenings.length ? input.evenings.map((e) => `${e.title} (${e.municipality})`).join('; ') : 'geen');
  w.keyValue('Periode', period);
  w.keyValue('Gemeenten', municipalities.length ? municipalities.join(', ') : 'geen');
  w.keyValue("Thema's", input.themes.length ? input.themes.map((t) => t.name).join(', ') : 'geen');
  w.keyValue('Groepen', input.scope.groups ? input.scope.groups.map((g) => groupLabel(g)).join(', ') : 'alle deelnemers');
  w.keyValue("Dilemma's", String(dilemmas.length));
  w.keyValue('Privacy', term('explain.suppression', 'nl', { n: input.suppressBelow }));
  if (!dilemmas.length) w.text("Er zijn geen dilemma's binnen deze selectie.", { font: BOLD, gap: 0.4 });
  w.doc.moveDown(0.5);
  w.text('Inhoud', { font: BOLD, size: 13, color: COLORS.accent, gap: 0.2 });
  const top = w.doc.y;
  w.doc.y = top + chapters * 16 + 6;
  return { page: w.page, top };
}

export function findings(w: PdfWriter, input: ReportInput): void {
  w.muted(
    'Per thema: wat de meeste mensen kozen en hoe zeker dat is, waar gemeenten en groepen verschillen, waar de zaal na ' +
      'discussie verschoof en welke gevolgen mensen accepteerden. Percentages met een 95%-interval; de cijfers staan per thema verderop.',
  );
  for (const theme of keyFindings(input)) {
    w.heading(theme.theme, 11.5);
    for (const line of theme.findings) w.bullet(line, 9.5);
  }
}

/** Per theme a matrix: dilemmas × municipalities, the share of the leading option in each municipality. */
export function municipalities(w: PdfWriter, input: ReportInput): void {
  w.muted(
    'Per dilemma het aandeel van de optie die over alle gemeenten samen het meest gekozen werd, per gemeente. ' +
      `“${term('measure.suppressed')}”: te weinig deelnemers in die gemeente.`,
  );
  const all = numbered(input);
  const names = [...new Set(all.flatMap((x) => x.dilemma.municipalities.map((m) => m.key)))].sort((a, b) =>
    a.localeCompare(b, 'nl'),
  );
  if (!names.length) return w.text('Geen gemeenten binnen deze selectie.');
  for (const theme of input.themes) {
    const rows = all.filter((x) => x.theme === theme && !hidden(x.dilemma));
    if (!rows.length) continue;
    w.heading(theme.name, 11.5);
    for (let i = 0; i < names.length; i += 5) {
      const chunk = names.slice(i, i + 5);
      table(
        w,
        [
          { header: 'Dilemma en meest gekozen optie', weight: 4 },
          ...chunk.map((m) => ({ header: m, weight: 1.3, align: 'right' as const })),
        ],
        rows.map(({ number, dilemma: d }) => {
          const top = [...d.options].filter((o) => !o.suppressed && o.share !== null).sort((a, b) => b.share! - a.share!)[0];
          const cells: TableCell[] = chunk.map((m) => {
            const s = d.municipalities.find((x) => x.key === m);
            if (!s) return '';
            if (s.suppressed || !s.options) return { text: term('measure.suppressed'), muted: true };
            const o = top && s.options.find((x) => x.label === top.label);
            return o ? `${pct(o.share)} (n=${s.n})` : '–';
          });
          return [`${number} ${d.question}\n→ ${top ? optionLabel(d, top.label) : '–'}`, ...cells];
        }),
      );
    }
  }
}

// The method appendix names each measure with the glossary's word, as the tables and the dashboard do.
const EXPLAINED: Array<[string, GlossaryKey]> = [
  [term('measure.share'), 'explain.share'],
  [term('measure.interval'), 'explain.interval'],
  [term('measure.consensus'), 'explain.consensus'],
  ['Groepen', 'explain.groups'],
  [term('measure.manual'), 'explain.manual'],
  [term('dimension.consequence'), 'explain.consequence'],
  [term('dimension.shift'), 'explain.shift'],
  [term('dimension.weighting'), 'explain.weighting'],
  [term('measure.differs'), 'explain.differs'],
  ['Privacy', 'explain.suppression'],
];

export function method(w: PdfWriter, input: ReportInput): void {
  for (const [heading, key] of EXPLAINED) {
    w.subheading(heading);
    w.text(term(key, 'nl', { n: input.suppressBelow }), { size: 9.5, gap: 0.3 });
  }
  w.muted('De volledige methode, met formules en bronnen, staat in de documentatie van Huurdersstem (METHODS.md).');
  if (!input.evenings.length) return;
  w.heading('Avonden in dit rapport', 11.5);
  table(
    w,
    [
      { header: term('dimension.evening'), weight: 3 },
      { header: term('dimension.municipality'), weight: 2 },
      { header: 'Datum', weight: 2 },
    ],
    input.evenings.map((e) => [e.title, e.municipality, dutchDate(new Date(e.startsAt))]),
  );
}
