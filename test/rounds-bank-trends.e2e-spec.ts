import { randomUUID } from 'node:crypto';
import { DilemmaEntity } from '@hs/persistence';
import { castVotes, times } from './support/aggregation-builders';
import { bootWithStaff, type StaffSession, type TestApp } from './support/test-app';

/** Consultation rounds, the question bank and the trends built from them, over HTTP against the real database. */
describe('rounds, question bank and trends (e2e)', () => {
  let t: TestApp;
  let admin: StaffSession;
  let facilitator: StaffSession;
  let analyst: StaffSession;

  const anEvening = (extra: Record<string, unknown> = {}) => ({
    title: 'Bewonersavond',
    municipality: 'Leeuwarden',
    venue: 'Buurthuis',
    startsAt: '2026-03-12T19:30:00+01:00',
    ...extra,
  });
  const aTemplate = (extra: Record<string, unknown> = {}) => ({
    theme: 'woning',
    question: 'Sneller isoleren of de huur laag houden?',
    kind: 'choice',
    options: [
      { label: 'Sneller isoleren', consequence: 'huur + € 8 per maand' },
      { label: 'Huur laag houden', consequence: null },
    ],
    ...extra,
  });

  beforeAll(async () => {
    ({ t, admin, facilitator, analyst } = await bootWithStaff());
  });
  afterAll(() => t?.close());

  describe('rounds', () => {
    it('creates a round and lists it, with its evenings', async () => {
      const created = await t.http
        .post('/api/rounds')
        .set(admin.auth)
        .send({ name: 'Voorjaarsronde', year: 2031, startsOn: '2031-02-01', endsOn: '2031-04-30' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Voorjaarsronde',
        year: 2031,
        startsOn: '2031-02-01',
        endsOn: '2031-04-30',
        evenings: 0,
        createdAt: expect.any(String),
      });
      await t.http
        .post('/api/evenings')
        .set(facilitator.auth)
        .send(anEvening({ roundId: created.body.id }))
        .expect(201);
      const list = await t.http.get('/api/rounds').set(analyst.auth).expect(200);
      expect(list.body.find((r: { id: string }) => r.id === created.body.id)).toMatchObject({ evenings: 1 });
      await t.http.get(`/api/rounds/${created.body.id}`).set(facilitator.auth).expect(200);
    });

    it.each([
      ['no name', { year: 2030 }],
      ['a blank name', { name: '  ', year: 2030 }],
      ['no year', { name: 'Ronde' }],
      ['a year before 2000', { name: 'Ronde', year: 1999 }],
      ['a fractional year', { name: 'Ronde', year: 2030.5 }],
      ['a year as text', { name: 'Ronde', year: 'tweeduizenddertig' }],
      ['a date that does not exist', { name: 'Ronde', year: 2030, startsOn: '2030-02-30' }],
      ['a date with a time', { name: 'Ronde', year: 2030, startsOn: '2030-02-01T10:00:00Z' }],
      ['an end before the start', { name: 'Ronde', year: 2030, startsOn: '2030-03-01', endsOn: '2030-02-01' }],
      ['an unknown field', { name: 'Ronde', year: 2030, colour: 'blauw' }],
      ['a huge name', { name: 'x'.repeat(201), year: 2030 }],
    ])('refuses %s (400) and creates nothing', async (_name, body) => {
      const before = (await t.http.get('/api/rounds').set(admin.auth).expect(200)).body.length;
      await t.http.post('/api/rounds').set(admin.auth).send(body).expect(400);
      expect((await t.http.get('/api/rounds').set(admin.auth).expect(200)).body).toHaveLength(before);
    });

    it('refuses a second round of the same name in a year (409), whatever its case', async () => {
      await t.http.post('/api/rounds').set(admin.auth).send({ name: 'Najaarsronde', year: 2032 }).expect(201);
      await t.http.post('/api/rounds').set(admin.auth).send({ name: 'najaarsronde ', year: 2032 }).expect(409);
      await t.http.post('/api/rounds').set(admin.auth).send({ name: 'Najaarsronde', year: 2033 }).expect(201);
    });

    it('lets only an admin create rounds, and answers 404 for an unknown one', async () => {
      for (const who of [facilitator, analyst]) {
        await t.http.post('/api/rounds').set(who.auth).send({ name: 'Ronde', year: 2034 }).expect(403);
      }
      await t.http.get(`/api/rounds/${randomUUID()}`).set(admin.auth).expect(404);
      await t.http.get('/api/rounds/niet-een-id').set(admin.auth).expect(404);
    });

    it('files an evening without a round under its year, and refuses an unknown round', async () => {
      const evening = await t.http
        .post('/api/evenings')
        .set(facilitator.auth)
        .send(anEvening({ startsAt: '2035-12-31T23:30:00Z' }))
        .expect(201);
      const round = await t.http.get(`/api/rounds/${evening.body.roundId}`).set(admin.auth).expect(200);
      // 23:30 UTC on New Year's Eve is already 2036 in Friesland.
      expect(round.body).toMatchObject({ name: 'Raadpleging 2036', year: 2036 });
      await t.http
        .post('/api/evenings')
        .set(facilitator.auth)
        .send(anEvening({ roundId: randomUUID() }))
        .expect(404);
      await t.http
        .post('/api/evenings')
        .set(facilitator.auth)
        .send(anEvening({ roundId: 'ronde-1' }))
        .expect(400);
    });

    it('moves an evening to another round, also after it ended', async () => {
      const target = await t.http.post('/api/rounds').set(admin.auth).send({ name: 'Verplaatsronde', year: 2026 }).expect(201);
      const evening = await t.http.post('/api/evenings').set(facilitator.auth).send(anEvening()).expect(201);
      for (const step of ['publish', 'start', 'end']) {
        await t.http.post(`/api/evenings/${evening.body.id}/${step}`).set(facilitator.auth).expect(200);
      }
      const moved = await t.http
        .patch(`/api/evenings/${evening.body.id}`)
        .set(facilitator.auth)
        .send({ roundId: target.body.id })
        .expect(200);
      expect(moved.body.roundId).toBe(target.body.id);
      await t.http.patch(`/api/evenings/${evening.body.id}`).set(facilitator.auth).send({ roundId: randomUUID() }).expect(404);
      await t.http.patch(`/api/evenings/${evening.body.id}`).set(facilitator.auth).send({ roundId: null }).expect(400);
    });
  });

  describe('question bank', () => {
    it('creates, reads, changes and removes a template', async () => {
      const created = await t.http.post('/api/templates').set(facilitator.auth).send(aTemplate()).expect(201);
      expect(created.body).toMatchObject({
        theme: 'woning',
        kind: 'choice',
        options: [
          { label: 'Sneller isoleren', consequence: 'huur + € 8 per maand' },
          { label: 'Huur laag houden', consequence: null },
        ],
        linkKey: `template:${created.body.id}`,
      });
      const id = created.body.id as string;
      await t.http.get(`/api/templates/${id}`).set(admin.auth).expect(200);
      const listed = await t.http.get('/api/templates?theme=woning').set(facilitator.auth).expect(200);
      expect(listed.body.map((x: { id: string }) => x.id)).toContain(id);
      const changed = await t.http
        .patch(`/api/templates/${id}`)
        .set(facilitator.auth)
        .send({ kind: 'multi', maxChoices: 2 })
        .expect(200);
      expect(changed.body).toMatchObject({ kind: 'multi', maxChoices: 2, question: 'Sneller isoleren of de huur laag houden?' });
      await t.http.delete(`/api/templates/${id}`).set(facilitator.auth).expect(204);
      await t.http.get(`/api/templates/${id}`).set(facilitator.auth).expect(404);
      await t.http.delete(`/api/templates/${id}`).set(facilitator.auth).expect(404);
    });

    it.each([
      ['an unknown theme', aTemplate({ theme: 'ruimtevaart' })],
      ['one option', aTemplate({ options: [{ label: 'Alleen dit' }] })],
      ['options on a scale', aTemplate({ kind: 'scale' })],
      ['a budget without points', aTemplate({ kind: 'budget' })],
      ['two equal labels', aTemplate({ options: [{ label: 'Ja' }, { label: ' ja' }] })],
      ['an unknown kind', aTemplate({ kind: 'ranking' })],
      ['a link key', aTemplate({ linkKey: 'eigen' })],
      ['an option that is not an object', aTemplate({ options: ['Ja', 'Nee'] })],
      ['a huge question', aTemplate({ question: 'x'.repeat(501) })],
    ])('refuses %s (400) and saves nothing', async (_name, body) => {
      const before = (await t.http.get('/api/templates').set(admin.auth).expect(200)).body.length;
      await t.http.post('/api/templates').set(facilitator.auth).send(body).expect(400);
      expect((await t.http.get('/api/templates').set(admin.auth).expect(200)).body).toHaveLength(before);
    });

    it('refuses a change that breaks the rules (400) or blanks a required field, and keeps the template', async () => {
      const created = await t.http.post('/api/templates').set(facilitator.auth).send(aTemplate()).expect(201);
      for (const patch of [{ kind: 'scale' }, { question: null }, { options: [{ label: 'Eén' }] }, { theme: 'onbekend' }]) {
        await t.http.patch(`/api/templates/${created.body.id}`).set(facilitator.auth).send(patch).expect(400);
      }
      const kept = await t.http.get(`/api/templates/${created.body.id}`).set(facilitator.auth).expect(200);
      expect(kept.body).toMatchObject({ kind: 'choice', question: 'Sneller isoleren of de huur laag houden?' });
      await t.http.patch(`/api/templates/${randomUUID()}`).set(facilitator.auth).send({ question: 'Nieuw?' }).expect(404);
    });

    it('is for facilitators and admins only', async () => {
      await t.http.post('/api/templates').set(analyst.auth).send(aTemplate()).expect(403);
      await t.http.get('/api/templates').set(analyst.auth).expect(403);
    });

    it('adds a template to an evening as a dilemma, and refuses unknown ids and ended evenings', async () => {
      const template = await t.http.post('/api/templates').set(facilitator.auth).send(aTemplate()).expect(201);
      const evening = await t.http.post('/api/evenings').set(facilitator.auth).send(anEvening()).expect(201);
      const added = await t.http
        .post(`/api/evenings/${evening.body.id}/dilemmas/from-template`)
        .set(facilitator.auth)
        .send({ templateId: template.body.id })
        .expect(201);
      expect(added.body).toMatchObject({
        eveningId: evening.body.id,
        position: 1,
        status: 'draft',
        question: 'Sneller isoleren of de huur laag houden?',
        options: [{ label: 'Sneller isoleren', consequence: 'huur + € 8 per maand' }, { label: 'Huur laag houden' }],
      });
      const stored = await t.dataSource.getRepository(DilemmaEntity).findOneByOrFail({ id: added.body.id });
      expect(stored.linkKey).toBe(`template:${template.body.id}`);
      const from = `/api/evenings/${evening.body.id}/dilemmas/from-template`;
      await t.http.post(from).set(facilitator.auth).send({ templateId: randomUUID() }).expect(404);
      await t.http.post(from).set(facilitator.auth).send({ templateId: 'sjabloon-1' }).expect(400);
      await t.http.post(from).set(facilitator.auth).send({}).expect(400);
      await t.http
        .post(`/api/evenings/${randomUUID()}/dilemmas/from-template`)
        .set(facilitator.auth)
        .send({ templateId: template.body.id })
        .expect(404);
      for (const step of ['publish', 'start', 'end']) {
        await t.http.post(`/api/evenings/${evening.body.id}/${step}`).set(facilitator.auth).expect(200);
      }
      await t.http.post(from).set(facilitator.auth).send({ templateId: template.body.id }).expect(409);
    });
  });

  describe('trends', () => {
    it("links by template, not text, and flags the change that Newcombe's interval says is real", async () => {
      const [r1, r2] = await Promise.all(
        [2040, 2041].map((year) =>
          t.http
            .post('/api/rounds')
            .set(admin.auth)
            .send({ name: `Trendronde ${year}`, year })
            .then((r) => r.body.id as string),
        ),
      );
      const template = await t.http
        .post('/api/templates')
        .set(facilitator.auth)
        .send(aTemplate({ theme: 'dienstverlening', question: 'Reparaties: snel of dichtbij?' }))
        .expect(201);
      const evenings: Array<{ id: string; dilemma: { id: string; options: Array<{ id: string }> } }> = [];
      for (const [roundId, municipality] of [
        [r1, 'Trendstad'],
        [r2, 'Trendstad'],
      ]) {
        const evening = await t.http
          .post('/api/evenings')
          .set(facilitator.auth)
          .send(anEvening({ roundId, municipality }))
          .expect(201);
        const dilemma = await t.http
          .post(`/api/evenings/${evening.body.id}/dilemmas/from-template`)
          .set(facilitator.auth)
          .send({ templateId: template.body.id })
          .expect(201);
        evenings.push({ id: evening.body.id, dilemma: dilemma.body });
        // The question is reworded for the second year: the link (the template) holds, the text does not matter.
        await t.http
          .patch(`/api/templates/${template.body.id}`)
          .set(facilitator.auth)
          .send({ question: 'Reparaties: wat gaat voor?' })
          .expect(200);
      }
      for (const evening of evenings) {
        for (const step of ['publish', 'start'])
          await t.http.post(`/api/evenings/${evening.id}/${step}`).set(facilitator.auth).expect(200);
        await t.http.post(`/api/dilemmas/${evening.dilemma.id}/open`).set(facilitator.auth).expect(200);
      }
      // Newcombe (1998), example (a): 56 of 70, then 48 of 80.
      const [first, second] = evenings;
      await castVotes(t.dataSource, first, first.dilemma, [
        ...times(56, { municipality: 'Trendstad', choice: { optionIds: [first.dilemma.options[0].id] } }),
        ...times(14, { municipality: 'Trendstad', choice: { optionIds: [first.dilemma.options[1].id] } }),
      ]);
      await castVotes(t.dataSource, second, second.dilemma, [
        ...times(48, { municipality: 'Trendstad', choice: { optionIds: [second.dilemma.options[0].id] } }),
        ...times(32, { municipality: 'Trendstad', choice: { optionIds: [second.dilemma.options[1].id] } }),
      ]);
      for (const evening of evenings) await t.http.post(`/api/evenings/${evening.id}/end`).set(facilitator.auth).expect(200);

      const res = await t.http.get('/api/trends?theme=dienstverlening&municipality=trendstad').set(analyst.auth).expect(200);
      expect(res.body.trends).toHaveLength(1);
      const [trend] = res.body.trends;
      expect(trend.key).toBe(`link:template:${template.body.id}`);
      expect(trend.rounds.map((r: { roundId: string; total: number }) => [r.roundId, r.total])).toEqual([
        [r1, 70],
        [r2, 80],
      ]);
      const [snel] = trend.changes[0].options;
      expect(snel.difference).toBeCloseTo(-0.2, 10);
      expect(snel.ci95[0]).toBeCloseTo(-0.3339, 4);
      expect(snel.ci95[1]).toBeCloseTo(-0.0524, 4);
      expect(snel.changed).toBe(true);

      await t.http.get('/api/trends?theme=ruimtevaart').set(analyst.auth).expect(400);
      await t.http.get('/api/trends?colour=blue').set(analyst.auth).expect(400);
      await t.http.get('/api/trends').set(facilitator.auth).expect(403);
    });
  });
});
