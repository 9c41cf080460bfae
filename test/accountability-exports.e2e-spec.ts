import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AggregationService } from '@hs/domain';
import { aDilemma, anEvening, castVotes, times } from './support/aggregation-builders';
import { asBytes, bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';

/** The register and the findings as CSV and XLSX: the glossary's words, no internal codes, the frozen figures. */
describe('register and findings exports (e2e)', () => {
  let t: TestApp;
  let analyst: StaffSession;
  const municipality = `Heerenveen-${randomUUID().slice(0, 8)}`;
  let findingId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    analyst = await staffSession(t, 'analyst');
    const theme = (
      await t.http
        .post('/api/register/themes')
        .set(analyst.auth)
        .send({ municipality, year: 2026, name: 'Wonen en zorg' })
        .expect(201)
    ).body;
    const item = (
      await t.http
        .post('/api/agreements')
        .set(analyst.auth)
        .send({
          municipality,
          year: 2026,
          themeId: theme.id,
          text: '=SUM(A1) levensloopbestendig maken',
          party: 'huurdersorganisatie',
        })
        .expect(201)
    ).body;
    await t.http.post(`/api/agreements/${item.id}/status`).set(analyst.auth).send({ status: 'afgesproken' }).expect(200);
    await t.http.post(`/api/agreements/${item.id}/status`).set(analyst.auth).send({ status: 'in_uitvoering' }).expect(200);
    await t.http
      .post(`/api/agreements/${item.id}/evaluations`)
      .set(analyst.auth)
      .send({ note: 'Op schema; 40 van 80 klaar.', on: '2026-07-01' })
      .expect(201);
    const evening = await anEvening().in(municipality).save(t.dataSource);
    const { dilemma, options } = await aDilemma().of(evening).withOptions('Langer thuis', 'Verhuizen').save(t.dataSource);
    await castVotes(t.dataSource, evening, dilemma, [
      ...times(9, { choice: { optionIds: [options[0].id] } }),
      ...times(3, { choice: { optionIds: [options[1].id] } }),
    ]);
    await t.app.get(AggregationService).recount([dilemma.id]);
    findingId = (
      await t.http
        .post('/api/findings')
        .set(analyst.auth)
        .send({
          municipality,
          text: 'U wilt langer thuis blijven wonen.',
          quotes: [{ dilemmaId: dilemma.id, optionId: options[0].id }],
          response: 'We maken 80 woningen levensloopbestendig.',
          outcome: 'overgenomen',
          agreementIds: [item.id],
        })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  /** exceljs wants an ArrayBuffer: copy exactly the response's bytes (a Buffer may sit in a larger shared pool). */
  const arrayBufferOf = (bytes: Buffer) =>
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const get = (path: string) => t.http.get(path).set(analyst.auth).buffer(true).parse(asBytes).expect(200);

  it('writes the register as CSV in Dutch words, one row per item, safe against formulas', async () => {
    const res = await get(`/api/register/export.csv?municipality=${municipality}`);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, row, ...rest] = text.slice(1).trimEnd().split('\r\n');
    expect(rest).toEqual([]);
    expect(header).toBe(
      'Gemeente;Jaar;Thema uit de woonvisie;Afspraak;Wie voert het uit;Stand van zaken;Sinds;Tussentijdse evaluatie;Adviezen;Adviezen beantwoord',
    );
    expect(row).toContain(
      `${municipality};2026;Wonen en zorg;'=SUM(A1) levensloopbestendig maken;Huurdersorganisatie;In uitvoering;`,
    );
    expect(row).toContain('1 juli 2026: Op schema');
    expect(text).not.toMatch(/in_uitvoering|huurdersorganisatie;/);
  });

  it('writes the findings as XLSX with the figures as quoted and the linked agreement', async () => {
    const res = await get(`/api/findings/export.xlsx?municipality=${municipality}`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arrayBufferOf(res.body as Buffer));
    const sheet = book.getWorksheet('U zei, wij deden')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Gemeente',
      'U zei',
      'Cijfer',
      'Wij deden',
      'Wat ermee gebeurde',
      'Status',
      'Gepubliceerd op',
      'Afspraken',
    ]);
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2).values as unknown[];
    expect(row[2]).toBe('U wilt langer thuis blijven wonen.');
    expect(row[3]).toMatch(/^75% van de 12 mensen koos "Langer thuis" \(stand op \d+ \w+ 20\d\d\)\.$/);
    expect(row[5]).toBe('Overgenomen');
    expect(row[6]).toBe('Concept');
    expect(row[8]).toBe('=SUM(A1) levensloopbestendig maken');
    const csv = (await get(`/api/findings/export.csv?municipality=${municipality}`)).body.toString('utf8');
    expect(csv).toContain(findingId ? 'U wilt langer thuis blijven wonen.' : '');
  });

  it('writes the register as XLSX, audits the exports and refuses bad filters', async () => {
    const res = await get(`/api/register/export.xlsx?municipality=${municipality}&year=2026`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arrayBufferOf(res.body as Buffer));
    const sheet = book.getWorksheet('Afsprakenregister')!;
    expect(sheet.getRow(2).getCell(6).value).toBe('In uitvoering');
    await t.http.get('/api/register/export.csv?year=abc').set(analyst.auth).expect(400);
    await t.http.get('/api/findings/export.xlsx?state=klaar').set(analyst.auth).expect(400);
    await t.http.get('/api/register/export.csv').expect(401);
    const admin = await staffSession(t, 'admin');
    const audit = (await t.http.get('/api/audit?limit=100').set(admin.auth).expect(200)).body as Array<{
      action: string;
      actor: { id: string } | null;
    }>;
    const mine = audit.filter((e) => e.actor?.id === analyst.id).map((e) => e.action);
    expect(mine).toEqual(expect.arrayContaining(['register.export', 'findings.export']));
  });
});
