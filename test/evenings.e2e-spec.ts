import { randomUUID } from 'node:crypto';
import { jobIds } from '@hs/contracts';
import { EveningRepository, JobQueueRepository } from '@hs/persistence';
import { anEveningInput, createDilemma, createEvening, recordLiveBus } from './support/evening-builders';
import { bootWithStaff, type StaffSession, type TestApp } from './support/test-app';

describe('evenings (e2e)', () => {
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

  it('creates a draft evening with a join code from the look-alike-free alphabet', async () => {
    const response = await t.http
      .post('/api/evenings')
      .set(facilitator.auth)
      .send(anEveningInput({ capacity: 80 }))
      .expect(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: 'Bewonersavond Leeuwarden',
      municipality: 'Leeuwarden',
      municipalities: ['Leeuwarden'],
      venue: 'Wijkcentrum De Vlietzone',
      startsAt: '2026-03-12T18:30:00.000Z',
      capacity: 80,
      joinMode: 'open',
      status: 'draft',
      joinCode: expect.stringMatching(/^[A-HJKMNP-Z2-9]{6}$/),
      endedAt: null,
      roundId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const read = await t.http.get(`/api/evenings/${response.body.id}`).set(facilitator.auth).expect(200);
    expect(read.body).toEqual(response.body);
    // Analysts read the evening but never its join code.
    const { joinCode: _code, ...withoutCode } = response.body;
    const analystRead = await t.http.get(`/api/evenings/${response.body.id}`).set(analyst.auth).expect(200);
    expect(analystRead.body).toEqual(withoutCode);
  });

  it('stores quotes and HTML in texts verbatim', async () => {
    const nasty = `<script>alert("x")</script> & 'quotes'`;
    const created = await createEvening(t, admin, {
      title: nasty,
      venue: nasty,
      municipality: 'Súdwest-Fryslân',
      joinMode: 'cards',
    });
    expect(created.title).toBe(nasty);
    expect(created.joinMode).toBe('cards');
    const read = await t.http.get(`/api/evenings/${created.id}`).set(admin.auth).expect(200);
    expect(read.body).toMatchObject({ title: nasty, venue: nasty, municipality: 'Súdwest-Fryslân' });
  });

  it('gives evenings distinct join codes', async () => {
    const evenings = await Promise.all(Array.from({ length: 10 }, () => createEvening(t, facilitator)));
    expect(new Set(evenings.map((e) => e.joinCode)).size).toBe(10);
  });

  it('lets a join code be reused only once the evening holding it has ended', async () => {
    const repository = t.app.get(EveningRepository);
    const holder = await createEvening(t, facilitator);
    const values = { title: 't', municipality: 'm', venue: 'v', startsAt: new Date(), capacity: null, joinMode: 'open' as const };
    expect(await repository.insert({ ...values, joinCode: holder.joinCode })).toBeNull();
    await t.dataSource.query(`UPDATE evening SET status = 'ended', ended_at = now() WHERE id = $1`, [holder.id]);
    const reuser = await repository.insert({ ...values, joinCode: holder.joinCode });
    expect(reuser?.joinCode).toBe(holder.joinCode);
  });

  it('refuses bad bodies with 400: unknown fields, wrong types, missing fields, no offset, empty texts', async () => {
    const bad = [
      anEveningInput({ isAdmin: true }),
      anEveningInput({ joinCode: 'AAAAAA' }),
      anEveningInput({ status: 'live' }),
      anEveningInput({ title: 42 }),
      anEveningInput({ title: '   ' }),
      anEveningInput({ capacity: '50' }),
      anEveningInput({ capacity: 0 }),
      anEveningInput({ capacity: 2.5 }),
      anEveningInput({ joinMode: 'secret' }),
      anEveningInput({ startsAt: '2026-03-12T19:30:00' }),
      anEveningInput({ startsAt: '2026-03-12' }),
      anEveningInput({ startsAt: '2026-02-30T19:30:00Z' }),
      anEveningInput({ startsAt: 'morgen' }),
      { title: 'x', municipality: 'y' },
      [],
    ];
    for (const body of bad) {
      const response = await t.http.post('/api/evenings').set(facilitator.auth).send(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
  });

  it('refuses an analyst (403) and no or a forged token (401)', async () => {
    await t.http.post('/api/evenings').set(analyst.auth).send(anEveningInput()).expect(403);
    await t.http.post('/api/evenings').send(anEveningInput()).expect(401);
    const [header, payload] = admin.token.split('.');
    await t.http
      .post('/api/evenings')
      .set('Authorization', `Bearer ${header}.${payload}.forged`)
      .send(anEveningInput())
      .expect(401);
    await t.http.get('/api/evenings').expect(401);
    const evening = await createEvening(t, admin);
    await t.http.post(`/api/evenings/${evening.id}/publish`).set(analyst.auth).expect(403);
    await t.http.patch(`/api/evenings/${evening.id}`).set(analyst.auth).send({ title: 'x' }).expect(403);
  });

  it('answers 413 on an oversized body', async () => {
    const response = await t.http
      .post('/api/evenings')
      .set(facilitator.auth)
      .send(anEveningInput({ title: 'x'.repeat(200 * 1024) }))
      .expect(413);
    expect(response.body).toMatchObject({ statusCode: 413 });
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '1']) {
      await t.http.get(`/api/evenings/${id}`).set(admin.auth).expect(404);
      await t.http.patch(`/api/evenings/${id}`).set(admin.auth).send({ title: 'x' }).expect(404);
      await t.http.post(`/api/evenings/${id}/publish`).set(admin.auth).expect(404);
    }
  });

  it('lists evenings to any staff role', async () => {
    const evening = await createEvening(t, facilitator);
    const list = await t.http.get('/api/evenings').set(analyst.auth).expect(200);
    expect(list.body.map((e: { id: string }) => e.id)).toContain(evening.id);
  });

  it('walks draft → published → live → ended and answers 409 to every other move', async () => {
    const evening = await createEvening(t, facilitator);
    const path = `/api/evenings/${evening.id}`;
    await t.http.post(`${path}/start`).set(facilitator.auth).expect(409);
    await t.http.post(`${path}/end`).set(facilitator.auth).expect(409);
    expect((await t.http.post(`${path}/publish`).set(facilitator.auth).expect(200)).body.status).toBe('published');
    const again = await t.http.post(`${path}/publish`).set(facilitator.auth).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'INVALID_TRANSITION' });
    await t.http.post(`${path}/end`).set(facilitator.auth).expect(409);
    expect((await t.http.post(`${path}/start`).set(facilitator.auth).expect(200)).body.status).toBe('live');
    await t.http.post(`${path}/publish`).set(facilitator.auth).expect(409);
    const ended = await t.http.post(`${path}/end`).set(facilitator.auth).expect(200);
    expect(ended.body.status).toBe('ended');
    expect(ended.body.endedAt).toEqual(expect.any(String));
    for (const action of ['publish', 'start', 'end']) await t.http.post(`${path}/${action}`).set(facilitator.auth).expect(409);
  });

  it('lets only one of two concurrent identical moves succeed', async () => {
    const evening = await createEvening(t, facilitator);
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () => t.http.post(`/api/evenings/${evening.id}/publish`).set(facilitator.auth)),
    );
    expect(statuses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
  });

  it('publishes evening.changed on every transition', async () => {
    const evening = await createEvening(t, facilitator, {}, 'ended');
    for (const status of ['published', 'live', 'ended']) {
      expect(await bus.seen('evening.changed', { eveningId: evening.id, status })).toBe(true);
    }
  });

  it('ending closes the open dilemma, announces it and queues both aggregations', async () => {
    const evening = await createEvening(t, facilitator, {}, 'live');
    const dilemma = await createDilemma(t, facilitator, evening.id);
    await t.http.post(`/api/dilemmas/${dilemma.id}/open`).set(facilitator.auth).expect(200);
    await t.http.post(`/api/evenings/${evening.id}/end`).set(facilitator.auth).expect(200);

    const after = await t.http.get(`/api/dilemmas/${dilemma.id}`).set(facilitator.auth).expect(200);
    expect(after.body.status).toBe('closed');
    expect(await bus.seen('dilemma.changed', { eveningId: evening.id, dilemmaId: dilemma.id, change: 'closed' })).toBe(true);

    const queue = t.app.get(JobQueueRepository).queue('aggregation');
    const eveningJob = await queue.getJob(jobIds.aggregateEvening(evening.id));
    expect(eveningJob?.name).toBe('aggregate-evening');
    expect(eveningJob?.data).toEqual({ eveningId: evening.id });
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized']);
    expect(jobs.some((j) => j.name === 'aggregate-dilemma' && j.data.dilemmaId === dilemma.id)).toBe(true);
  });

  it('patches fields as the state allows: all in draft, title/venue/capacity when live, nothing once ended', async () => {
    const evening = await createEvening(t, facilitator);
    const path = `/api/evenings/${evening.id}`;
    const patched = await t.http
      .patch(path)
      .set(facilitator.auth)
      .send({
        title: 'Nieuwe titel',
        municipality: 'Harlingen',
        startsAt: '2026-04-01T19:00:00+02:00',
        capacity: 40,
        joinMode: 'cards',
      })
      .expect(200);
    expect(patched.body).toMatchObject({
      title: 'Nieuwe titel',
      municipality: 'Harlingen',
      startsAt: '2026-04-01T17:00:00.000Z',
      capacity: 40,
      joinMode: 'cards',
    });
    expect(patched.body.joinCode).toBe(evening.joinCode);
    expect((await t.http.patch(path).set(facilitator.auth).send({ capacity: null }).expect(200)).body.capacity).toBeNull();

    await t.http.post(`${path}/publish`).set(facilitator.auth).expect(200);
    await t.http.post(`${path}/start`).set(facilitator.auth).expect(200);
    await t.http.patch(path).set(facilitator.auth).send({ venue: 'Grote zaal', capacity: 60 }).expect(200);
    await t.http.patch(path).set(facilitator.auth).send({ joinMode: 'open' }).expect(409);
    await t.http.patch(path).set(facilitator.auth).send({ municipality: 'Leeuwarden' }).expect(409);
    await t.http.post(`${path}/end`).set(facilitator.auth).expect(200);
    const refused = await t.http.patch(path).set(facilitator.auth).send({ title: 'Te laat' }).expect(409);
    expect(refused.body.code).toBe('EVENING_ENDED');
    expect((await t.http.get(path).set(facilitator.auth).expect(200)).body.venue).toBe('Grote zaal');
  });

  it('refuses bad patches with 400: unknown fields, null for required texts, wrong types', async () => {
    const evening = await createEvening(t, facilitator);
    for (const body of [
      { status: 'live' },
      { joinCode: 'ABCDEF' },
      { title: null },
      { title: 5 },
      { capacity: -1 },
      { startsAt: 'gisteren' },
    ]) {
      const response = await t.http.patch(`/api/evenings/${evening.id}`).set(facilitator.auth).send(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
  });

  it('lists published and live evenings publicly, without join codes', async () => {
    const draft = await createEvening(t, facilitator);
    const published = await createEvening(t, facilitator, { capacity: 10 }, 'published');
    const live = await createEvening(t, facilitator, {}, 'live');
    const ended = await createEvening(t, facilitator, {}, 'ended');
    const response = await t.http.get('/api/public/evenings').expect(200);
    const ids = response.body.map((e: { id: string }) => e.id);
    expect(ids).toEqual(expect.arrayContaining([published.id, live.id]));
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(ended.id);
    for (const e of response.body) {
      expect(e).not.toHaveProperty('joinCode');
      expect(JSON.stringify(e)).not.toContain(published.joinCode);
    }
    expect(response.body.find((e: { id: string }) => e.id === published.id)).toMatchObject({
      status: 'published',
      capacity: 10,
      seatsLeft: 10,
      registrationOpen: true,
    });
    expect(response.body.find((e: { id: string }) => e.id === live.id)).toMatchObject({
      status: 'live',
      registrationOpen: false,
    });
  });

  it('documents the evening endpoints in the OpenAPI document', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/evenings', '/api/evenings/{id}', '/api/evenings/{id}/publish', '/api/public/evenings']),
    );
  });
});
