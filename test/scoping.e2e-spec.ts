import { randomUUID } from 'node:crypto';
import { aDilemma, anEvening, castVotes, times } from './support/aggregation-builders';
import { deleteKeysUnder } from '../libs/persistence/src/redis-keys';
import { dropDatabase, freshDatabaseUrl } from './support/databases';
import { connectStaff } from './support/live-client';
import { readableText } from './support/readable-text';
import { applicationRoutes, type RouteInfo } from './support/routes';
import { asBytes, bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The people at the table (roles tenant_org and municipality) see their own municipality and nothing else. This test
 * walks every route of the running application (read from Nest's controller metadata, so a new route is covered the
 * day it is added) with an observer for Leeuwarden and Harlingen's records and filters, and looks for anything of
 * Harlingen in what comes back: its name, its distinctive question, its ids, and the numbers of its votes.
 */
describe('scope of the people at the table (e2e)', () => {
  let t: TestApp;
  let admin: StaffSession;
  let analyst: StaffSession;
  const observers: Record<'tenant_org' | 'municipality', StaffSession> = {} as never;
  type Records = Record<'evening' | 'dilemma' | 'report' | 'agreement' | 'advice' | 'finding', string>;
  const none = (): Records => ({ evening: '', dilemma: '', report: '', agreement: '', advice: '', finding: '' });
  const ids = { L: none(), H: none() };
  let harlingenSecrets: string[];
  let routes: RouteInfo[];

  async function observer(role: 'tenant_org' | 'municipality', municipalities: string[]): Promise<StaffSession> {
    const email = `${role}-${randomUUID()}@test.huurdersstem.nl`;
    const password = `wachtwoord-${randomUUID()}`;
    const created = await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ email, name: `Aan tafel ${role}`, password, role, municipalities })
      .expect(201);
    expect(created.body).toMatchObject({ role, municipalities: municipalities.map((m) => m.trim()) });
    const login = await t.http.post('/api/auth/login').send({ email, password }).expect(200);
    const token = login.body.accessToken as string;
    return { id: created.body.id, email, role, token, auth: { Authorization: `Bearer ${token}` } };
  }

  async function done(reportId: string, who: StaffSession) {
    return waitFor(`report ${reportId}`, async () => {
      const res = await t.http.get(`/api/reports/${reportId}`).set(who.auth).expect(200);
      return ['done', 'failed'].includes(res.body.status) ? res.body : undefined;
    });
  }

  /** Status and readable text of a response: JSON and CSV as text, a PDF through pdftotext, an XLSX by its cells. */
  async function call(who: StaffSession, method: RouteInfo['method'], url: string, body?: unknown) {
    let req = t.http[method.toLowerCase() as 'get'](url).set(who.auth);
    if (body !== undefined) req = req.send(body as object);
    const res = await req.buffer(true).parse(asBytes);
    const text = await readableText(res.body as Buffer, String(res.headers['content-type'] ?? ''));
    return { status: res.status, text };
  }

  function leaks(text: string): string[] {
    const lower = text.toLowerCase();
    return harlingenSecrets.filter((secret) => lower.includes(secret.toLowerCase()));
  }

  /** Fills a route's parameters with one municipality's records, by the collection the parameter belongs to. */
  function urlFor(route: RouteInfo, side: 'L' | 'H'): string {
    return route.path.replace(/:(\w+)/g, (_match, name: string, offset: number) => {
      const before = route.path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
      const byCollection: Record<string, keyof Records> = {
        dilemmas: 'dilemma',
        reports: 'report',
        agreements: 'agreement',
        advice: 'advice',
        findings: 'finding',
      };
      const kind: keyof Records = /dilemma/i.test(name)
        ? 'dilemma'
        : /report/i.test(name)
          ? 'report'
          : (byCollection[before] ?? 'evening');
      return ids[side][kind];
    });
  }

  // A database of its own: the other suites add evenings (in Leeuwarden and Harlingen too) to the shared one meanwhile;
  // and a Redis prefix of its own, so that only this app's worker takes its report jobs (another would not find them).
  const databaseUrl = freshDatabaseUrl('scope');
  const redisPrefix = `${process.env.REDIS_PREFIX}_scope`;

  beforeAll(async () => {
    t = await bootTestApp({ DATABASE_URL: databaseUrl, REDIS_PREFIX: redisPrefix });
    [admin, analyst] = await Promise.all([staffSession(t, 'admin'), staffSession(t, 'analyst')]);
    observers.tenant_org = await observer('tenant_org', ['Leeuwarden']);
    observers.municipality = await observer('municipality', ['leeuwarden ']);

    const leeuwarden = await anEvening().titled('Bewonersavond Leeuwarden').in('Leeuwarden').save(t.dataSource);
    const harlingen = await anEvening().titled('Bewonersavond aan de haven').in('Harlingen').save(t.dataSource);
    // The same question at both evenings (one link key), with different numbers: pooled, Harlingen's would show.
    const shared = (evening: { id: string }) =>
      aDilemma()
        .of(evening)
        .about('inspraak')
        .asking('Hoe wilt u meepraten over uw buurt?')
        .linkedAs('inspraak-meepraten')
        .withOptions('Op een bewonersavond', 'Online', 'Via de huurdersorganisatie')
        .save(t.dataSource);
    const sharedL = await shared(leeuwarden);
    const sharedH = await shared(harlingen);
    const onlyH = await aDilemma()
      .of(harlingen)
      .about('leefbaarheid')
      .asking('Havenkade-vraag: moet de kade autovrij worden?')
      .withOptions('Havenkade autovrij', 'Havenkade zoals nu')
      .save(t.dataSource);
    await castVotes(t.dataSource, leeuwarden, sharedL.dilemma, [
      ...times(7, { municipality: 'Leeuwarden', choice: { optionIds: [sharedL.options[0].id] } }),
      ...times(5, { municipality: 'Leeuwarden', choice: { optionIds: [sharedL.options[1].id] } }),
    ]);
    await castVotes(t.dataSource, harlingen, sharedH.dilemma, [
      ...times(31, { municipality: 'Harlingen', choice: { optionIds: [sharedH.options[2].id] } }),
      ...times(6, { municipality: 'Harlingen', choice: { optionIds: [sharedH.options[1].id] } }),
    ]);
    await castVotes(
      t.dataSource,
      harlingen,
      onlyH.dilemma,
      times(23, { municipality: 'Harlingen', choice: { optionIds: [onlyH.options[0].id] } }),
    );

    // The register of both municipalities: an agreement each, advice on it, and a finding.
    for (const [side, municipality, text] of [
      ['L', 'Leeuwarden', 'Bilgaard: 120 woningen isoleren'],
      ['H', 'Harlingen', 'Havenkade: 40 woningen opknappen'],
    ] as const) {
      const agreement = await t.http
        .post('/api/agreements')
        .set(analyst.auth)
        .send({ municipality, year: 2026, text, party: 'corporatie', status: 'afgesproken' })
        .expect(201);
      const advice = await t.http
        .post(`/api/agreements/${agreement.body.id}/advice`)
        .set(admin.auth)
        .send({ text: `Advies over ${text}` })
        .expect(201);
      const finding = await t.http
        .post('/api/findings')
        .set(analyst.auth)
        .send({ municipality, text: `U zei: ${text}`, quotes: [], agreementIds: [agreement.body.id] })
        .expect(201);
      Object.assign(ids[side], { agreement: agreement.body.id, advice: advice.body.id, finding: finding.body.id });
    }

    ids.L.evening = leeuwarden.id;
    ids.L.dilemma = sharedL.dilemma.id;
    ids.H.evening = harlingen.id;
    ids.H.dilemma = onlyH.dilemma.id;
    harlingenSecrets = [
      'Harlingen',
      'haven',
      harlingen.id,
      sharedH.dilemma.id,
      onlyH.dilemma.id,
      harlingen.joinCode,
      ids.H.agreement,
      ids.H.advice,
      ids.H.finding,
    ];

    // An analyst's report of Harlingen; the observer's own report of Leeuwarden.
    const reportH = await t.http
      .post('/api/reports')
      .set(analyst.auth)
      .send({ municipalities: ['Harlingen'] })
      .expect(202);
    const reportL = await t.http.post('/api/reports').set(observers.tenant_org.auth).send({}).expect(202);
    ids.H.report = reportH.body.id;
    ids.L.report = reportL.body.id;
    expect((await done(ids.H.report, analyst)).status).toBe('done');
    expect((await done(ids.L.report, observers.tenant_org)).status).toBe('done');
    routes = applicationRoutes(t.app);
  });

  afterAll(async () => {
    await t?.close();
    await dropDatabase(databaseUrl);
    // A run without Redis (local backplane) has no keys to remove, and no REDIS_URL.
    if (process.env.REDIS_URL) await deleteKeysUnder(process.env.REDIS_URL, redisPrefix);
  });

  it('finds the routes to walk, with what the guard reads from them', () => {
    expect(routes.length).toBeGreaterThan(25);
    const scoped = routes.filter((r) => r.scoped).map((r) => `${r.method} ${r.path}`);
    expect(scoped).toEqual(
      expect.arrayContaining([
        'GET /api/policy-input',
        'GET /api/dilemmas/:id/results',
        'POST /api/reports',
        'GET /api/agreements/:id',
        'POST /api/agreements/:id/advice',
        'GET /api/findings/export.xlsx',
      ]),
    );
    expect(scoped).not.toContain('GET /api/evenings/:id/registrations');
  });

  it("shows Harlingen's data to an analyst (so the secrets below are really there to leak)", async () => {
    const policy = await call(analyst, 'GET', '/api/policy-input');
    expect(policy.status).toBe(200);
    expect(leaks(policy.text)).toEqual(expect.arrayContaining(['Harlingen', 'haven', ids.H.evening]));
    const csv = await call(analyst, 'GET', `/api/reports/${ids.H.report}/export.csv`);
    expect(leaks(csv.text)).toContain('haven');
    const register = await call(analyst, 'GET', '/api/register/export.xlsx');
    expect(leaks(register.text)).toEqual(expect.arrayContaining(['Harlingen', 'haven']));
  });

  describe.each(['tenant_org', 'municipality'] as const)('an observer for Leeuwarden (%s)', (role) => {
    it('is refused (403) on every staff route not opened to the people at the table', async () => {
      const closed = routes.filter((r) => !r.isPublic && !r.scoped);
      expect(closed.length).toBeGreaterThan(10);
      const wrong: string[] = [];
      for (const route of closed) {
        const { status, text } = await call(
          observers[role],
          route.method,
          urlFor(route, 'L'),
          route.method === 'GET' ? undefined : {},
        );
        if (status !== 403 || leaks(text).length) wrong.push(`${route.method} ${route.path} → ${status}`);
      }
      expect(wrong).toEqual([]);
    });

    it("is refused (403) Harlingen's record on every route that names one, and reaches Leeuwarden's", async () => {
      const named = routes.filter((r) => r.scoped && r.scoped !== 'filtered');
      expect(named.length).toBeGreaterThanOrEqual(6);
      const wrong: string[] = [];
      for (const route of named) {
        const other = await call(observers[role], route.method, urlFor(route, 'H'));
        if (other.status !== 403 || leaks(other.text).length)
          wrong.push(`${route.method} ${urlFor(route, 'H')} → ${other.status} ${leaks(other.text)}`);
        // A read answers; a write sent without a body gets past the guard to the validation (400), changing nothing.
        const own = await call(observers[role], route.method, urlFor(route, 'L'), route.method === 'GET' ? undefined : {});
        if (own.status !== (route.method === 'GET' ? 200 : 400) || leaks(own.text).length)
          wrong.push(`${route.method} ${urlFor(route, 'L')} → ${own.status} ${leaks(own.text)}`);
      }
      expect(wrong).toEqual([]);
    });

    it('gets nothing of Harlingen from any filtered route, whatever filter it asks for', async () => {
      const filtered = routes.filter((r) => r.scoped === 'filtered');
      const queries = [
        '',
        '?municipality=Harlingen',
        '?municipality=HARLINGEN',
        '?municipalities=Harlingen',
        `?eveningIds=${ids.H.evening}`,
      ];
      const bodies = [
        {},
        { municipalities: ['Harlingen'] },
        { municipalities: ['Leeuwarden', 'Harlingen'] },
        { eveningIds: [ids.H.evening] },
      ];
      const wrong: string[] = [];
      for (const route of filtered) {
        const base = urlFor(route, 'H');
        const tries =
          route.method === 'GET'
            ? queries.map((q) => ({ url: base + q, body: undefined }))
            : bodies.map((body) => ({ url: base, body }));
        for (const attempt of tries) {
          const res = await call(observers[role], route.method, attempt.url, attempt.body);
          if (res.status >= 500 || leaks(res.text).length)
            wrong.push(`${route.method} ${attempt.url} ${JSON.stringify(attempt.body ?? '')} → ${res.status} ${leaks(res.text)}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it("counts only Leeuwarden's votes in the policy input, also for a question asked in both places", async () => {
      const res = await t.http.get('/api/policy-input').set(observers[role].auth).expect(200);
      const dilemmas = res.body.themes.flatMap((theme: { dilemmas: unknown[] }) => theme.dilemmas);
      expect(dilemmas).toHaveLength(1);
      expect(dilemmas[0]).toMatchObject({ total: 12 });
      const mine = await t.http.get('/api/policy-input?municipality=LEEUWARDEN').set(observers[role].auth).expect(200);
      expect(mine.body.themes.flatMap((theme: { dilemmas: unknown[] }) => theme.dilemmas)).toHaveLength(1);
      // Asking outright for another municipality is refused, not answered with less.
      await t.http.get('/api/policy-input?municipality=Harlingen').set(observers[role].auth).expect(403);
    });

    it('lists only Leeuwarden evenings, without join codes', async () => {
      const res = await t.http.get('/api/evenings').set(observers[role].auth).expect(200);
      expect(res.body.map((e: { id: string }) => e.id)).toEqual([ids.L.evening]);
      expect(res.body[0]).not.toHaveProperty('joinCode');
      const one = await t.http.get(`/api/evenings/${ids.L.evening}`).set(observers[role].auth).expect(200);
      expect(one.body).not.toHaveProperty('joinCode');
    });

    it("has a report made of Leeuwarden only, and cannot ask for one of Harlingen's", async () => {
      const pdf = await call(observers[role], 'GET', `/api/reports/${ids.L.report}/export.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.text).toContain('Leeuwarden');
      expect(leaks(pdf.text)).toEqual([]);
      for (const body of [{ municipalities: ['Harlingen'] }, { eveningIds: [ids.H.evening] }]) {
        await t.http.post('/api/reports').set(observers[role].auth).send(body).expect(403);
      }
    });

    it('cannot open the live console of an evening, not even its own', async () => {
      await expect(connectStaff(t.url, observers[role], ids.L.evening)).rejects.toThrow('unauthorized');
    });
  });

  describe('accounts for the people at the table', () => {
    const account = (extra: Record<string, unknown>) => ({
      email: `aan-tafel-${randomUUID()}@test.huurdersstem.nl`,
      name: 'Huurdersvereniging',
      password: 'een-lang-wachtwoord',
      ...extra,
    });

    it.each([
      ['a scoped role without municipalities', { role: 'tenant_org' }],
      ['a scoped role with an empty list', { role: 'municipality', municipalities: [] }],
      ['a blank municipality', { role: 'municipality', municipalities: ['  '] }],
      ['municipalities that are not a list', { role: 'tenant_org', municipalities: 'Leeuwarden' }],
      ['a municipality that is not text', { role: 'tenant_org', municipalities: [12] }],
      ['municipalities for an analyst', { role: 'analyst', municipalities: ['Leeuwarden'] }],
      ['municipalities for an admin', { role: 'admin', municipalities: ['Leeuwarden'] }],
      ['an unknown role', { role: 'observer', municipalities: ['Leeuwarden'] }],
      ['too many municipalities', { role: 'tenant_org', municipalities: Array.from({ length: 51 }, (_, i) => `Gemeente ${i}`) }],
    ])('refuses %s (400) and creates nothing', async (_name, extra) => {
      const body = account(extra);
      await t.http.post('/api/users').set(admin.auth).send(body).expect(400);
      await t.http.post('/api/auth/login').send({ email: body.email, password: body.password }).expect(401);
    });

    it('refuses an e-mail address that exists (409)', async () => {
      const body = account({ role: 'tenant_org', municipalities: ['Leeuwarden'] });
      await t.http.post('/api/users').set(admin.auth).send(body).expect(201);
      await t.http
        .post('/api/users')
        .set(admin.auth)
        .send({ ...body, role: 'municipality' })
        .expect(409);
    });

    it('lets only an admin create them', async () => {
      for (const who of [analyst, observers.tenant_org]) {
        await t.http
          .post('/api/users')
          .set(who.auth)
          .send(account({ role: 'tenant_org', municipalities: ['Leeuwarden'] }))
          .expect(403);
      }
    });

    it('shows the municipalities on /api/me, de-duplicated and trimmed', async () => {
      const me = await t.http.get('/api/me').set(observers.municipality.auth).expect(200);
      expect(me.body).toMatchObject({ role: 'municipality', municipalities: ['leeuwarden'] });
      const body = account({ role: 'tenant_org', municipalities: ['Leeuwarden', ' leeuwarden', 'Harlingen '] });
      const created = await t.http.post('/api/users').set(admin.auth).send(body).expect(201);
      expect(created.body.municipalities).toEqual(['Leeuwarden', 'Harlingen']);
    });
  });
});
