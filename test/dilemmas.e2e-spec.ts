import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { LiveBusEventName } from '@hs/contracts';
import { JobQueueRepository, LiveBusRepository } from '@hs/persistence';
import { aChoiceDilemma, createDilemma, createEvening } from './support/evening-builders';
import { bootTestApp, type StaffSession, staffSession, type TestApp } from './support/test-app';

const NASTY = `<script>alert("x")</script> & 'quotes'`;

describe('dilemmas (e2e)', () => {
  let t: TestApp;
  let admin: StaffSession;
  let facilitator: StaffSession;
  let analyst: StaffSession;
  const busEvents: Array<{ event: LiveBusEventName; payload: unknown }> = [];

  beforeAll(async () => {
    t = await bootTestApp();
    [admin, facilitator, analyst] = await Promise.all([
      staffSession(t, 'admin'),
      staffSession(t, 'facilitator'),
      staffSession(t, 'analyst'),
    ]);
    await t.app.get(LiveBusRepository).subscribe((event, payload) => busEvents.push({ event, payload }));
  });
  afterAll(async () => {
    await t.close();
  });

  async function busEvent(event: LiveBusEventName, payload: Record<string, unknown>) {
    for (let i = 0; i < 100; i++) {
      const found = busEvents.find((e) => e.event === event && JSON.stringify(e.payload) === JSON.stringify(payload));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
  }

  const post = (path: string, staff: StaffSession = facilitator) => t.http.post(path).set(staff.auth);
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
          { id: expect.any(String), label: 'Nu isoleren', consequence: 'huur +1,5% per jaar' },
          { id: expect.any(String), label: 'Huur gelijk', consequence: 'isolatie 5 jaar later' },
        ],
        maxChoices: null,
        budget: null,
        status: 'draft',
        round: 1,
        revealed: false,
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

  describe('transitions', () => {
    it('opens a draft of a live evening, announces it on the live bus and audits it', async () => {
      const evening = await createEvening(t, facilitator, {}, 'live');
      const dilemma = await createDilemma(t, facilitator, evening.id);
      const opened = await post(`/api/dilemmas/${dilemma.id}/open`).expect(200);
      expect(opened.body).toEqual({ ...dilemma, status: 'open' });
      expect(await busEvent('dilemma.changed', { eveningId: evening.id, dilemmaId: dilemma.id, change: 'opened' })).toBeDefined();
      const [row] = await t.dataSource.query('SELECT touched_at FROM dilemma WHERE id = $1', [dilemma.id]);
      expect(row.touched_at).toBeInstanceOf(Date);
      const audit = await t.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE target_id = $1 ORDER BY id`, [
        dilemma.id,
      ]);
      expect(audit).toEqual([
        { action: 'dilemma.create', actor_id: facilitator.id },
        { action: 'dilemma.open', actor_id: facilitator.id },
      ]);
    });

    it('refuses to open while the evening is not live (409 EVENING_NOT_LIVE)', async () => {
      for (const state of ['draft', 'published'] as const) {
        const evening = await createEvening(t, facilitator, {}, state);
        const dilemma = await createDilemma(t, facilitator, evening.id);
        const response = await post(`/api/dilemmas/${dilemma.id}/open`).expect(409);
        expect(response.body).toMatchObject({ statusCode: 409, code: 'EVENING_NOT_LIVE' });
      }
    });

    it('keeps at most one dilemma of an evening open (409 ANOTHER_DILEMMA_OPEN), also under concurrent opens', async () => {
      const evening = await createEvening(t, facilitator, {}, 'live');
      const [a, b] = [await createDilemma(t, facilitator, evening.id), await createDilemma(t, facilitator, evening.id)];
      await post(`/api/dilemmas/${a.id}/open`).expect(200);
      const second = await post(`/api/dilemmas/${b.id}/open`).expect(409);
      expect(second.body.code).toBe('ANOTHER_DILEMMA_OPEN');

      const other = await createEvening(t, facilitator, {}, 'live');
      const drafts = await Promise.all(Array.from({ length: 6 }, () => createDilemma(t, facilitator, other.id)));
      const responses = await Promise.all(drafts.map((d) => post(`/api/dilemmas/${d.id}/open`)));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'ANOTHER_DILEMMA_OPEN')).toBe(true);
    });

    it('closes only an open dilemma and queues its aggregation', async () => {
      const evening = await createEvening(t, facilitator, {}, 'live');
      const dilemma = await createDilemma(t, facilitator, evening.id);
      const notOpen = await post(`/api/dilemmas/${dilemma.id}/close`).expect(409);
      expect(notOpen.body.code).toBe('DILEMMA_NOT_OPEN');
      await post(`/api/dilemmas/${dilemma.id}/open`).expect(200);
      const closed = await post(`/api/dilemmas/${dilemma.id}/close`).expect(200);
      expect(closed.body).toMatchObject({ id: dilemma.id, status: 'closed', round: 1, revealed: false });
      await post(`/api/dilemmas/${dilemma.id}/close`).expect(409);
      expect(await busEvent('dilemma.changed', { eveningId: evening.id, dilemmaId: dilemma.id, change: 'closed' })).toBeDefined();

      const jobs = await t.app
        .get(JobQueueRepository)
        .queue('aggregation')
        .getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized']);
      const mine = jobs.filter((j) => j.name === 'aggregate-dilemma' && j.data.dilemmaId === dilemma.id);
      expect(mine).toHaveLength(1);
      expect(mine[0].data).toEqual({ dilemmaId: dilemma.id });
      // After the close, a second dilemma may open.
      const next = await createDilemma(t, facilitator, evening.id);
      await post(`/api/dilemmas/${next.id}/open`).expect(200);
    });

    it('reveals an open or closed dilemma once, never a draft', async () => {
      const evening = await createEvening(t, facilitator, {}, 'live');
      const dilemma = await createDilemma(t, facilitator, evening.id);
      expect((await post(`/api/dilemmas/${dilemma.id}/reveal`).expect(409)).body.code).toBe('INVALID_TRANSITION');
      await post(`/api/dilemmas/${dilemma.id}/open`).expect(200);
      const revealed = await post(`/api/dilemmas/${dilemma.id}/reveal`).expect(200);
      expect(revealed.body).toMatchObject({ status: 'open', revealed: true });
      expect(
        await busEvent('dilemma.changed', { eveningId: evening.id, dilemmaId: dilemma.id, change: 'revealed' }),
      ).toBeDefined();
      await post(`/api/dilemmas/${dilemma.id}/reveal`).expect(409);
      expect((await post(`/api/dilemmas/${dilemma.id}/close`).expect(200)).body).toMatchObject({
        status: 'closed',
        revealed: true,
      });

      const closedFirst = await createDilemma(t, facilitator, evening.id);
      await post(`/api/dilemmas/${closedFirst.id}/open`).expect(200);
      await post(`/api/dilemmas/${closedFirst.id}/close`).expect(200);
      expect((await post(`/api/dilemmas/${closedFirst.id}/reveal`).expect(200)).body).toMatchObject({
        status: 'closed',
        revealed: true,
      });
    });

    it('revotes a closed dilemma: next round, open, not revealed; only from closed and only while live', async () => {
      const evening = await createEvening(t, facilitator, {}, 'live');
      const dilemma = await createDilemma(t, facilitator, evening.id);
      expect((await post(`/api/dilemmas/${dilemma.id}/revote`).expect(409)).body.code).toBe('INVALID_TRANSITION');
      await post(`/api/dilemmas/${dilemma.id}/open`).expect(200);
      await post(`/api/dilemmas/${dilemma.id}/revote`).expect(409);
      await post(`/api/dilemmas/${dilemma.id}/reveal`).expect(200);
      await post(`/api/dilemmas/${dilemma.id}/close`).expect(200);
      // Re-opening a closed dilemma goes through revote, never through open.
      expect((await post(`/api/dilemmas/${dilemma.id}/open`).expect(409)).body.code).toBe('INVALID_TRANSITION');

      const revoted = await post(`/api/dilemmas/${dilemma.id}/revote`).expect(200);
      expect(revoted.body).toMatchObject({ status: 'open', round: 2, revealed: false });
      expect(
        await busEvent('dilemma.changed', { eveningId: evening.id, dilemmaId: dilemma.id, change: 'revoted' }),
      ).toBeDefined();
      await post(`/api/dilemmas/${dilemma.id}/close`).expect(200);

      const other = await createDilemma(t, facilitator, evening.id);
      await post(`/api/dilemmas/${other.id}/open`).expect(200);
      expect((await post(`/api/dilemmas/${dilemma.id}/revote`).expect(409)).body.code).toBe('ANOTHER_DILEMMA_OPEN');
      await post(`/api/evenings/${evening.id}/end`).expect(200);
      expect((await post(`/api/dilemmas/${dilemma.id}/revote`).expect(409)).body.code).toBe('EVENING_NOT_LIVE');
      expect((await t.http.get(`/api/dilemmas/${dilemma.id}`).set(analyst.auth).expect(200)).body).toMatchObject({
        status: 'closed',
        round: 2,
      });
    });

    it('queues a new aggregation for every close, one per round', async () => {
      const evening = await createEvening(t, facilitator, {}, 'live');
      const dilemma = await createDilemma(t, facilitator, evening.id);
      await post(`/api/dilemmas/${dilemma.id}/open`).expect(200);
      await post(`/api/dilemmas/${dilemma.id}/close`).expect(200);
      await post(`/api/dilemmas/${dilemma.id}/revote`).expect(200);
      await post(`/api/dilemmas/${dilemma.id}/close`).expect(200);
      const jobs = await t.app
        .get(JobQueueRepository)
        .queue('aggregation')
        .getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized']);
      const ids = jobs.filter((j) => j.data.dilemmaId === dilemma.id).map((j) => j.id);
      expect(ids).toHaveLength(2);
      expect(ids.some((id) => id?.includes('.1-'))).toBe(true);
      expect(ids.some((id) => id?.includes('.2-'))).toBe(true);
    });

    it('refuses transitions to analysts (403), without a token (401), and for unknown dilemmas (404)', async () => {
      const evening = await createEvening(t, facilitator, {}, 'live');
      const dilemma = await createDilemma(t, facilitator, evening.id);
      for (const move of ['open', 'close', 'reveal', 'revote']) {
        await post(`/api/dilemmas/${dilemma.id}/${move}`, analyst).expect(403);
        await t.http.post(`/api/dilemmas/${dilemma.id}/${move}`).expect(401);
        await post(`/api/dilemmas/${randomUUID()}/${move}`, admin).expect(404);
        await post(`/api/dilemmas/not-a-uuid/${move}`, admin).expect(404);
      }
      await t.http.get(`/api/dilemmas/${randomUUID()}`).set(admin.auth).expect(404);
      expect((await t.http.get(`/api/dilemmas/${dilemma.id}`).set(admin.auth).expect(200)).body.status).toBe('draft');
    });

    it('makes a close wait for a vote batch holding the dilemma FOR SHARE, and makes later batches see it closed', async () => {
      const evening = await createEvening(t, facilitator, {}, 'live');
      const dilemma = await createDilemma(t, facilitator, evening.id);
      await post(`/api/dilemmas/${dilemma.id}/open`).expect(200);
      const voteWriter = new Client({ connectionString: t.config.databaseUrl });
      await voteWriter.connect();
      try {
        // What the vote writer does: lock the dilemma row FOR SHARE and check status and round.
        await voteWriter.query('BEGIN');
        const [seen] = (await voteWriter.query('SELECT status, round FROM dilemma WHERE id = $1 FOR SHARE', [dilemma.id])).rows;
        expect(seen).toEqual({ status: 'open', round: 1 });

        const closing = post(`/api/dilemmas/${dilemma.id}/close`).then((r) => r);
        // Wait until the close's UPDATE is blocked on our share lock (a condition, not a time).
        for (let blocked = false; !blocked;) {
          const rows = await t.dataSource.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE dilemma SET status = ''closed''%'`,
          );
          blocked = rows.length > 0;
          if (!blocked) await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await voteWriter.query('COMMIT');
        expect((await closing).status).toBe(200);

        await voteWriter.query('BEGIN');
        const [after] = (await voteWriter.query('SELECT status, round FROM dilemma WHERE id = $1 FOR SHARE', [dilemma.id])).rows;
        expect(after).toEqual({ status: 'closed', round: 1 });
        await voteWriter.query('COMMIT');
      } finally {
        await voteWriter.end();
      }
    });

    it('lets an admin run every transition', async () => {
      const evening = await createEvening(t, admin, {}, 'live');
      const dilemma = await createDilemma(t, admin, evening.id);
      for (const move of ['open', 'reveal', 'close', 'revote'])
        await post(`/api/dilemmas/${dilemma.id}/${move}`, admin).expect(200);
    });
  });
});
