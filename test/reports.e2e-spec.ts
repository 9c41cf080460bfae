import { randomUUID } from 'node:crypto';
import { TokenService } from '@hs/domain';
import { AuditLogEntity, JobQueueRepository, ReportRepository } from '@hs/persistence';
import { jobIds } from '@hs/contracts';
import { aDilemma, aManualCount, anEvening, castVotes, times } from './support/aggregation-builders';
import { pdfPages } from './support/pdf-text';
import { asBytes, bootWithStaff, type StaffSession, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

describe('reports and policy input (e2e)', () => {
  let t: TestApp;
  let analyst: StaffSession;
  let admin: StaffSession;
  let facilitator: StaffSession;
  const awkward = 'Huur; "betaalbaar"\nof duurzaam';
  let eveningA: { id: string };
  let eveningB: { id: string };

  async function finished(id: string, who: StaffSession = analyst) {
    return waitFor(`report ${id}`, async () => {
      const res = await t.http.get(`/api/reports/${id}`).set(who.auth).expect(200);
      return ['done', 'failed'].includes(res.body.status) ? res.body : undefined;
    });
  }

  beforeAll(async () => {
    ({ t, admin, facilitator, analyst } = await bootWithStaff());
    // The same two dilemmas at two evenings in different municipalities; they differ clearly on the first.
    eveningA = await anEvening()
      .titled('Avond Leeuwarden')
      .in('Leeuwarden')
      .startingAt('2026-10-01T17:00:00Z')
      .save(t.dataSource);
    eveningB = await anEvening()
      .titled('Avond Sneek')
      .in('Súdwest-Fryslân')
      .alsoServing('Harlingen')
      .startingAt('2026-10-08T17:00:00Z')
      .save(t.dataSource);
    // A budget dilemma at the first evening only: 10 points over two options, five people.
    const b = await aDilemma()
      .of(eveningA)
      .about('woning')
      .asking('Verdeel 10 punten over het onderhoud')
      .ofKind('budget', { budget: 10 })
      .withOptions({ label: 'Isolatie', consequence: 'Huur + € 12 per maand' }, { label: 'Keukens', consequence: null })
      .save(t.dataSource);
    await castVotes(
      t.dataSource,
      eveningA,
      b.dilemma,
      [{ 0: 10 }, { 0: 2, 1: 8 }, { 1: 10 }, { 1: 10 }, { 1: 10 }].map((points) => ({
        choice: { allocation: Object.fromEntries(Object.entries(points).map(([i, n]) => [b.options[Number(i)].id, n])) },
      })),
    );
    for (const [evening, split] of [
      [eveningA, [30, 5]],
      [eveningB, [5, 30]],
    ] as const) {
      const d = await aDilemma()
        .of(evening)
        .about('betaalbaarheid')
        .asking('Wat gaat voor: lagere huur of duurzame woningen?')
        .inRound(2)
        .withOptions(
          { label: awkward, consequence: 'Minder geld voor onderhoud' },
          { label: 'Duurzame woningen', consequence: null },
        )
        .save(t.dataSource);
      const voters = await castVotes(t.dataSource, evening, d.dilemma, [
        ...times(split[0], { group: 'tenant' as const, municipality: 'Leeuwarden', choice: { optionIds: [d.options[0].id] } }),
        ...times(split[1], { group: 'tenant_org' as const, municipality: 'Harlingen', choice: { optionIds: [d.options[1].id] } }),
        ...times(2, { group: 'stakeholder' as const, municipality: 'Leeuwarden', choice: { optionIds: [d.options[1].id] } }),
      ]);
      // After discussion the first four switch to the second option; the evenings still differ clearly.
      const firstChoice = (i: number) => (i < split[0] ? 0 : 1);
      await castVotes(
        t.dataSource,
        evening,
        d.dilemma,
        voters.map((participantId, i) => ({
          participantId,
          round: 2,
          choice: { optionIds: [d.options[i < 4 ? 1 : firstChoice(i)].id] },
        })),
      );
      await aManualCount()
        .on(d.dilemma)
        .inRound(2)
        .counting({ [d.options[0].id]: 3 })
        .save(t.dataSource);
      const s = await aDilemma()
        .of(evening)
        .about('woongenot')
        .asking('Ik ben tevreden over mijn woning.')
        .ofKind('scale')
        .save(t.dataSource);
      await castVotes(
        t.dataSource,
        evening,
        s.dilemma,
        [4, 4, 5, 3, 2, 4].map((value) => ({ choice: { value } })),
      );
    }
  }, 60_000);
  afterAll(async () => {
    await t.close();
  }, 30_000);

  it('renders a report: queued, then done with progress 100, a tidy Dutch CSV and a PDF with the dilemma texts', async () => {
    const created = await t.http
      .post('/api/reports')
      .set(analyst.auth)
      .send({ eveningIds: [eveningA.id, eveningB.id] })
      .expect(202);
    expect(created.body).toEqual({ id: expect.any(String), status: 'queued' });
    const report = await finished(created.body.id);
    expect(report).toMatchObject({ status: 'done', progress: 100 });
    const dilemma = report.result.themes.find((th: { theme: string }) => th.theme === 'betaalbaarheid').dilemmas[0];
    expect(dilemma.evenings).toHaveLength(2);
    // final round pooled: 2 × (37 people + 3 by hand) = 80
    expect(dilemma.total).toBe(80);
    expect(dilemma.comparison).not.toBeNull();
    expect(dilemma.shift.dilemmas).toBe(2);
    expect(dilemma.groups.find((g: { key: string }) => g.key === 'stakeholder')).toEqual({
      key: 'stakeholder',
      n: null,
      suppressed: true,
      options: null,
    });

    const csv = await t.http
      .get(`/api/reports/${created.body.id}/export.csv`)
      .set(analyst.auth)
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('thema;dilemma;vraag;soort;onderdeel;segment;optie;maat;waarde;ci95_laag;ci95_hoog;n;onderdrukt');
    expect(text).toContain('"Huur; ""betaalbaar""\nof duurzaam"');
    expect(text).toMatch(/;Eén keuze;Totaal;;Duurzame woningen;Aandeel;0,\d{4};0,\d{4};0,\d{4};80;nee/);
    expect(text).toContain(';Groep;Partners;;Niet getoond;;;;;ja');
    expect(text).not.toMatch(/;Groep;Partners;[^;]+;Aandeel/);
    expect(text).toContain(';Groep;Huurdersorganisaties;Duurzame woningen;Aandeel;');
    expect(text).toContain(';Schaal van 1 tot 5;Totaal;;4 – Eens;Aantal;');
    // The glossary's words only: no group, kind or bucket codes and no link keys in anything people read.
    expect(text).not.toMatch(/tenant_org|stakeholder|\bunknown\b|;choice;|;scale;|;budget;|link:|;groep;|;aandeel;/);
    for (const line of lines.slice(1, -1)) expect(line.split(';')[1]).toMatch(/^\d+\.\d+$/);

    const pdf = await t.http
      .get(`/api/reports/${created.body.id}/export.pdf`)
      .set(admin.auth)
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = pdfPages(pdf.body as Buffer);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages[0]).toContain('Beleidsinput uit de bewonersavonden');
    expect(pages[0]).toContain('Avond Leeuwarden (Leeuwarden); Avond Sneek (Súdwest-Fryslân)');
    const all = pages.join('\n');
    expect(all).toContain('Wat gaat voor: lagere huur of duurzame woningen?');
    expect(all).toContain('Ik ben tevreden over mijn woning.');
    expect(all).toContain('Verschuiving na discussie');
    expect(all).toContain('Verantwoording');
    expect(all).toContain('Partners (niet getoond)');
    // Budget: a table of the share of the points, the mean points and who gave any; the consequence counts people.
    const flat = all.replace(/\s+/g, ' ');
    expect(flat).toContain('Gemiddeld aantal punten');
    expect(flat).toContain('Gaf er toch punten aan');

    const audit = await t.dataSource.getRepository(AuditLogEntity).findBy({ targetId: created.body.id });
    expect(audit.map((a) => a.action).sort()).toEqual(['report.create', 'report.export-csv', 'report.export-pdf']);
  }, 30_000);

  it('gives an empty report, not an error, for scopes that match nothing', async () => {
    for (const scope of [
      { eveningIds: [] },
      { municipalities: ['Nergenshuizen'] },
      { eveningIds: [eveningA.id], themes: ['inspraak'] },
    ]) {
      const created = await t.http.post('/api/reports').set(admin.auth).send(scope).expect(202);
      const report = await finished(created.body.id, admin);
      expect(report).toMatchObject({ status: 'done', result: { themes: [] } });
      const csv = await t.http.get(`/api/reports/${created.body.id}/export.csv`).set(admin.auth).expect(200);
      expect(csv.text.trim().split('\r\n')).toHaveLength(1);
    }
  }, 30_000);

  it('answers 409 for exports before the report is done and 404 for unknown reports', async () => {
    const pending = await t.app.get(ReportRepository).create({}, analyst.id);
    await t.http
      .get(`/api/reports/${pending.id}`)
      .set(analyst.auth)
      .expect(200, /"status":"queued"/);
    await t.http.get(`/api/reports/${pending.id}/export.csv`).set(analyst.auth).expect(409);
    await t.http.get(`/api/reports/${pending.id}/export.pdf`).set(analyst.auth).expect(409);
    await t.http.get(`/api/reports/${randomUUID()}`).set(analyst.auth).expect(404);
    await t.http.get(`/api/reports/${randomUUID()}/export.csv`).set(analyst.auth).expect(404);
    await t.http.get('/api/reports/nope').set(analyst.auth).expect(400);
  }, 30_000);

  it('marks a report failed with the reason when its job cannot succeed', async () => {
    const broken = await t.app.get(ReportRepository).create({ themes: ['bestaat-niet'] }, analyst.id);
    await t.app
      .get(JobQueueRepository)
      .enqueue('render-report', { reportId: broken.id }, { jobId: jobIds.renderReport(broken.id) });
    const report = await finished(broken.id);
    expect(report).toMatchObject({ status: 'failed', error: expect.stringContaining('bestaat-niet') });
  }, 30_000);

  it('refuses wrong roles and bad scopes', async () => {
    const tenantToken = t.app.get(TokenService).signParticipant(randomUUID(), eveningA.id);
    await t.http.post('/api/reports').set(facilitator.auth).send({}).expect(403);
    await t.http.post('/api/reports').set('Authorization', `Bearer ${tenantToken}`).send({}).expect(401);
    await t.http.post('/api/reports').send({}).expect(401);
    await t.http.get('/api/policy-input').set(facilitator.auth).expect(403);
    await t.http
      .put('/api/weights')
      .set(facilitator.auth)
      .send({ households: { Leeuwarden: 1 } })
      .expect(403);
    const bad = [
      { themes: ['onbekend-thema'] },
      { eveningIds: ['not-a-uuid'] },
      { eveningIds: 'x' },
      { municipalities: [42] },
      { municipalities: [''] },
      { colour: 'blue' },
      { eveningIds: Array.from({ length: 1001 }, () => randomUUID()) },
      // An evening that does not exist is a mistake in the request, not an empty selection.
      { eveningIds: [randomUUID()] },
      { groups: ['tenant', 'huurder'] },
    ];
    for (const body of bad) {
      const res = await t.http.post('/api/reports').set(analyst.auth).send(body);
      expect([JSON.stringify(body).slice(0, 40), res.status]).toEqual([JSON.stringify(body).slice(0, 40), 400]);
    }
    await t.http
      .post('/api/reports')
      .set(analyst.auth)
      .send({ municipalities: ['x'.repeat(99)].concat(Array(2000).fill('y'.repeat(60))) })
      .expect(413);
    // The largest list allowed is read and checked (none of these evenings exists): a clear 400, not a 5xx.
    const huge = await t.http
      .post('/api/reports')
      .set(analyst.auth)
      .send({ eveningIds: Array.from({ length: 1000 }, () => randomUUID()) })
      .expect(400);
    expect(huge.body.message).toMatch(/^Onbekende avond/);
  }, 30_000);

  it('serves policy input per theme and municipality, validates its parameters, and weights by households', async () => {
    // Other test files share the database: find this file's dilemma by its question.
    const QUESTION = 'Wat gaat voor: lagere huur of duurzame woningen?';
    type Body = { themes: Array<{ theme: string; dilemmas: Array<{ question: string; evenings: unknown[] }> }> };
    const find = (body: Body) => body.themes.flatMap((th) => th.dilemmas).find((d) => d.question === QUESTION);
    const all = await t.http.get('/api/policy-input').set(analyst.auth).expect(200);
    expect(all.body.themes.map((th: { theme: string }) => th.theme)).toEqual(
      expect.arrayContaining(['betaalbaarheid', 'woongenot']),
    );
    expect(find(all.body)!.evenings).toHaveLength(2);
    const one = await t.http.get('/api/policy-input?theme=betaalbaarheid&municipality=leeuwarden').set(analyst.auth).expect(200);
    expect(one.body.themes.map((th: { theme: string }) => th.theme)).toEqual(['betaalbaarheid']);
    expect(find(one.body)!.evenings).toHaveLength(1);
    const none = await t.http.get('/api/policy-input?municipality=Nergenshuizen').set(admin.auth).expect(200);
    expect(none.body.themes).toEqual([]);
    await t.http.get('/api/policy-input?theme=&municipality=').set(analyst.auth).expect(200);
    await t.http.get('/api/policy-input?theme=onbekend').set(analyst.auth).expect(400);
    await t.http.get('/api/policy-input?colour=blue').set(analyst.auth).expect(400);

    await t.http
      .put('/api/weights')
      .set(analyst.auth)
      .send({ households: { Leeuwarden: 3000, Harlingen: 1000 } })
      .expect(200);
    await t.http
      .put('/api/weights')
      .set(analyst.auth)
      .send({ households: { Leeuwarden: -1 } })
      .expect(400);
    await t.http.put('/api/weights').set(analyst.auth).send({ households: 'veel' }).expect(400);
    const weighted = await t.http.get('/api/policy-input?theme=betaalbaarheid').set(analyst.auth).expect(200);
    const dilemma = find(weighted.body) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(dilemma.weighting.municipalities).toEqual(['Harlingen', 'Leeuwarden']);
    // weighted = (3000 · share in Leeuwarden + 1000 · share in Harlingen) / 4000, from the (visible) municipality segments
    const segment = (key: string) => dilemma.municipalities.find((m: { key: string }) => m.key === key);
    const [leeuwarden, harlingen] = [segment('Leeuwarden'), segment('Harlingen')];
    const first = dilemma.weighting.options[0];
    expect(first.weightedShare).toBeCloseTo((3000 * leeuwarden.options[0].share + 1000 * harlingen.options[0].share) / 4000, 10);
    expect(first.rawShare).toBeCloseTo(
      (leeuwarden.options[0].count + harlingen.options[0].count) / (leeuwarden.n + harlingen.n),
      10,
    );
    expect(dilemma.comparison.differs.length).toBeGreaterThan(0);
  }, 30_000);

  it('weights by municipality and age band (raking), reads the weights back and audits every change', async () => {
    const QUESTION = 'Wat gaat voor: lagere huur of duurzame woningen?';
    type Body = { themes: Array<{ theme: string; dilemmas: Array<{ question: string; evenings: unknown[] }> }> };
    const find = (body: Body) => body.themes.flatMap((th) => th.dilemmas).find((d) => d.question === QUESTION);
    await t.http
      .put('/api/weights')
      .set(analyst.auth)
      .send({ households: { Leeuwarden: 3000, Harlingen: 1000 } })
      .expect(200);
    const weighted = await t.http.get(`/api/policy-input?eveningIds=${eveningA.id},${eveningB.id}`).set(analyst.auth).expect(200);
    const dilemma = find(weighted.body) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const first = dilemma.weighting.options[0];
    expect(dilemma.weighting).toMatchObject({
      method: 'post-stratification',
      margins: ['municipality'],
      designEffectLarge: false,
    });
    // Raw and weighted side by side, over the same respondents; Kish's n_eff never exceeds them.
    expect(dilemma.weighting.effectiveN).toBeLessThanOrEqual(dilemma.weighting.respondents);
    expect(dilemma.weighting.designEffect).toBeCloseTo(dilemma.weighting.respondents / dilemma.weighting.effectiveN, 10);

    // Both margins: raking on municipality × age band (here everybody is 65-79, so it matches the municipality weights).
    const both = await t.http
      .put('/api/weights')
      .set(admin.auth)
      .send({ households: { Leeuwarden: 3000, Harlingen: 1000 }, ageBands: { '65-79': 2500, '80+': 500 } })
      .expect(200);
    expect(both.body).toMatchObject({
      households: { Leeuwarden: 3000, Harlingen: 1000 },
      ageBands: { '65-79': 2500, '80+': 500 },
      updatedBy: admin.id,
    });
    const read = await t.http.get('/api/weights').set(analyst.auth).expect(200);
    expect(read.body).toEqual(both.body);
    expect(new Date(read.body.updatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const raked = find(
      (await t.http.get('/api/policy-input?theme=betaalbaarheid').set(analyst.auth).expect(200)).body,
    ) as unknown as Record<
      string,
      any // eslint-disable-line @typescript-eslint/no-explicit-any
    >;
    expect(raked.weighting).toMatchObject({
      method: 'raking',
      margins: ['municipality', 'ageBand'],
      ageBands: ['65-79'],
      converged: true,
    });
    expect(raked.weighting.options[0].weightedShare).toBeCloseTo(first.weightedShare, 8);
    // Version 1's body still works and leaves the age bands as they are.
    const v1 = await t.http
      .put('/api/weights')
      .set(analyst.auth)
      .send({ households: { Leeuwarden: 3000, Harlingen: 1000 } })
      .expect(200);
    expect(v1.body.ageBands).toEqual({ '65-79': 2500, '80+': 500 });
    for (const body of [
      { households: { Leeuwarden: 10 }, ageBands: { '90+': 5 } },
      { households: { Leeuwarden: 10 }, ageBands: { '65-79': 0 } },
      { households: { Leeuwarden: 10 }, ageBands: { '65-79': 1.5 } },
      { households: { Leeuwarden: 10 }, ageBands: 'oud' },
      { households: { Leeuwarden: 10, leeuwarden: 5 } },
      { ageBands: { '65-79': 10 } },
    ]) {
      const res = await t.http.put('/api/weights').set(analyst.auth).send(body);
      expect([JSON.stringify(body).slice(0, 50), res.status]).toEqual([JSON.stringify(body).slice(0, 50), 400]);
    }
    expect((await t.http.get('/api/weights').set(analyst.auth).expect(200)).body.ageBands).toEqual({ '65-79': 2500, '80+': 500 });
    await t.http.get('/api/weights').set(facilitator.auth).expect(403);
    // Who changed what, and when: the audit log holds the tables before and after.
    const changes = await t.dataSource
      .getRepository(AuditLogEntity)
      .find({ where: { action: 'weights.replace' }, order: { id: 'ASC' } });
    const mine = changes.find((c) => c.actorId === admin.id)!;
    expect(mine.details).toEqual({
      before: { households: { Harlingen: 1000, Leeuwarden: 3000 }, ageBands: {} },
      after: { households: { Leeuwarden: 3000, Harlingen: 1000 }, ageBands: { '65-79': 2500, '80+': 500 } },
    });
    await t.http.put('/api/weights').set(admin.auth).send({ households: {}, ageBands: {} }).expect(200);
  }, 60_000);

  it('serves the glossary the reports are written in, without a sign-in, and documents it', async () => {
    const res = await t.http.get('/api/glossary').expect(200);
    expect(res.body.languages).toEqual(['nl', 'fy', 'en']);
    expect(res.body.terms['group.stakeholder']).toEqual({ nl: 'Partners', fy: 'Partners', en: 'Partners' });
    expect(res.body.terms['segment.unknown'].nl).toBe('Onbekend');
    expect(res.body.terms['explain.suppression'].nl).toContain('{n}');
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toContain('/api/glossary');
  });
});
