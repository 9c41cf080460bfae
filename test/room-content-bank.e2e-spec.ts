import { BAD_TRANSLATIONS, createEvening } from './support/evening-builders';
import { bootWithStaff, type StaffSession, type TestApp } from './support/test-app';

/** The question bank in three languages: templates keep Frisian and English texts and hand them to their dilemmas. */
describe('question bank translations (e2e)', () => {
  let t: TestApp;
  let facilitator: StaffSession;
  beforeAll(async () => {
    ({ t, facilitator } = await bootWithStaff());
  });
  afterAll(() => t?.close());

  const translations = {
    fy: { question: 'Earst isolearje of de hier leech hâlde?', description: 'Twa wegen.' },
    en: { question: 'Insulate first or keep the rent low?' },
  };
  const aTemplate = (extra: Record<string, unknown> = {}) => ({
    theme: 'woning',
    question: 'Eerst isoleren of de huur laag houden?',
    description: 'Twee wegen.',
    kind: 'choice',
    translations,
    options: [
      {
        label: 'Eerst isoleren',
        consequence: 'huur + € 8 per maand',
        translations: { fy: { label: 'Earst isolearje', consequence: 'hier + € 8 de moanne' }, en: { label: 'Insulate first' } },
      },
      { label: 'Huur laag houden', consequence: null, translations: { en: { consequence: 'insulation later' } } },
    ],
    ...extra,
  });
  const optionTranslations = (body: { options: Array<{ translations: unknown }> }) => body.options.map((o) => o.translations);

  it('stores a template’s translations and gives them back on create, read and list', async () => {
    const created = await t.http.post('/api/templates').set(facilitator.auth).send(aTemplate()).expect(201);
    expect(created.body.translations).toEqual(translations);
    expect(optionTranslations(created.body)).toEqual([
      { fy: { label: 'Earst isolearje', consequence: 'hier + € 8 de moanne' }, en: { label: 'Insulate first' } },
      { en: { consequence: 'insulation later' } },
    ]);
    const read = await t.http.get(`/api/templates/${created.body.id}`).set(facilitator.auth).expect(200);
    expect(read.body).toEqual(created.body);
    const listed = await t.http.get('/api/templates?theme=woning').set(facilitator.auth).expect(200);
    expect(listed.body.find((x: { id: string }) => x.id === created.body.id)).toEqual(created.body);

    const plain = await t.http
      .post('/api/templates')
      .set(facilitator.auth)
      .send(aTemplate({ translations: undefined, options: [{ label: 'Ja' }, { label: 'Nee' }], question: 'Zonder vertaling?' }))
      .expect(201);
    expect(plain.body.translations).toEqual({});
    expect(optionTranslations(plain.body)).toEqual([{}, {}]);
  });

  it('changes translations by PATCH: given ones replace, blank ones are removed, other fields keep theirs', async () => {
    const created = await t.http.post('/api/templates').set(facilitator.auth).send(aTemplate()).expect(201);
    const id = created.body.id as string;

    const reworded = await t.http
      .patch(`/api/templates/${id}`)
      .set(facilitator.auth)
      .send({ question: 'Nieuwe vraag?' })
      .expect(200);
    expect(reworded.body.translations).toEqual(translations);
    expect(optionTranslations(reworded.body)).toEqual(optionTranslations(created.body));

    const changed = await t.http
      .patch(`/api/templates/${id}`)
      .set(facilitator.auth)
      .send({ translations: { fy: { question: 'Nije fraach?', description: '' } } })
      .expect(200);
    // Only Frisian is left, without the description that was cleared; English is gone.
    expect(changed.body.translations).toEqual({ fy: { question: 'Nije fraach?' } });

    const options = await t.http
      .patch(`/api/templates/${id}`)
      .set(facilitator.auth)
      .send({
        options: [
          { label: 'Eerst isoleren', translations: { fy: { label: 'Earst isolearje', consequence: '' } } },
          { label: 'Huur laag houden' },
        ],
      })
      .expect(200);
    expect(optionTranslations(options.body)).toEqual([{ fy: { label: 'Earst isolearje' } }, {}]);

    const cleared = await t.http.patch(`/api/templates/${id}`).set(facilitator.auth).send({ translations: null }).expect(200);
    expect(cleared.body.translations).toEqual({});
    const read = await t.http.get(`/api/templates/${id}`).set(facilitator.auth).expect(200);
    expect(read.body.translations).toEqual({});
    expect(optionTranslations(read.body)).toEqual([{ fy: { label: 'Earst isolearje' } }, {}]);
  });

  it('copies the translations into a dilemma made from the template', async () => {
    const template = await t.http.post('/api/templates').set(facilitator.auth).send(aTemplate()).expect(201);
    const evening = await createEvening(t, facilitator);
    const added = await t.http
      .post(`/api/evenings/${evening.id}/dilemmas/from-template`)
      .set(facilitator.auth)
      .send({ templateId: template.body.id })
      .expect(201);
    expect(added.body.translations).toEqual(translations);
    expect(optionTranslations(added.body)).toEqual(optionTranslations(template.body));
    const read = await t.http.get(`/api/dilemmas/${added.body.id}`).set(facilitator.auth).expect(200);
    expect(read.body.translations).toEqual(translations);
    expect(read.body.options[0].translations.fy).toEqual({ label: 'Earst isolearje', consequence: 'hier + € 8 de moanne' });
  });

  it.each(BAD_TRANSLATIONS)('refuses a new template with %s (400) and saves nothing', async (_what, extra) => {
    const before = (await t.http.get('/api/templates').set(facilitator.auth).expect(200)).body.length;
    const response = await t.http.post('/api/templates').set(facilitator.auth).send(aTemplate(extra)).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect((await t.http.get('/api/templates').set(facilitator.auth).expect(200)).body).toHaveLength(before);
  });

  it.each(BAD_TRANSLATIONS)('refuses a change with %s (400) and keeps the template as it was', async (_what, patch) => {
    const created = await t.http.post('/api/templates').set(facilitator.auth).send(aTemplate()).expect(201);
    const response = await t.http.patch(`/api/templates/${created.body.id}`).set(facilitator.auth).send(patch).expect(400);
    expect(response.body.message).toEqual(expect.anything());
    const kept = await t.http.get(`/api/templates/${created.body.id}`).set(facilitator.auth).expect(200);
    expect(kept.body).toEqual(created.body);
  });
});
