import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DilemmaRepository, JobQueueRepository } from '@hs/persistence';
import { createDilemma, createEvening, recordLiveBus } from './support/evening-builders';
import { bootWithStaff, type StaffSession, type TestApp } from './support/test-app';

describe('dilemmas: open, close, reveal, revote (e2e)', () => {
  let t: TestApp;
  let admin: StaffSession;
  let facilitator: StaffSession;
  let analyst: StaffSession;
  let bus: Awaited<ReturnType<typeof recordLiveBus>>;

  beforeAll(async () => {
    ({ t, admin, facilitator, analyst } = await bootWithStaff());
    bus = await recordLiveBus(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Waits (for a condition, not a time) until a query matching the LIKE pattern waits on a lock. */
  async function waitForBlockedQuery(likePattern: string): Promise<void> {
    for (;;) {
      const rows = await t.dataSource.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '${likePattern}'`,
      );
      if (rows.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  const post = (path: string, staff: StaffSession = facilitator) => t.http.post(path).set(staff.auth);

  describe('transitions', () => {
    it('opens a draft of a live evening, announces it on the live bus and audits it', async () => {
      const evening = await createEvening(t, facilitator, {}, 'live');
      const dilemma = await createDilemma(t, facilitator, evening.id);
      const opened = await post(`/api/dilemmas/${dilemma.id}/open`).expect(200);
      expect(opened.body).toEqual({ ...dilemma, status: 'open' });
      expect(await bus.seen('dilemma.changed', { eveningId: evening.id, dilemmaId: dilemma.id, change: 'opened' })).toBe(true);
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

    it('answers 409 ANOTHER_DILEMMA_OPEN when the unique index, not the check, catches a second open', async () => {
      const evening = await createEvening(t, facilitator, {}, 'live');
      const [a, b] = [await createDilemma(t, facilitator, evening.id), await createDilemma(t, facilitator, evening.id)];
      const outsider = new Client({ connectionString: t.config.databaseUrl });
      await outsider.connect();
      try {
        // A writer that skips the evening lock opens A and has not committed yet: B's check cannot see it.
        await outsider.query('BEGIN');
        await outsider.query(`UPDATE dilemma SET status = 'open' WHERE id = $1`, [a.id]);
        const opening = post(`/api/dilemmas/${b.id}/open`).then((r) => r);
        await waitForBlockedQuery(`UPDATE dilemma SET status = ''open''%`);
        await outsider.query('COMMIT');
        const response = await opening;
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('ANOTHER_DILEMMA_OPEN');
      } finally {
        await outsider.end();
      }
      expect((await t.http.get(`/api/dilemmas/${b.id}`).set(admin.auth).expect(200)).body.status).toBe('draft');
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
      expect(await bus.seen('dilemma.changed', { eveningId: evening.id, dilemmaId: dilemma.id, change: 'closed' })).toBe(true);

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
      expect(await bus.seen('dilemma.changed', { eveningId: evening.id, dilemmaId: dilemma.id, change: 'revealed' })).toBe(true);
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
      expect(await bus.seen('dilemma.changed', { eveningId: evening.id, dilemmaId: dilemma.id, change: 'revoted' })).toBe(true);
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
        // Wait until the close's UPDATE is blocked on our share lock.
        await waitForBlockedQuery(`UPDATE dilemma SET status = ''closed''%`);
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

    it("finds the live state's current dilemma: the open one, else the last one touched, else none", async () => {
      const repository = t.app.get(DilemmaRepository);
      const evening = await createEvening(t, facilitator, {}, 'live');
      const first = await createDilemma(t, facilitator, evening.id);
      const second = await createDilemma(t, facilitator, evening.id);
      expect(await repository.findCurrent(evening.id)).toBeNull();
      await post(`/api/dilemmas/${second.id}/open`).expect(200);
      expect((await repository.findCurrent(evening.id))?.dilemma.id).toBe(second.id);
      await post(`/api/dilemmas/${second.id}/close`).expect(200);
      expect((await repository.findCurrent(evening.id))?.dilemma.id).toBe(second.id);
      await post(`/api/dilemmas/${first.id}/open`).expect(200);
      await post(`/api/dilemmas/${second.id}/reveal`).expect(200);
      const current = await repository.findCurrent(evening.id);
      expect(current?.dilemma.id).toBe(first.id);
      expect(current?.options.map((o) => o.position)).toEqual([1, 2]);
    });

    it('documents the dilemma endpoints in the OpenAPI document', async () => {
      const doc = await t.http.get('/api/docs-json').expect(200);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining(['/api/evenings/{id}/dilemmas', '/api/dilemmas/{id}/open', '/api/dilemmas/{id}/revote']),
      );
    });

    it('lets an admin run every transition', async () => {
      const evening = await createEvening(t, admin, {}, 'live');
      const dilemma = await createDilemma(t, admin, evening.id);
      for (const move of ['open', 'reveal', 'close', 'revote'])
        await post(`/api/dilemmas/${dilemma.id}/${move}`, admin).expect(200);
    });
  });
});
