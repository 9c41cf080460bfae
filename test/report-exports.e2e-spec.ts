import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { AuditLogEntity, ReportRepository } from '@hs/persistence';
import { aDilemma, anEvening, castVotes, times } from './support/aggregation-builders';
import { pdfPageImages, pdfPages } from './support/pdf-text';
import { ARTIFACTS } from './support/room-browser';
import { asBytes, bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The exports as a reader gets them over HTTP: the PDF read back with pdftotext, the XLSX with exceljs, the CSV
 * as text. Labels in Cyrillic, Greek and Hebrew, and a label far too long for one line.
 */
describe('report exports: PDF, XLSX and CSV (e2e)', () => {
  let t: TestApp;
  let analyst: StaffSession;
  let facilitator: StaffSession;
  let reportId: string;
  const LONG =
    'Binnen drie werkdagen een monteur aan de deur, ook als kleine klussen daardoor langer blijven liggen en de ' +
    'servicekosten met vier euro per maand stijgen';
  const CYRILLIC = 'Снижение арендной платы';
  const GREEK = 'Μείωση του ενοικίου';
  const HEBREW = 'הורדת שכר דירה';
  const QUESTION = 'Wat gaat bij reparaties voor (exports-test)?';

  const download = (path: string, who: StaffSession = analyst) =>
    t.http.get(path).set(who.auth).buffer(true).parse(asBytes).expect(200);

  beforeAll(async () => {
    t = await bootTestApp();
    [analyst, facilitator] = await Promise.all([staffSession(t, 'analyst'), staffSession(t, 'facilitator')]);
    const drachten = await anEvening()
      .titled('Avond Drachten')
      .in('Smallingerland')
      .startingAt('2027-03-02T18:30:00Z')
      .save(t.dataSource);
    const dokkum = await anEvening()
      .titled('Avond Dokkum')
      .in('Noardeast-Fryslân')
      .startingAt('2027-03-09T18:30:00Z')
      .save(t.dataSource);
    for (const [evening, split, organised] of [
      [drachten, [30, 10, 5, 5], 6],
      [dokkum, [8, 25, 6, 6], 0],
    ] as const) {
      const municipality = evening === drachten ? 'Smallingerland' : 'Noardeast-Fryslân';
      const d = await aDilemma()
        .of(evening)
        .about('dienstverlening')
        .asking(QUESTION)
        .withOptions({ label: LONG, consequence: 'Servicekosten + € 4 per maand' }, CYRILLIC, GREEK, HEBREW)
        .save(t.dataSource);
      await castVotes(t.dataSource, evening, d.dilemma, [
        ...split.flatMap((n, i) =>
          times(n, { group: 'tenant' as const, municipality, choice: { optionIds: [d.options[i].id] } }),
        ),
        // Two partners per evening: 4 in all, fewer than SUPPRESS_BELOW (5), so their group is hidden in every output
        // (and the tenant organisations with it, so that the partners cannot be worked out from the total).
        ...times(2, { group: 'stakeholder' as const, municipality, choice: { optionIds: [d.options[2].id] } }),
        ...times(organised, { group: 'tenant_org' as const, municipality, choice: { optionIds: [d.options[2].id] } }),
      ]);
    }
    const created = await t.http
      .post('/api/reports')
      .set(analyst.auth)
      .send({ eveningIds: [drachten.id, dokkum.id] })
      .expect(202);
    reportId = created.body.id;
    const report = await waitFor(
      'the report',
      async () => {
        const res = await t.http.get(`/api/reports/${reportId}`).set(analyst.auth).expect(200);
        return ['done', 'failed'].includes(res.body.status) ? res.body : undefined;
      },
      80_000,
    );
    expect([report.status, report.error]).toEqual(['done', undefined]);
  }, 150_000);
  afterAll(async () => {
    await t.close();
  }, 30_000);

  it('opens the PDF with the scope, the contents and the key findings, and numbers every page', async () => {
    const res = await download(`/api/reports/${reportId}/export.pdf`);
    const pages = pdfPages(res.body as Buffer);
    const first = pages[0].replace(/\s+/g, ' ');
    expect(first).toContain('Avond Drachten (Smallingerland); Avond Dokkum (Noardeast-Fryslân)');
    expect(first).toContain('Inhoud');
    expect(first).toContain('Belangrijkste bevindingen');
    // Written from the numbers: 38 of 105 chose the long label, 35 the next one; Smallingerland 30 of 58 against 8 of 47.
    expect(first).toContain(`de meesten kozen ‘${LONG}’ (36%), 105 deelnemers. Geen duidelijke voorkeur: ‘${CYRILLIC}’ (33%)`);
    expect(first).toMatch(
      /Gemeenten verschillen bij ‘Binnen drie werkdagen[^’]*’: (52% in Smallingerland tegen 17% in Noardeast-Fryslân|17% in Noardeast-Fryslân tegen 52% in Smallingerland)\./,
    );
    // The contents point at the pages where the chapters start.
    const contents = pdfPages(res.body as Buffer, { layout: true })[0];
    for (const chapter of ['Thema Dienstverlening', 'Gemeenten vergeleken', 'Verantwoording en begrippen']) {
      const listed = new RegExp(`\\d+\\.\\s+${chapter}\\s+(\\d+)`).exec(contents);
      expect([chapter, listed !== null]).toEqual([chapter, true]);
      expect(pages[Number(listed![1]) - 1].trimStart().startsWith(chapter)).toBe(true);
    }
    pages.forEach((page, i) => expect(page).toContain(`pagina ${i + 1} van ${pages.length}`));
    // The first two pages as images, for docs/REPORTS.md.
    mkdirSync(ARTIFACTS, { recursive: true });
    pdfPageImages(res.body as Buffer, join(ARTIFACTS, 'report-page'), 2);
  }, 30_000);

  it('writes long labels in full and non-Latin labels as they were given', async () => {
    const res = await download(`/api/reports/${reportId}/export.pdf`);
    const all = pdfPages(res.body as Buffer)
      .join('\n')
      .replace(/[\s\u00a0]+/g, ' ');
    // In the chart, the tables and the findings: the whole label, wrapped over lines but never cut off.
    expect(all.split(LONG).length - 1).toBeGreaterThanOrEqual(4);
    for (const label of [CYRILLIC, GREEK, HEBREW]) expect([label, all.includes(label)]).toEqual([label, true]);
    // The group of two partners is hidden; its column says so.
    expect(all).toContain('Partners (niet getoond)');
    expect(all).toContain('Niet getoond');
    expect(all).not.toMatch(/tenant_org|stakeholder|\bunknown\b/);
  }, 30_000);

  it('exports an XLSX with a sheet per view, number formats, marked suppressed rows and a codebook', async () => {
    const res = await download(`/api/reports/${reportId}/export.xlsx`);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Totaal',
      'Groepen',
      'Gemeenten',
      'Leeftijd',
      'Avonden',
      'Weging',
      'Verschuiving',
      'Gevolgen',
      'Verschillen',
      'Codeboek',
    ]);
    const rows = (name: string) => {
      const ws = book.getWorksheet(name)!;
      const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
      const out: Array<Record<string, ExcelJS.Cell>> = [];
      ws.eachRow((row, i) => {
        if (i > 1) out.push(Object.fromEntries(header.map((h, c) => [h, row.getCell(c + 1)])));
      });
      return out;
    };
    const total = rows('Totaal').filter((r) => r['Vraag'].value === QUESTION);
    expect(total.map((r) => r['Optie'].value)).toEqual([LONG, CYRILLIC, GREEK, HEBREW]);
    expect(total[0]['Aantal'].value).toBe(38);
    expect(total[0]['Aantal'].numFmt).toBe('0');
    expect(total[0]['Aandeel'].value).toBeCloseTo(38 / 105, 10);
    expect(total[0]['Aandeel'].numFmt).toBe('0.0%');
    expect(total[0]['Interval laag'].numFmt).toBe('0.0%');
    expect(total[0]['Soort dilemma'].value).toBe('Eén keuze');
    const partners = rows('Groepen').filter((r) => r['Vraag'].value === QUESTION && r['Groep'].value === 'Partners');
    expect(partners).toHaveLength(1);
    expect(partners[0]['Niet getoond'].value).toBe('ja');
    for (const column of ['n', 'Optie', 'Aandeel', 'Interval laag', 'Interval hoog'])
      expect(partners[0][column].value).toBeNull();
    expect((partners[0]['Groep'].fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFE7E7E7');
    const tenants = rows('Groepen').filter((r) => r['Vraag'].value === QUESTION && r['Groep'].value === 'Huurders');
    expect(tenants.map((r) => r['n'].value)).toEqual([95, 95, 95, 95]);
    expect(tenants[0]['Aandeel'].value).toBeCloseTo(38 / 95, 10);
    const codebook = rows('Codeboek');
    const explained = codebook.filter((r) => r['Blad'].value === 'Totaal').map((r) => r['Kolom'].value);
    expect(explained).toEqual(expect.arrayContaining(['Aandeel', 'Interval laag', 'Niet getoond', 'Soort dilemma']));
    expect(codebook.some((r) => String(r['Betekenis'].value).includes('minder dan 5 mensen'))).toBe(true);
  }, 30_000);

  it('writes the CSV in the same words, labels included', async () => {
    const res = await download(`/api/reports/${reportId}/export.csv`);
    const text = (res.body as Buffer).toString('utf8');
    expect(text).toContain(`;${CYRILLIC};Aandeel;`);
    expect(text).toContain(';Groep;Partners;;Niet getoond;;;;;ja');
    expect(text).not.toMatch(/tenant_org|stakeholder|\bunknown\b|;choice;|link:/);
  }, 30_000);

  it('guards the XLSX like the CSV: staff roles, 409 before done, 404 unknown, audited, documented', async () => {
    await t.http.get(`/api/reports/${reportId}/export.xlsx`).expect(401);
    await t.http.get(`/api/reports/${reportId}/export.xlsx`).set(facilitator.auth).expect(403);
    const pending = await t.app.get(ReportRepository).create({}, analyst.id);
    await t.http.get(`/api/reports/${pending.id}/export.xlsx`).set(analyst.auth).expect(409);
    await t.http.get(`/api/reports/${randomUUID()}/export.xlsx`).set(analyst.auth).expect(404);
    await t.http.get('/api/reports/nope/export.xlsx').set(analyst.auth).expect(400);
    const audit = await t.dataSource.getRepository(AuditLogEntity).findBy({ targetId: reportId, action: 'report.export-xlsx' });
    expect(audit.length).toBeGreaterThanOrEqual(1);
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toContain('/api/reports/{id}/export.xlsx');
  }, 30_000);
});
