import { randomUUID } from 'node:crypto';
import { aChoiceDilemma, createDilemma, createEvening } from './support/evening-builders';
import { bootWithStaff, type StaffSession, type TestApp } from './support/test-app';

const NASTY = `<script>alert("x")</script> & 'quotes'`;

describe('dilemmas: creating and listing (e2e)', () => {
  let t: TestApp;
  let admin: StaffSession;
  let facilitator: StaffSession;
  let analyst: StaffSession;

  beforeAll(async () => {
    ({ t, admin, facilitator, analyst } = await bootWithStaff());
  });
  afterAll(async () => {
    await t.close();
  });

  const createRaw = (eveningId: string, body: unknown, staff: StaffSession = facilitator) =>
    t.http
      .post(`/api/evenings/${eveningId}/dilemmas`)
      .set(staff.auth)
      .send(body as object);

  describe('creating', () => {
    it('creates a choice dilemma in the contract shape, draft, round 1, options in order', async () => {
      const evening = await createEvening(t, facilitator);
      const response = await createRaw(evening.id, aChoiceDilemma({ description: 'Wat weegt zwaarder?' })).expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        eveningId: evening.id,
        position: 1,
        theme: 'betaalbaarheid',
        question: 'Liever nu isoleren of de huur gelijk houden?',
        description: 'Wat weegt zwaarder?',
        kind: 'choice',
        options: [
          { id: expect.any(String), label: 'Nu isoleren', consequence: 'huur +1,5% per jaar', translations: {} },
          { id: expect.any(String), label: 'Huur gelijk', consequence: 'isolatie 5 jaar later', translations: {} },
        ],
        maxChoices: null,
        budget: null,
        status: 'draft',
        round: 1,
        revealed: false,
        countdown: null,
        translations: {},
      });
    });

    it('creates multi (maxChoices defaulting to all options), budget and scale dilemmas at the next positions', async () => {
      const evening = await createEvening(t, facilitator);
      const three = [{ label: 'A' }, { label: 'B' }, { label: 'C' }];
      const multi = await createDilemma(t, facilitator, evening.id, { kind: 'multi', options: three });
      const multi2 = await createDilemma(t, facilitator, evening.id, { kind: 'multi', options: three, maxChoices: 2 });
      const budget = await createDilemma(t, facilitator, evening.id, {
        kind: 'budget',
        options: three,
        budget: 100,
        theme: 'woning',
      });
      const scale = await createDilemma(t, facilitator, evening.id, { kind: 'scale', options: [], theme: 'inspraak' });
      const scaleNoOptions = await createDilemma(t, facilitator, evening.id, { kind: 'scale', options: undefined });
      expect([multi, multi2, budget, scale, scaleNoOptions].map((d) => d.position)).toEqual([1, 2, 3, 4, 5]);
      expect(multi).toMatchObject({ kind: 'multi', maxChoices: 3, budget: null });
      expect(multi2.maxChoices).toBe(2);
      expect(budget).toMatchObject({ kind: 'budget', budget: 100, maxChoices: null, theme: 'woning' });
      expect(scale).toMatchObject({ kind: 'scale', options: [], maxChoices: null, budget: null });
      expect(scaleNoOptions.options).toEqual([]);
      expect(multi.options.map((o) => o.label)).toEqual(['A', 'B', 'C']);
      expect(multi.options.map((o) => o.consequence)).toEqual([null, null, null]);
    });

    it('stores quotes and HTML in questions, labels and consequences verbatim', async () => {
      const evening = await createEvening(t, facilitator);
      const created = await createDilemma(t, facilitator, evening.id, {
        question: NASTY,
        description: NASTY,
        options: [{ label: NASTY, consequence: NASTY }, { label: 'b' }],
      });
      const list = await t.http.get(`/api/evenings/${evening.id}/dilemmas`).set(analyst.auth).expect(200);
      expect(list.body[0]).toEqual(created);
      expect(list.body[0]).toMatchObject({
        question: NASTY,
        description: NASTY,
        options: [{ label: NASTY, consequence: NASTY }, { label: 'b' }],
      });
    });

    it('refuses input that breaks the rules of its kind, unknown themes and malformed bodies with 400', async () => {
      const evening = await createEvening(t, facilitator);
      const nine = Array.from({ length: 9 }, (_, i) => ({ label: `Optie ${i}` }));
      const cases: Array<[unknown, string | undefined]> = [
        [aChoiceDilemma({ options: [{ label: 'alleen' }] }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ options: nine }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ options: undefined }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ maxChoices: 1 }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ budget: 10 }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ options: [{ label: 'Ja' }, { label: 'ja ' }] }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ kind: 'multi', maxChoices: 3 }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ kind: 'multi', maxChoices: 0 }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ kind: 'budget' }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ kind: 'budget', budget: 0 }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ kind: 'budget', budget: 1001 }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ kind: 'scale' }), 'INVALID_DILEMMA'],
        [aChoiceDilemma({ theme: 'onbekend' }), 'UNKNOWN_THEME'],
        [aChoiceDilemma({ kind: 'ranking' }), undefined],
        [aChoiceDilemma({ question: '' }), undefined],
        [aChoiceDilemma({ question: 7 }), undefined],
        [aChoiceDilemma({ budget: '100', kind: 'budget' }), undefined],
        [aChoiceDilemma({ kind: 'multi', maxChoices: 1.5 }), undefined],
        [aChoiceDilemma({ options: 'Ja, Nee' }), undefined],
        [aChoiceDilemma({ options: [{ label: 'Ja', score: 3 }, { label: 'Nee' }] }), undefined],
        [aChoiceDilemma({ options: [{ label: 'Ja' }, 'Nee'] }), undefined],
        [aChoiceDilemma({ status: 'open' }), undefined],
        [aChoiceDilemma({ round: 2 }), undefined],
        [aChoiceDilemma({ position: 1 }), undefined],
        [{ question: 'Alleen een vraag?' }, undefined],
      ];
      for (const [body, code] of cases) {
        const response = await createRaw(evening.id, body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        if (code) expect({ body, code: response.body.code }).toEqual({ body, code });
      }
      expect((await t.http.get(`/api/evenings/${evening.id}/dilemmas`).set(admin.auth).expect(200)).body).toEqual([]);
    });

    it('answers 413 on an oversized body', async () => {
      const evening = await createEvening(t, facilitator);
      await createRaw(evening.id, aChoiceDilemma({ description: 'x'.repeat(200 * 1024) })).expect(413);
    });

    it('refuses analysts (403), missing or forged tokens (401), unknown evenings (404) and ended evenings (409)', async () => {
      const evening = await createEvening(t, facilitator);
      await createRaw(evening.id, aChoiceDilemma(), analyst).expect(403);
      await t.http.post(`/api/evenings/${evening.id}/dilemmas`).send(aChoiceDilemma()).expect(401);
      await t.http
        .post(`/api/evenings/${evening.id}/dilemmas`)
        .set('Authorization', 'Bearer x.y.z')
        .send(aChoiceDilemma())
        .expect(401);
      await t.http.get(`/api/evenings/${evening.id}/dilemmas`).expect(401);
      await createRaw(randomUUID(), aChoiceDilemma()).expect(404);
      await createRaw('abc', aChoiceDilemma()).expect(404);
      await t.http.get(`/api/evenings/${randomUUID()}/dilemmas`).set(admin.auth).expect(404);
      const ended = await createEvening(t, facilitator, {}, 'ended');
      const refused = await createRaw(ended.id, aChoiceDilemma()).expect(409);
      expect(refused.body.code).toBe('EVENING_ENDED');
    });

    it('gives concurrent creates distinct consecutive positions, listed in position order', async () => {
      const evening = await createEvening(t, facilitator, {}, 'live');
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, i) => createDilemma(t, facilitator, evening.id, { question: `Vraag ${i}` })),
      );
      expect(created.map((d) => d.position).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const list = await t.http.get(`/api/evenings/${evening.id}/dilemmas`).set(facilitator.auth).expect(200);
      expect(list.body.map((d: { position: number }) => d.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });
  });
});
