import { JobQueueRepository } from '@hs/persistence';
import { createEvening } from './support/evening-builders';
import { aLiveEvening, transition } from './support/live-builders';
import { connectTenant, joinEvening, type LiveClient } from './support/live-client';
import { bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';

const CARD = /^[A-HJKMNP-Z2-9]{10}$/;

describe('joining, check-in cards and manual counts (e2e)', () => {
  let t: TestApp;
  let staff: StaffSession;
  const sockets: LiveClient[] = [];
  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffSession(t, 'facilitator');
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('lets a tenant join an open evening anonymously with the code in any case, and says why not otherwise', async () => {
    const live = await createEvening(t, staff, {}, 'live');
    const joined = await t.http
      .post('/api/join')
      .send({ joinCode: ` ${live.joinCode.toLowerCase()} `, group: 'tenant', municipality: 'Leeuwarden', ageBand: '65-79' })
      .expect(201);
    expect(joined.body).toEqual({ participantToken: expect.any(String), participantId: expect.any(String), eveningId: live.id });
    const row = await t.dataSource.query('SELECT * FROM participant WHERE id = $1', [joined.body.participantId]);
    expect(row[0]).toMatchObject({ evening_id: live.id, group: 'tenant', municipality: 'Leeuwarden', age_band: '65-79' });
    sockets.push(await connectTenant(t.url, joined.body.participantToken));

    await t.http.post('/api/join').send({ joinCode: 'ZZZZZZ' }).expect(404);
    const published = await createEvening(t, staff, {}, 'published');
    await t.http.post('/api/join').send({ joinCode: published.joinCode }).expect(409);
    for (const body of [
      {},
      { joinCode: 42 },
      { joinCode: live.joinCode, name: 'Jan' },
      { joinCode: live.joinCode, group: 'mayor' },
    ]) {
      await t.http.post('/api/join').send(body).expect(400);
    }
  });

  it('admits 300 tenants behind one address within the default limits', async () => {
    const live = await createEvening(t, staff, {}, 'live');
    const statuses: number[] = [];
    for (let i = 0; i < 300; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, () => t.http.post('/api/join').send({ joinCode: live.joinCode })),
      );
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(300);
  }, 60_000);

  it('rate limits failed joins per address with 429 and Retry-After, never successful ones', async () => {
    const strict = await bootTestApp({ JOIN_RATE_LIMIT_PER_IP: '5' });
    try {
      const boss = await staffSession(strict, 'facilitator');
      const live = await createEvening(strict, boss, {}, 'live');
      // One venue address of our own (loopback proxies are trusted for X-Forwarded-For), so other tests' joins do not count.
      const venue = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;
      const join = (joinCode: string) => strict.http.post('/api/join').set('X-Forwarded-For', venue).send({ joinCode });
      // Successes are not counted (abuse-limits.e2e-spec.ts has the attacks this keeps out).
      for (let i = 0; i < 10; i++) await join(live.joinCode).expect(201);
      for (let i = 0; i < 5; i++) await join('AAAAAA').expect(404);
      const refused = await join('AAAAAA').expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      await join(live.joinCode).expect(201);
    } finally {
      await strict.close();
    }
  });

  it('makes single-use cards that a cards evening requires, one participant per card even when two phones race', async () => {
    const evening = await createEvening(t, staff, { joinMode: 'cards' }, 'live');
    const made = await t.http.post(`/api/evenings/${evening.id}/cards`).set(staff.auth).send({ count: 4 }).expect(201);
    const codes = made.body.cards.map((c: { code: string }) => c.code);
    expect(codes).toHaveLength(4);
    codes.forEach((code: string) => expect(code).toMatch(CARD));
    expect(new Set(codes).size).toBe(4);

    await t.http.post('/api/join').send({ joinCode: evening.joinCode }).expect(403);
    await t.http.post('/api/join').send({ joinCode: evening.joinCode, cardCode: 'ABCDEFGHJK' }).expect(403);
    await t.http.post('/api/join').send({ joinCode: evening.joinCode, cardCode: codes[0].toLowerCase() }).expect(201);
    await t.http.post('/api/join').send({ joinCode: evening.joinCode, cardCode: codes[0] }).expect(409);
    const race = await Promise.all(
      [1, 2, 3].map(() => t.http.post('/api/join').send({ joinCode: evening.joinCode, cardCode: codes[1] })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    // A card from another evening does not open this one.
    const other = await createEvening(t, staff, { joinMode: 'cards' }, 'live');
    const otherCard = (await t.http.post(`/api/evenings/${other.id}/cards`).set(staff.auth).send({ count: 1 }).expect(201)).body
      .cards[0].code;
    await t.http.post('/api/join').send({ joinCode: evening.joinCode, cardCode: otherCard }).expect(403);
    // Cards do not know whom they admitted.
    const columns = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'checkin_card'`,
    );
    expect(columns.map((c: { column_name: string }) => c.column_name)).not.toContain('participant_id');
  });

  it('checks card requests: count 1..2000, staff roles, known evening', async () => {
    const evening = await createEvening(t, staff, { joinMode: 'cards' }, 'live');
    const url = `/api/evenings/${evening.id}/cards`;
    for (const body of [{ count: 0 }, { count: 2001 }, { count: '3' }, { count: 2.5 }, {}, { count: 2, extra: 1 }]) {
      await t.http.post(url).set(staff.auth).send(body).expect(400);
    }
    const analyst = await staffSession(t, 'analyst');
    await t.http.post(url).set(analyst.auth).send({ count: 1 }).expect(403);
    await t.http.post(url).send({ count: 1 }).expect(401);
    const tenant = await joinEvening(t, (await createEvening(t, staff, {}, 'live')).joinCode);
    await t.http.post(url).set('Authorization', `Bearer ${tenant.participantToken}`).send({ count: 1 }).expect(401);
    await t.http.post('/api/evenings/00000000-0000-4000-8000-000000000000/cards').set(staff.auth).send({ count: 1 }).expect(404);
    await t.http.post('/api/evenings/not-a-uuid/cards').set(staff.auth).send({ count: 1 }).expect(404);
  });

  it('serves a printable page of a batch, escaped, to whoever holds its signed link only', async () => {
    const evening = await createEvening(t, staff, { joinMode: 'cards', title: '<script>alert(1)</script> & "Wijk"' }, 'live');
    const made = await t.http.post(`/api/evenings/${evening.id}/cards`).set(staff.auth).send({ count: 3 }).expect(201);
    const printUrl = new URL(made.body.printUrl);
    expect(printUrl.pathname).toBe(`/api/evenings/${evening.id}/cards/print`);
    const page = await t.http.get(`${printUrl.pathname}${printUrl.search}`).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    for (const { code } of made.body.cards) expect(page.text).toContain(code);
    expect(page.text.match(/<svg/g)).toHaveLength(3);
    expect(page.text).toContain('Toegangskaart');
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Wijk&quot;');

    await t.http.get(printUrl.pathname).expect(401);
    const token = printUrl.searchParams.get('token')!;
    await t.http.get(`${printUrl.pathname}?token=${token.slice(0, -3)}abc`).expect(401);
    const other = await createEvening(t, staff, { joinMode: 'cards' }, 'live');
    await t.http.get(`/api/evenings/${other.id}/cards/print?token=${encodeURIComponent(token)}`).expect(401);
    // A staff or tenant token is no print token.
    await t.http.get(`${printUrl.pathname}?token=${staff.token}`).expect(401);
  });

  it('validates manual counts and queues a new aggregation when the dilemma is closed', async () => {
    const { dilemmas } = await aLiveEvening(t, staff)
      .withDilemma('choice', 2)
      .withDilemma('scale')
      .withDilemma('budget', 2)
      .withDilemma('multi', 3)
      .build();
    const [choice, scale, budget, multi] = dilemmas;
    const url = (id: string) => `/api/dilemmas/${id}/manual-counts`;
    const [a, b] = choice.options.map((o) => o.id);
    const draft = await t.http
      .post(url(choice.id))
      .set(staff.auth)
      .send({ round: 1, counts: { [a]: 1 } })
      .expect(409);
    expect(draft.body.code).toBe('DILEMMA_NOT_OPEN');
    await transition(t, staff, choice.id, 'open');
    for (const body of [
      { round: 1, counts: { [a]: -1 } },
      { round: 1, counts: { [a]: 1.5 } },
      { round: 1, counts: { [a]: '3' } },
      { round: 1, counts: { [a]: 10_001 } },
      { round: 1, counts: { 'not-an-option': 1 } },
      { round: 1, counts: {} },
      { round: 0, counts: { [a]: 1 } },
      { round: 1, counts: { [a]: 1 }, extra: true },
      { round: 1, counts: [1, 2] },
      { counts: { [a]: 1 } },
    ]) {
      await t.http.post(url(choice.id)).set(staff.auth).send(body).expect(400);
    }
    // A round that does not exist yet is unknown (404); a 0 is a correction now (hand counts replace, not add).
    const unknownRound = await t.http
      .post(url(choice.id))
      .set(staff.auth)
      .send({ round: 2, counts: { [a]: 1 } })
      .expect(404);
    expect(unknownRound.body.code).toBe('VOTING_ROUND_NOT_FOUND');
    const analyst = await staffSession(t, 'analyst');
    await t.http
      .post(url(choice.id))
      .set(analyst.auth)
      .send({ round: 1, counts: { [a]: 1 } })
      .expect(403);
    await t.http
      .post(url('00000000-0000-4000-8000-000000000000'))
      .set(staff.auth)
      .send({ round: 1, counts: { [a]: 1 } })
      .expect(404);
    await t.http
      .post(url(choice.id))
      .set(staff.auth)
      .send({ round: 1, counts: { [a]: 4, [b]: 1 } })
      .expect(201);
    await transition(t, staff, choice.id, 'close');
    await t.http
      .post(url(choice.id))
      .set(staff.auth)
      .send({ round: 1, counts: { [b]: 2 } })
      .expect(201);
    const jobs = await t.app
      .get(JobQueueRepository)
      .queue('aggregation')
      .getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized']);
    expect(jobs.some((j) => j.id?.includes(`${choice.id}.1-manual-`) && j.data.dilemmaId === choice.id)).toBe(true);

    await transition(t, staff, scale.id, 'open');
    await t.http
      .post(url(scale.id))
      .set(staff.auth)
      .send({ round: 1, counts: { '6': 1 } })
      .expect(400);
    const s = await t.http
      .post(url(scale.id))
      .set(staff.auth)
      .send({ round: 1, counts: { '1': 2, '5': 1 } })
      .expect(201);
    expect(s.body.respondents).toBe(3);
    await transition(t, staff, scale.id, 'close');

    await transition(t, staff, budget.id, 'open');
    const [p, q] = budget.options.map((o) => o.id);
    await t.http
      .post(url(budget.id))
      .set(staff.auth)
      .send({ round: 1, counts: { [p]: 7, [q]: 2 } })
      .expect(400);
    expect(
      (
        await t.http
          .post(url(budget.id))
          .set(staff.auth)
          .send({ round: 1, counts: { [p]: 15, [q]: 5 } })
          .expect(201)
      ).body.respondents,
    ).toBe(2);
    await transition(t, staff, budget.id, 'close');

    await transition(t, staff, multi.id, 'open');
    const [m1, m2] = multi.options.map((o) => o.id);
    expect(
      (
        await t.http
          .post(url(multi.id))
          .set(staff.auth)
          .send({ round: 1, counts: { [m1]: 4, [m2]: 3 } })
          .expect(201)
      ).body.respondents,
    ).toBe(4);
    expect(
      (
        await t.http
          .post(url(multi.id))
          .set(staff.auth)
          .send({ round: 1, counts: { [m1]: 4, [m2]: 3 }, respondents: 6 })
          .expect(201)
      ).body.respondents,
    ).toBe(6);
    await t.http
      .post(url(multi.id))
      .set(staff.auth)
      .send({ round: 1, counts: { [m1]: 4, [m2]: 3 }, respondents: 8 })
      .expect(400);
  }, 60_000);
});
