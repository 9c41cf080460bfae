import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { AggregationService } from '@hs/domain';
import { aDilemma, anEvening, castVotes, times } from './support/aggregation-builders';
import { asBytes, bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** "U zei, wij deden": findings with frozen quotes, publication, the public feedback and its history. */
describe('findings and public feedback (e2e)', () => {
  let t: TestApp;
  let analyst: StaffSession;
  const municipality = `Leeuwarden-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    t = await bootTestApp();
    analyst = await staffSession(t, 'analyst');
  });
  afterAll(async () => {
    await t.close();
  });

  /** An ended evening in `place` with one choice dilemma: 30 chose the first option, 10 the second. */
  async function aVotedDilemma(place = municipality) {
    const evening = await anEvening().in(place).save(t.dataSource);
    const { dilemma, options } = await aDilemma().of(evening).withOptions('Nu isoleren', 'Huur gelijk').save(t.dataSource);
    await castVotes(t.dataSource, evening, dilemma, [
      ...times(30, { choice: { optionIds: [options[0].id] } }),
      ...times(10, { choice: { optionIds: [options[1].id] } }),
    ]);
    await t.app.get(AggregationService).recount([dilemma.id]);
    return { evening, dilemma, options };
  }

  async function anAgreement() {
    return (
      await t.http
        .post('/api/agreements')
        .set(analyst.auth)
        .send({
          municipality,
          year: 2026,
          text: 'De corporatie isoleert 300 woningen.',
          party: 'corporatie',
          status: 'afgesproken',
        })
        .expect(201)
    ).body;
  }

  it('freezes the quoted figures: new votes and a recount after publication change nothing that was published', async () => {
    const { evening, dilemma, options } = await aVotedDilemma();
    const agreement = await anAgreement();
    const created = await t.http
      .post('/api/findings')
      .set(analyst.auth)
      .send({
        municipality,
        text: 'U koos vaker voor nu isoleren dan voor een gelijke huur.',
        quotes: [{ dilemmaId: dilemma.id, optionId: options[0].id }],
        agreementIds: [agreement.id],
      })
      .expect(201);
    expect(created.body).toMatchObject({ state: 'draft', publishedAt: null, agreementIds: [agreement.id] });
    expect(created.body.quotes[0]).toMatchObject({ label: 'Nu isoleren', count: 30, total: 40, share: 0.75, round: 1 });
    const published = (await t.http.post(`/api/findings/${created.body.id}/publish`).set(analyst.auth).expect(200)).body;
    expect(published.state).toBe('published');

    // 60 more votes for the other option and a recount: the live results move, the published quote does not.
    await castVotes(t.dataSource, evening, dilemma, times(60, { choice: { optionIds: [options[1].id] } }));
    await t.app.get(AggregationService).recount([dilemma.id]);
    const live = (await t.http.get(`/api/dilemmas/${dilemma.id}/results`).set(analyst.auth).expect(200)).body;
    expect(live.total).toBe(100);

    const feedback = (await t.http.get(`/api/public/feedback?municipality=${municipality}`).expect(200)).body;
    const mine = feedback.find((f: { id: string }) => f.id === created.body.id);
    expect(mine.quotes).toEqual(created.body.quotes);
    expect(mine.quotes[0]).toMatchObject({ count: 30, total: 40, share: 0.75 });

    // Its sentence and figures are fixed now (409), and nothing changed.
    const refused = await t.http
      .patch(`/api/findings/${created.body.id}`)
      .set(analyst.auth)
      .send({ quotes: [{ dilemmaId: dilemma.id, optionId: options[1].id }] })
      .expect(409);
    expect(refused.body.message).toContain('gepubliceerd');
    await t.http.patch(`/api/findings/${created.body.id}`).set(analyst.auth).send({ text: 'Anders' }).expect(409);
    await t.http.post(`/api/findings/${created.body.id}/publish`).set(analyst.auth).expect(409);
    const again = (await t.http.get(`/api/findings/${created.body.id}`).set(analyst.auth).expect(200)).body;
    expect(again.quotes).toEqual(created.body.quotes);
    expect(again.text).toBe('U koos vaker voor nu isoleren dan voor een gelijke huur.');
  });

  it('lists published findings only, with response, outcome, linked agreements and their history', async () => {
    const { dilemma, options } = await aVotedDilemma();
    const agreement = await anAgreement();
    const send = (text: string) =>
      t.http
        .post('/api/findings')
        .set(analyst.auth)
        .send({ municipality, text, quotes: [{ dilemmaId: dilemma.id, optionId: options[1].id }], agreementIds: [agreement.id] })
        .expect(201);
    const draft = (await send('Nog een concept, niet openbaar.')).body;
    const shown = (await send('Een kwart koos voor een gelijke huur.')).body;
    await t.http.post(`/api/findings/${shown.id}/publish`).set(analyst.auth).expect(200);
    await t.http
      .patch(`/api/findings/${shown.id}`)
      .set(analyst.auth)
      .send({ response: 'We isoleren, de huur stijgt niet meer dan de inflatie.', outcome: 'deels_overgenomen' })
      .expect(200);
    await t.http
      .post(`/api/agreements/${agreement.id}/status`)
      .set(analyst.auth)
      .send({ status: 'in_uitvoering', on: '2026-09-01' })
      .expect(200);

    const feedback = (await t.http.get(`/api/public/feedback?municipality=${municipality.toLowerCase()}`).expect(200))
      .body as Array<{
      id: string;
      response: string;
      outcome: string;
      agreements: Array<{ id: string; status: string }>;
      history: Array<{ kind: string; outcome?: string; agreementStatus?: string; on: string }>;
    }>;
    const ids = feedback.map((f) => f.id);
    expect(ids).toContain(shown.id);
    expect(ids).not.toContain(draft.id);
    const mine = feedback.find((f) => f.id === shown.id)!;
    expect(mine).toMatchObject({
      response: 'We isoleren, de huur stijgt niet meer dan de inflatie.',
      outcome: 'deels_overgenomen',
    });
    expect(mine.agreements).toEqual([expect.objectContaining({ id: agreement.id, status: 'in_uitvoering' })]);
    const kinds = mine.history.map((h) => h.kind);
    expect(kinds).toEqual(expect.arrayContaining(['published', 'outcome', 'response', 'agreement']));
    expect(mine.history).toContainEqual(
      expect.objectContaining({ kind: 'agreement', agreementStatus: 'in_uitvoering', on: '2026-09-01' }),
    );
    expect(mine.history).toContainEqual(expect.objectContaining({ kind: 'outcome', outcome: 'deels_overgenomen' }));
    const sorted = [...mine.history].sort((a, b) => a.on.localeCompare(b.on));
    expect(mine.history).toEqual(sorted);

    const municipalities = (await t.http.get('/api/public/feedback/municipalities').expect(200)).body;
    expect(municipalities).toContain(municipality);
    const elsewhere = (await t.http.get('/api/public/feedback?municipality=Nergensland').expect(200)).body;
    expect(elsewhere).toEqual([]);
    await t.http.get('/api/public/feedback?roundId=not-a-uuid').expect(400);
    await t.http.get('/api/public/feedback?gemeente=x').expect(400);
  });

  it('refuses quotes of another municipality, of too few people, of unknown options and dilemmas, and bad bodies', async () => {
    const { dilemma, options } = await aVotedDilemma(`Harlingen-${randomUUID().slice(0, 8)}`);
    const evening = await anEvening().in(municipality).save(t.dataSource);
    const small = await aDilemma().of(evening).withOptions('Ja', 'Nee').save(t.dataSource);
    await castVotes(t.dataSource, evening, small.dilemma, times(3, { choice: { optionIds: [small.options[0].id] } }));
    await t.app.get(AggregationService).recount([small.dilemma.id]);
    const base = { municipality, text: 'Zin.' };
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ ...base, quotes: [{ dilemmaId: dilemma.id, optionId: options[0].id }] }, 400],
      [{ ...base, quotes: [{ dilemmaId: small.dilemma.id, optionId: small.options[0].id }] }, 400],
      [{ ...base, quotes: [{ dilemmaId: small.dilemma.id, optionId: 'nope' }] }, 400],
      [{ ...base, quotes: [{ dilemmaId: randomUUID(), optionId: 'x' }] }, 400],
      [{ ...base, quotes: [{ dilemmaId: small.dilemma.id, optionId: small.options[0].id, round: 2 }] }, 400],
      [{ ...base, quotes: [{ dilemmaId: 'x', optionId: 'y' }] }, 400],
      [{ ...base, quotes: 'veel' }, 400],
      [{ ...base }, 400],
      [{ ...base, quotes: [], outcome: 'gedaan' }, 400],
      [{ ...base, quotes: [], translations: { de: 'Satz' } }, 400],
      [{ ...base, quotes: [], agreementIds: [randomUUID()] }, 400],
      [{ ...base, quotes: [], state: 'published' }, 400],
    ];
    for (const [body, status] of cases) await t.http.post('/api/findings').set(analyst.auth).send(body).expect(status);
    const facilitator = await staffSession(t, 'facilitator');
    await t.http
      .post('/api/findings')
      .set(facilitator.auth)
      .send({ ...base, quotes: [] })
      .expect(403);
    await t.http.post(`/api/findings/${randomUUID()}/publish`).set(analyst.auth).expect(404);
    await t.http.patch(`/api/findings/${randomUUID()}`).set(analyst.auth).send({ response: 'x' }).expect(404);
    const draft = (
      await t.http
        .post('/api/findings')
        .set(analyst.auth)
        .send({ ...base, quotes: [] })
        .expect(201)
    ).body;
    for (const body of [
      { text: null },
      { quotes: null },
      { response: null },
      { outcome: null },
      { translations: { fy: null } },
      { agreementIds: null },
    ]) {
      await t.http.patch(`/api/findings/${draft.id}`).set(analyst.auth).send(body).expect(400);
    }
    const ok = await t.http
      .post('/api/findings')
      .set(analyst.auth)
      .send({ ...base, quotes: [], translations: { fy: 'Sin.', en: 'Sentence.' } })
      .expect(201);
    expect(ok.body.translations).toEqual({ fy: 'Sin.', en: 'Sentence.' });
  });

  it('records advice on an agreement and the corporation’s response once, both audited', async () => {
    const admin = await staffSession(t, 'admin');
    const agreement = await anAgreement();
    const advice = (
      await t.http
        .post(`/api/agreements/${agreement.id}/advice`)
        .set(admin.auth)
        .send({ text: 'Begin bij de oudste flats.', on: '2026-04-02' })
        .expect(201)
    ).body;
    expect(advice).toMatchObject({ agreementId: agreement.id, givenOn: '2026-04-02', response: null });
    await t.http.post(`/api/agreements/${agreement.id}/advice`).set(analyst.auth).send({ text: 'x' }).expect(403);
    const answered = (
      await t.http
        .post(`/api/advice/${advice.id}/response`)
        .set(analyst.auth)
        .send({ text: 'We beginnen in Heechterp.' })
        .expect(200)
    ).body;
    expect(answered.response).toBe('We beginnen in Heechterp.');
    await t.http.post(`/api/advice/${advice.id}/response`).set(analyst.auth).send({ text: 'Toch anders.' }).expect(409);
    await t.http.post(`/api/advice/${randomUUID()}/response`).set(analyst.auth).send({ text: 'x' }).expect(404);
    await t.http.post(`/api/advice/${advice.id}/response`).set(analyst.auth).send({ text: '' }).expect(400);
    const detail = (await t.http.get(`/api/agreements/${agreement.id}`).set(analyst.auth).expect(200)).body;
    expect(detail.advice).toEqual({ given: 1, answered: 1 });
    expect(detail.adviceItems[0]).toMatchObject({ text: 'Begin bij de oudste flats.', response: 'We beginnen in Heechterp.' });
    const audit = (await t.http.get('/api/audit?limit=200').set(admin.auth).expect(200)).body as Array<{
      action: string;
      targetId: string;
    }>;
    const actions = audit.filter((e) => e.targetId === advice.id).map((e) => e.action);
    expect(actions.sort()).toEqual(['advice.give', 'advice.respond']);
  });

  it('adds the chapter "Wat er met de inbreng gebeurde" to the PDF report, with the published findings of its municipalities only', async () => {
    const { dilemma, options } = await aVotedDilemma();
    const agreement = await anAgreement();
    const send = (text: string) =>
      t.http
        .post('/api/findings')
        .set(analyst.auth)
        .send({ municipality, text, quotes: [{ dilemmaId: dilemma.id, optionId: options[0].id }], agreementIds: [agreement.id] })
        .expect(201);
    const shown = (await send('Hoofdstukzin: huurders kiezen voor isoleren.')).body;
    await send('Conceptzin die niet in het rapport hoort.');
    await t.http.post(`/api/findings/${shown.id}/publish`).set(analyst.auth).expect(200);
    const report = (
      await t.http
        .post('/api/reports')
        .set(analyst.auth)
        .send({ municipalities: [municipality] })
        .expect(202)
    ).body;
    await waitFor(
      'the report',
      async () => {
        const res = await t.http.get(`/api/reports/${report.id}`).set(analyst.auth);
        return res.body.status === 'done' ? true : undefined;
      },
      50_000,
    );
    const pdf = await t.http
      .get(`/api/reports/${report.id}/export.pdf`)
      .set(analyst.auth)
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.body as Buffer })
      .toString('utf8')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Wat er met de inbreng gebeurde');
    expect(text).toContain(`${municipality}: Hoofdstukzin: huurders kiezen voor isoleren.`);
    expect(text).toContain('75% van de 40 mensen koos "Nu isoleren"');
    expect(text).toContain('De corporatie isoleert 300 woningen. – Afgesproken (Corporatie)');
    expect(text).not.toContain('Conceptzin');
  });
});
