import { BAD_TRANSLATIONS, createDilemma, createEvening } from './support/evening-builders';
import { transition } from './support/live-builders';
import { bootTestApp, type StaffSession, staffSession, type TestApp } from './support/test-app';

/** Content in three languages over HTTP: translations on POST and PATCH, validated and whitelisted. */
describe('dilemma translations (e2e)', () => {
  let t: TestApp;
  let facilitator: StaffSession;
  beforeAll(async () => {
    t = await bootTestApp();
    facilitator = await staffSession(t, 'facilitator');
  });
  afterAll(() => t?.close());

  const translated = {
    question: 'Eerst isoleren of de huur gelijk houden?',
    translations: {
      fy: { question: 'Earst isolearje of de hier gelyk hâlde?' },
      en: { question: 'Insulate first?', description: 'Two ways.' },
    },
    options: [
      { label: 'Nu isoleren', consequence: 'huur 1,5% per jaar omhoog', translations: { fy: { label: 'No isolearje' } } },
      {
        label: 'Huur gelijk',
        consequence: null,
        translations: { en: { label: 'Same rent', consequence: 'insulation 5 years later' } },
      },
    ],
  };

  it('stores Frisian and English texts beside the Dutch and gives them back', async () => {
    const evening = await createEvening(t, facilitator);
    const created = await createDilemma(t, facilitator, evening.id, translated);
    expect(created.translations).toEqual(translated.translations);
    expect(created.options.map((o) => o.translations)).toEqual([
      { fy: { label: 'No isolearje' } },
      { en: { label: 'Same rent', consequence: 'insulation 5 years later' } },
    ]);
    const plain = await createDilemma(t, facilitator, evening.id, { question: 'Zonder vertaling?' });
    expect(plain.translations).toEqual({});
    expect(plain.options.every((o) => JSON.stringify(o.translations) === '{}')).toBe(true);
    const read = await t.http.get(`/api/dilemmas/${created.id}`).set(facilitator.auth).expect(200);
    expect(read.body.translations).toEqual(translated.translations);
  });

  it.each(BAD_TRANSLATIONS)('refuses %s with a 400 and stores nothing', async (_what, body) => {
    const evening = await createEvening(t, facilitator);
    const response = await t.http
      .post(`/api/evenings/${evening.id}/dilemmas`)
      .set(facilitator.auth)
      .send({ theme: 'betaalbaarheid', kind: 'choice', question: 'Vraag?', options: [{ label: 'A' }, { label: 'B' }], ...body });
    expect(response.status).toBe(400);
    const list = await t.http.get(`/api/evenings/${evening.id}/dilemmas`).set(facilitator.auth).expect(200);
    expect(list.body).toEqual([]);
  });

  it('changes a draft’s texts and translations by PATCH, and refuses once it has been opened (409) or for bad input (400)', async () => {
    const evening = await createEvening(t, facilitator, {}, 'live');
    const draft = await createDilemma(t, facilitator, evening.id, translated);
    const patched = await t.http
      .patch(`/api/dilemmas/${draft.id}`)
      .set(facilitator.auth)
      .send({ translations: { fy: { question: 'Nije fraach?', description: 'Útlis' } } })
      .expect(200);
    expect(patched.body.translations).toEqual({ fy: { question: 'Nije fraach?', description: 'Útlis' } });
    expect(patched.body.question).toBe(translated.question);
    expect(patched.body.options.map((o: { id: string }) => o.id)).toEqual(draft.options.map((o) => o.id));

    const options = await t.http
      .patch(`/api/dilemmas/${draft.id}`)
      .set(facilitator.auth)
      .send({ options: [{ label: 'Een', translations: { en: { label: 'One' } } }, { label: 'Twee' }, { label: 'Drie' }] })
      .expect(200);
    expect(options.body.options.map((o: { label: string }) => o.label)).toEqual(['Een', 'Twee', 'Drie']);
    expect(options.body.options[0].translations).toEqual({ en: { label: 'One' } });

    await t.http
      .patch(`/api/dilemmas/${draft.id}`)
      .set(facilitator.auth)
      .send({ translations: { de: {} } })
      .expect(400);
    await t.http
      .patch(`/api/dilemmas/${draft.id}`)
      .set(facilitator.auth)
      .send({ options: [{ label: 'Alleen' }] })
      .expect(400);
    await t.http.patch(`/api/dilemmas/${draft.id}`).set(facilitator.auth).send({ kind: 'scale' }).expect(400);
    await t.http.patch('/api/dilemmas/00000000-0000-4000-8000-000000000000').set(facilitator.auth).send({}).expect(404);
    const analyst = await staffSession(t, 'analyst');
    await t.http.patch(`/api/dilemmas/${draft.id}`).set(analyst.auth).send({ question: 'Nee' }).expect(403);

    await transition(t, facilitator, draft.id, 'open');
    const locked = await t.http
      .patch(`/api/dilemmas/${draft.id}`)
      .set(facilitator.auth)
      .send({ translations: { en: { question: 'Too late?' } } })
      .expect(409);
    expect(locked.body.code).toBe('DILEMMA_LOCKED');
    const after = await t.http.get(`/api/dilemmas/${draft.id}`).set(facilitator.auth).expect(200);
    expect(after.body.translations).toEqual({ fy: { question: 'Nije fraach?', description: 'Útlis' } });
  });
});
