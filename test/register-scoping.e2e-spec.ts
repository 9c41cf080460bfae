import { randomUUID } from 'node:crypto';
import { AggregationService } from '@hs/domain';
import { deleteKeysUnder } from '../libs/persistence/src/redis-keys';
import { aDilemma, anEvening, castVotes, times } from './support/aggregation-builders';
import { dropDatabase, freshDatabaseUrl } from './support/databases';
import { readableText } from './support/readable-text';
import { applicationRoutes } from './support/routes';
import { asBytes, bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

type Side = 'L' | 'H';
type Kind = 'agreement' | 'advice' | 'finding';

/**
 * Every route of the agreements register, the advice and "u zei, wij deden" (findings and their exports), as a table:
 * what a Leeuwarden tenant organisation or municipality gets there. A read of one record: Leeuwarden's answers,
 * Harlingen's is 403. A list or export: only Leeuwarden, whatever filter is asked (Harlingen by name is 403). A write
 * the corporation makes: 403 for them, on either municipality's record. The test also checks that the table names
 * every such route the application has, so a route added tomorrow fails here until someone decides what it shows.
 */
const READS_ONE: Array<{ route: string; kind: Kind }> = [
  { route: 'GET /api/agreements/:id', kind: 'agreement' },
  { route: 'GET /api/advice/:id', kind: 'advice' },
  { route: 'GET /api/findings/:id', kind: 'finding' },
];
const LISTS = [
  'GET /api/register/themes',
  'GET /api/agreements',
  'GET /api/findings',
  'GET /api/register/export.csv',
  'GET /api/register/export.xlsx',
  'GET /api/findings/export.csv',
  'GET /api/findings/export.xlsx',
];
const CORPORATION_ONLY: Array<{ route: string; kind?: Kind }> = [
  { route: 'POST /api/register/themes' },
  { route: 'POST /api/agreements' },
  { route: 'PATCH /api/agreements/:id', kind: 'agreement' },
  { route: 'POST /api/agreements/:id/status', kind: 'agreement' },
  { route: 'POST /api/agreements/:id/evaluations', kind: 'agreement' },
  { route: 'POST /api/advice/:id/response', kind: 'advice' },
  { route: 'POST /api/findings' },
  { route: 'PATCH /api/findings/:id', kind: 'finding' },
  { route: 'POST /api/findings/:id/publish', kind: 'finding' },
];
/** Giving advice: the one write the people at the table make (tenant organisation only), tested on its own below. */
const ADVICE = 'POST /api/agreements/:id/advice';

describe('register, advice and findings: a Leeuwarden account never sees Harlingen (e2e)', () => {
  let t: TestApp;
  let admin: StaffSession;
  let analyst: StaffSession;
  let tenantOrg: StaffSession;
  let municipalityAccount: StaffSession;
  let harlingenTenantOrg: StaffSession;
  const ids: Record<Side, Record<Kind | 'theme' | 'round', string>> = {
    L: { agreement: '', advice: '', finding: '', theme: '', round: '' },
    H: { agreement: '', advice: '', finding: '', theme: '', round: '' },
  };
  let secrets: string[];

  const databaseUrl = freshDatabaseUrl('regscope');
  const redisPrefix = `${process.env.REDIS_PREFIX}_regscope`;

  /** Status and readable text (JSON, CSV, XLSX cells, PDF text) of one call. */
  async function call(who: StaffSession, route: string, url: string, body?: object) {
    const method = route.split(' ')[0].toLowerCase() as 'get';
    let req = t.http[method](url).set(who.auth);
    if (body !== undefined) req = req.send(body);
    const res = await req.buffer(true).parse(asBytes);
    return { status: res.status, text: await readableText(res.body as Buffer, String(res.headers['content-type'] ?? '')) };
  }

  const leaks = (text: string) => secrets.filter((s) => text.toLowerCase().includes(s.toLowerCase()));
  const urlOf = (route: string, side: Side, kind?: Kind) => route.split(' ')[1].replace(':id', kind ? ids[side][kind] : '');

  beforeAll(async () => {
    t = await bootTestApp({ DATABASE_URL: databaseUrl, REDIS_PREFIX: redisPrefix });
    [admin, analyst] = await Promise.all([staffSession(t, 'admin'), staffSession(t, 'analyst')]);
    tenantOrg = await staffSession(t, 'tenant_org', ['Leeuwarden']);
    municipalityAccount = await staffSession(t, 'municipality', ['Leeuwarden']);
    harlingenTenantOrg = await staffSession(t, 'tenant_org', ['Harlingen']);
    const round = await t.http
      .post('/api/rounds')
      .set(admin.auth)
      .send({ name: 'Ronde 2026', year: 2026, startsOn: '2026-01-01', endsOn: '2026-12-31' })
      .expect(201);

    const made = {
      L: { municipality: 'Leeuwarden', theme: 'Betaalbaar wonen', item: 'Bilgaard: 120 woningen isoleren', option: 'Isoleren' },
      H: { municipality: 'Harlingen', theme: 'Havenleven', item: 'Havenkade: 40 woningen opknappen', option: 'Kade autovrij' },
    } as const;
    for (const side of ['L', 'H'] as const) {
      const { municipality, theme, item, option } = made[side];
      ids[side].round = round.body.id;
      const evening = await anEvening().in(municipality).titled(`Avond ${municipality}`).save(t.dataSource);
      const { dilemma, options } = await aDilemma().of(evening).withOptions(option, 'Zoals nu').save(t.dataSource);
      await castVotes(t.dataSource, evening, dilemma, [
        ...times(side === 'L' ? 14 : 27, { choice: { optionIds: [options[0].id] } }),
        ...times(6, { choice: { optionIds: [options[1].id] } }),
      ]);
      await t.app.get(AggregationService).recount([dilemma.id]);
      const themeRow = await t.http
        .post('/api/register/themes')
        .set(analyst.auth)
        .send({ municipality, year: 2026, name: theme })
        .expect(201);
      const agreement = await t.http
        .post('/api/agreements')
        .set(analyst.auth)
        .send({ municipality, year: 2026, themeId: themeRow.body.id, text: item, party: 'corporatie', status: 'afgesproken' })
        .expect(201);
      await t.http
        .post(`/api/agreements/${agreement.body.id}/status`)
        .set(analyst.auth)
        .send({ status: 'in_uitvoering', note: `Gestart: ${item}` })
        .expect(200);
      const advisor = side === 'L' ? tenantOrg : harlingenTenantOrg;
      const advice = await t.http
        .post(`/api/agreements/${agreement.body.id}/advice`)
        .set(advisor.auth)
        .send({ text: `Advies: ${item} eerst bij ouderen` })
        .expect(201);
      await t.http
        .post(`/api/advice/${advice.body.id}/response`)
        .set(analyst.auth)
        .send({ text: `Antwoord op ${item}` })
        .expect(200);
      const finding = await t.http
        .post('/api/findings')
        .set(analyst.auth)
        .send({
          municipality,
          roundId: round.body.id,
          text: `U zei: ${item}`,
          quotes: [{ dilemmaId: dilemma.id, optionId: options[0].id }],
          response: `Wij deden: ${item}`,
          agreementIds: [agreement.body.id],
        })
        .expect(201);
      await t.http.post(`/api/findings/${finding.body.id}/publish`).set(analyst.auth).expect(200);
      Object.assign(ids[side], {
        agreement: agreement.body.id,
        advice: advice.body.id,
        finding: finding.body.id,
        theme: themeRow.body.id,
      });
    }
    // What would give Harlingen away: its name, its words, its records' ids and its figure (27 of 33 people).
    secrets = ['Harlingen', 'haven', ids.H.agreement, ids.H.advice, ids.H.finding, ids.H.theme, 'van de 33'];
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await dropDatabase(databaseUrl);
    // A run without Redis (local backplane) has no keys to remove, and no REDIS_URL.
    if (process.env.REDIS_URL) await deleteKeysUnder(process.env.REDIS_URL, redisPrefix);
  });

  it('covers every route of the register, advice and findings the application has', () => {
    const ours = applicationRoutes(t.app)
      .filter((r) => /^\/api\/(register|agreements|advice|findings)(\/|$)/.test(r.path))
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    const table = [...READS_ONE.map((r) => r.route), ...LISTS, ...CORPORATION_ONLY.map((r) => r.route), ADVICE].sort();
    expect(ours).toEqual(table);
  });

  it("shows Harlingen's records to the corporation's analyst in every list and export (so they are there to leak)", async () => {
    for (const route of LISTS) {
      const res = await call(analyst, route, urlOf(route, 'H'));
      expect([route, res.status]).toEqual([route, 200]);
      expect(leaks(res.text)).toEqual(expect.arrayContaining(['Harlingen', 'haven']));
    }
  });

  describe.each(['tenant_org', 'municipality'] as const)('a Leeuwarden account (%s)', (role) => {
    const who = () => (role === 'tenant_org' ? tenantOrg : municipalityAccount);

    it.each(READS_ONE)("$route: Leeuwarden's record answers, Harlingen's is 403", async ({ route, kind }) => {
      const own = await call(who(), route, urlOf(route, 'L', kind));
      expect(own.status).toBe(200);
      expect(own.text).toContain('Bilgaard');
      expect(leaks(own.text)).toEqual([]);
      const other = await call(who(), route, urlOf(route, 'H', kind));
      expect(other.status).toBe(403);
      expect(leaks(other.text)).toEqual([]);
      expect(JSON.parse(other.text)).toMatchObject({ code: 'OUT_OF_SCOPE' });
    });

    it.each(LISTS)('%s: only Leeuwarden, whatever the filter; Harlingen by name is 403', async (route) => {
      const base = urlOf(route, 'L');
      const mine = await call(who(), route, base);
      expect(mine.status).toBe(200);
      expect(mine.text).toMatch(/Bilgaard|Betaalbaar wonen/);
      expect(leaks(mine.text)).toEqual([]);
      const filters = [
        '?municipality=Leeuwarden',
        '?municipality=LEEUWARDEN',
        '?year=2026',
        '?status=in_uitvoering',
        `?roundId=${ids.L.round}`,
        '?state=published',
      ];
      for (const filter of filters) {
        const res = await call(who(), route, base + filter);
        expect([filter, res.status === 200 || res.status === 400]).toEqual([filter, true]);
        expect([filter, leaks(res.text)]).toEqual([filter, []]);
      }
      for (const filter of ['?municipality=Harlingen', '?municipality=%20harlingen%20', '?municipality=harlingen']) {
        const res = await call(who(), route, base + filter);
        expect([filter, res.status]).toEqual([filter, 403]);
        expect(leaks(res.text)).toEqual([]);
      }
    });

    it.each(CORPORATION_ONLY)('$route: refused (403) on either municipality, and nothing changes', async ({ route, kind }) => {
      for (const side of ['L', 'H'] as const) {
        const res = await call(who(), route, urlOf(route, side, kind), {
          municipality: 'Leeuwarden',
          year: 2026,
          name: 'x',
          text: 'x',
          party: 'corporatie',
          status: 'vervallen',
          note: 'x',
          quotes: [],
        });
        expect([side, res.status]).toEqual([side, 403]);
        expect(leaks(res.text)).toEqual([]);
      }
      const agreement = await t.http.get(`/api/agreements/${ids.L.agreement}`).set(analyst.auth).expect(200);
      expect(agreement.body).toMatchObject({ status: 'in_uitvoering', text: 'Bilgaard: 120 woningen isoleren' });
    });
  });

  describe('formal advice (adviesrecht) and the corporation’s response', () => {
    it('lets the tenant organisation advise on its own municipality’s item, with a date, audited with its name', async () => {
      const given = await t.http
        .post(`/api/agreements/${ids.L.agreement}/advice`)
        .set(tenantOrg.auth)
        .send({ text: 'Neem de huurders van de flats mee in de planning.', on: '2026-05-12' })
        .expect(201);
      expect(given.body).toMatchObject({ agreementId: ids.L.agreement, givenOn: '2026-05-12', response: null });
      const audit = (await t.http.get('/api/audit?limit=200').set(admin.auth).expect(200)).body as Array<{
        action: string;
        actor: { id: string } | null;
        targetId: string;
      }>;
      expect(audit.find((e) => e.targetId === given.body.id)).toMatchObject({
        action: 'advice.give',
        actor: { id: tenantOrg.id },
      });

      // The corporation answers; both parties of Leeuwarden read advice and response, on the item and on its own.
      await t.http
        .post(`/api/advice/${given.body.id}/response`)
        .set(analyst.auth)
        .send({ text: 'We plannen per flat, met een bewonersavond vooraf.', on: '2026-06-02' })
        .expect(200);
      for (const reader of [tenantOrg, municipalityAccount]) {
        const item = await t.http.get(`/api/agreements/${ids.L.agreement}`).set(reader.auth).expect(200);
        expect(item.body.adviceItems).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              text: 'Neem de huurders van de flats mee in de planning.',
              givenOn: '2026-05-12',
              response: 'We plannen per flat, met een bewonersavond vooraf.',
              respondedOn: '2026-06-02',
            }),
          ]),
        );
        const one = await t.http.get(`/api/advice/${given.body.id}`).set(reader.auth).expect(200);
        expect(one.body.response).toBe('We plannen per flat, met een bewonersavond vooraf.');
      }
      const after = (await t.http.get('/api/audit?limit=200').set(admin.auth).expect(200)).body as Array<{
        action: string;
        actor: { id: string } | null;
        targetId: string;
      }>;
      expect(after.find((e) => e.targetId === given.body.id && e.action === 'advice.respond')).toMatchObject({
        actor: { id: analyst.id },
      });
      // Harlingen's tenant organisation sees none of it.
      await t.http.get(`/api/advice/${given.body.id}`).set(harlingenTenantOrg.auth).expect(403);
      await t.http.get(`/api/agreements/${ids.L.agreement}`).set(harlingenTenantOrg.auth).expect(403);
    });

    it('refuses advice from the municipality, on another municipality, with bad bodies, and changes nothing', async () => {
      const count = async () =>
        (await t.http.get(`/api/agreements/${ids.L.agreement}`).set(analyst.auth).expect(200)).body.adviceItems.length;
      const before = await count();
      const advise = (who: StaffSession, agreementId: string, body: object) =>
        t.http.post(`/api/agreements/${agreementId}/advice`).set(who.auth).send(body);
      expect((await advise(municipalityAccount, ids.L.agreement, { text: 'Wij adviseren ook.' })).status).toBe(403);
      expect((await advise(analyst, ids.L.agreement, { text: 'Analist adviseert.' })).status).toBe(403);
      const other = await advise(tenantOrg, ids.H.agreement, { text: 'Over Harlingen.' });
      expect(other.status).toBe(403);
      expect(leaks(JSON.stringify(other.body))).toEqual([]);
      for (const body of [{}, { text: '' }, { text: 12 }, { text: 'ok', on: '12-05-2026' }, { text: 'ok', extra: 1 }]) {
        expect([body, (await advise(tenantOrg, ids.L.agreement, body)).status]).toEqual([body, 400]);
      }
      expect((await advise(tenantOrg, randomUUID(), { text: 'Onbekend.' })).status).toBe(404);
      // The tenant organisation gives advice; the answer is the corporation's.
      await t.http
        .post(`/api/advice/${ids.L.advice}/response`)
        .set(tenantOrg.auth)
        .send({ text: 'Zelf beantwoord.' })
        .expect(403);
      expect(await count()).toBe(before);
    });
  });

  it("gives a Leeuwarden account a policy report whose chapter 'Wat er met de inbreng gebeurde' holds Leeuwarden only", async () => {
    const created = await t.http.post('/api/reports').set(tenantOrg.auth).send({}).expect(202);
    await waitFor(
      'the report',
      async () => {
        const res = await t.http.get(`/api/reports/${created.body.id}`).set(tenantOrg.auth);
        return res.body.status === 'done' ? true : undefined;
      },
      60_000,
    );
    const pdf = await call(tenantOrg, 'GET /x', `/api/reports/${created.body.id}/export.pdf`);
    expect(pdf.status).toBe(200);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Wat er met de inbreng gebeurde');
    expect(text).toContain('U zei: Bilgaard: 120 woningen isoleren');
    expect(leaks(text)).toEqual([]);
  });
});
