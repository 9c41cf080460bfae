import { randomUUID } from 'node:crypto';
import { RegistrationService } from '@hs/domain';
import { createEvening } from './support/evening-builders';
import { bootTestApp, bootWithStaff, type StaffSession, type TestApp } from './support/test-app';

/** A sign-up with an e-mail address of its own: one registration per address and evening. */
const aRegistration = (overrides: Record<string, unknown> = {}) => ({
  name: 'Grietje de Vries',
  email: `grietje-${randomUUID().slice(0, 8)}@example.nl`,
  group: 'tenant',
  municipality: 'Leeuwarden',
  consent: true,
  ...overrides,
});

describe('registrations (e2e)', () => {
  let t: TestApp;
  let admin: StaffSession;
  let facilitator: StaffSession;
  let analyst: StaffSession;

  beforeAll(async () => {
    // Every sign-up here comes from the test client's one address: the per-address limit is tested apart below.
    ({ t, admin, facilitator, analyst } = await bootWithStaff({ REGISTRATIONS_PER_IP: '1000000' }));
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (eveningId: string, body: unknown) =>
    t.http.post(`/api/evenings/${eveningId}/registrations`).send(body as object);

  it('signs up for a published evening without a token and shows it to staff verbatim', async () => {
    const evening = await createEvening(t, facilitator, {}, 'published');
    const nasty = `<script>alert("x")</script> & 'quotes'`;
    const created = await register(evening.id, aRegistration({ name: nasty, email: 'grietje@example.nl' })).expect(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await register(evening.id, { name: 'Sjoerd', group: 'stakeholder', consent: true }).expect(201);

    const list = await t.http.get(`/api/evenings/${evening.id}/registrations`).set(facilitator.auth).expect(200);
    expect(list.body).toEqual([
      {
        id: created.body.id,
        name: nasty,
        email: 'grietje@example.nl',
        group: 'tenant',
        municipality: 'Leeuwarden',
        createdAt: expect.any(String),
      },
      expect.objectContaining({ name: 'Sjoerd', email: null, group: 'stakeholder', municipality: null }),
    ]);
  });

  it('refuses without consent true (400), and bad bodies (400)', async () => {
    const evening = await createEvening(t, facilitator, {}, 'published');
    const noConsent = await register(evening.id, aRegistration({ consent: false })).expect(400);
    expect(noConsent.body).toMatchObject({ statusCode: 400, code: 'CONSENT_REQUIRED' });
    const bad = [
      aRegistration({ consent: undefined }),
      aRegistration({ consent: 'true' }),
      aRegistration({ consent: 1 }),
      aRegistration({ group: 'landlord' }),
      aRegistration({ email: 'not-an-email' }),
      aRegistration({ name: '' }),
      aRegistration({ name: 42 }),
      aRegistration({ participantId: randomUUID() }),
      aRegistration({ eveningId: randomUUID() }),
      { consent: true },
    ];
    for (const body of bad) {
      const response = await register(evening.id, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    const list = await t.http.get(`/api/evenings/${evening.id}/registrations`).set(admin.auth).expect(200);
    expect(list.body).toEqual([]);
  });

  it('answers 413 on an oversized body', async () => {
    const evening = await createEvening(t, facilitator, {}, 'published');
    await register(evening.id, aRegistration({ name: 'x'.repeat(150 * 1024) })).expect(413);
  });

  it('accepts sign-ups only while published (409 for draft, live and ended) and 404 for unknown evenings', async () => {
    for (const state of ['draft', 'live', 'ended'] as const) {
      const evening = await createEvening(t, facilitator, {}, state);
      const response = await register(evening.id, aRegistration()).expect(409);
      expect(response.body.code).toBe('EVENING_NOT_OPEN_FOR_REGISTRATION');
    }
    await register(randomUUID(), aRegistration()).expect(404);
    await register('nope', aRegistration()).expect(404);
  });

  it('refuses the sign-up after the last seat with 409', async () => {
    const evening = await createEvening(t, facilitator, { capacity: 2 }, 'published');
    await register(evening.id, aRegistration()).expect(201);
    await register(evening.id, aRegistration()).expect(201);
    const full = await register(evening.id, aRegistration()).expect(409);
    expect(full.body).toMatchObject({ statusCode: 409, code: 'EVENING_FULL' });
  });

  it('gives the last seat to exactly one of 20 concurrent sign-ups', async () => {
    const evening = await createEvening(t, facilitator, { capacity: 3 }, 'published');
    await register(evening.id, aRegistration()).expect(201);
    await register(evening.id, aRegistration()).expect(201);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => register(evening.id, aRegistration({ name: `Huurder ${i}` }))),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*)::int AS n FROM registration WHERE evening_id = $1', [evening.id]);
    expect(n).toBe(3);
  });

  it('fills an evening exactly to capacity under 20 concurrent sign-ups for 10 seats', async () => {
    const evening = await createEvening(t, facilitator, { capacity: 10 }, 'published');
    const responses = await Promise.all(Array.from({ length: 20 }, () => register(evening.id, aRegistration())));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(10);
    const publicList = await t.http.get('/api/public/evenings').expect(200);
    expect(publicList.body.find((e: { id: string }) => e.id === evening.id).seatsLeft).toBe(0);
  });

  it('lists registrations to admin and facilitator only', async () => {
    const evening = await createEvening(t, facilitator, {}, 'published');
    await t.http.get(`/api/evenings/${evening.id}/registrations`).set(analyst.auth).expect(403);
    await t.http.get(`/api/evenings/${evening.id}/registrations`).expect(401);
    await t.http.get(`/api/evenings/${randomUUID()}/registrations`).set(admin.auth).expect(404);
  });

  it("deletes an evening's registrations on an admin's request, audited", async () => {
    const evening = await createEvening(t, facilitator, {}, 'published');
    await register(evening.id, aRegistration()).expect(201);
    await register(evening.id, aRegistration()).expect(201);
    await t.http.delete(`/api/evenings/${evening.id}/registrations`).set(facilitator.auth).expect(403);
    const deleted = await t.http.delete(`/api/evenings/${evening.id}/registrations`).set(admin.auth).expect(200);
    expect(deleted.body).toEqual({ deleted: 2 });
    expect((await t.http.get(`/api/evenings/${evening.id}/registrations`).set(admin.auth).expect(200)).body).toEqual([]);
    const audit = await t.dataSource.query(
      `SELECT actor_id, details FROM audit_log WHERE action = 'registrations.delete' AND target_id = $1`,
      [evening.id],
    );
    expect(audit).toEqual([{ actor_id: admin.id, details: { deleted: 2 } }]);
    await t.http.delete(`/api/evenings/${randomUUID()}/registrations`).set(admin.auth).expect(404);
  });

  it('purges registrations of evenings ended longer ago than the retention period, and only those', async () => {
    const old = await createEvening(t, facilitator, {}, 'published');
    const recent = await createEvening(t, facilitator, {}, 'published');
    const open = await createEvening(t, facilitator, {}, 'published');
    for (const e of [old, recent, open]) await register(e.id, aRegistration()).expect(201);
    for (const e of [old, recent]) {
      await t.http.post(`/api/evenings/${e.id}/start`).set(facilitator.auth).expect(200);
      await t.http.post(`/api/evenings/${e.id}/end`).set(facilitator.auth).expect(200);
    }
    const days = t.config.registrationRetentionDays;
    await t.dataSource.query(
      `UPDATE evening SET ended_at = now() - make_interval(days => $2) - interval '1 hour' WHERE id = $1`,
      [old.id, days],
    );
    await t.dataSource.query(
      `UPDATE evening SET ended_at = now() - make_interval(days => $2) + interval '1 hour' WHERE id = $1`,
      [recent.id, days],
    );

    const deleted = await t.app.get(RegistrationService).purgeExpired();
    expect(deleted).toBeGreaterThanOrEqual(1);
    const count = async (id: string) =>
      (await t.dataSource.query('SELECT COUNT(*)::int AS n FROM registration WHERE evening_id = $1', [id]))[0].n;
    expect(await count(old.id)).toBe(0);
    expect(await count(recent.id)).toBe(1);
    expect(await count(open.id)).toBe(1);
  });

  it('limits sign-ups per address (429 with Retry-After)', async () => {
    const strict = await bootTestApp({ REGISTRATIONS_PER_IP: '3' });
    try {
      // Same database: the evening is made through the main app, whose login is not limited to 3.
      const evening = await createEvening(t, facilitator, {}, 'published');
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 6; i++) {
        last = await strict.http.post(`/api/evenings/${evening.id}/registrations`).send(aRegistration());
        statuses.push(last.status);
      }
      expect(statuses.at(-1)).toBe(429);
      expect(last!.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      await strict.close();
    }
  });

  it('keeps registrations unlinkable: no foreign key points at them and none leads from them to a participant', async () => {
    const fks = await t.dataSource.query(
      `SELECT conrelid::regclass::text AS from_table, confrelid::regclass::text AS to_table
       FROM pg_constraint WHERE contype = 'f' AND (confrelid = 'registration'::regclass OR conrelid = 'registration'::regclass)`,
    );
    expect(fks).toEqual([{ from_table: 'registration', to_table: 'evening' }]);
  });
});
