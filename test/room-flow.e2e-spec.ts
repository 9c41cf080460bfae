import type { DilemmaView, StatePayload } from '@hs/contracts';
import { dropDatabase, freshDatabaseUrl } from './support/databases';
import { createEvening } from './support/evening-builders';
import { aLiveEvening, transition } from './support/live-builders';
import {
  aVotePayload,
  connect,
  connectStaff,
  connectTenant,
  joinEvening,
  type LiveClient,
  vote,
  waitForEvent,
} from './support/live-client';
import { waitFor } from './support/wait';
import { bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';

/**
 * How a facilitator moves through an evening over HTTP and the socket: "Volgende vraag", the countdown (closed by
 * the server at zero, with no console open), presence that falls when phones leave and after the end, and the
 * join codes and live data kept from analysts.
 */
describe('the room: next question, countdown, presence, analysts (e2e)', () => {
  let t: TestApp;
  let staff: StaffSession;
  let analyst: StaffSession;
  const sockets: LiveClient[] = [];
  // A database of its own: every platform with a worker closes due countdowns in its database, and one of another
  // suite on a bus of its own (its own Redis, the local backplane) would close this suite's countdown where the
  // phones here never hear of it.
  const databaseUrl = freshDatabaseUrl('flow');
  beforeAll(async () => {
    t = await bootTestApp({ DATABASE_URL: databaseUrl });
    [staff, analyst] = await Promise.all([staffSession(t, 'facilitator'), staffSession(t, 'analyst')]);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
    await dropDatabase(databaseUrl);
  });

  const next = (eveningId: string, who: StaffSession = staff) => t.http.post(`/api/evenings/${eveningId}/next`).set(who.auth);
  const status = async (id: string) => (await t.http.get(`/api/dilemmas/${id}`).set(staff.auth).expect(200)).body as DilemmaView;

  it('opens the first question, then closes each and opens the next, and refuses past the last one changing nothing', async () => {
    const { evening, dilemmas } = await aLiveEvening(t, staff)
      .withDilemma('choice', 2)
      .withDilemma('scale')
      .withDilemma('multi', 3)
      .build();
    const [a, b, c] = dilemmas;
    const watcher = await connectStaff(t.url, staff, evening.id);
    sockets.push(watcher);

    const first = await next(evening.id).expect(200);
    expect(first.body).toMatchObject({ closed: null, opened: { id: a.id, status: 'open', round: 1 } });
    await waitForEvent(watcher, 'dilemma', (p) => p.dilemma.id === a.id && p.dilemma.status === 'open');

    const second = await next(evening.id).expect(200);
    expect(second.body).toMatchObject({ closed: { id: a.id, status: 'closed' }, opened: { id: b.id, status: 'open' } });
    await next(evening.id).expect(200);
    expect((await status(b.id)).status).toBe('closed');

    const refused = await next(evening.id).expect(409);
    expect(refused.body.code).toBe('NO_NEXT_DILEMMA');
    expect((await status(c.id)).status).toBe('open');

    const audit = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE target_id = ANY($1::text[]) AND action IN ('dilemma.open', 'dilemma.close') ORDER BY at, id`,
      [[a.id, b.id, c.id]],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'dilemma.open',
      'dilemma.close',
      'dilemma.open',
      'dilemma.close',
      'dilemma.open',
    ]);
  });

  it('refuses "next" to an analyst, for an unknown evening, and for an evening that is not live (nothing closed)', async () => {
    const { evening } = await aLiveEvening(t, staff).withDilemma('choice', 2).build();
    await next(evening.id, analyst).expect(403);
    await t.http.post('/api/evenings/00000000-0000-4000-8000-000000000000/next').set(staff.auth).expect(404);
    await t.http.post('/api/evenings/not-a-uuid/next').set(staff.auth).expect(404);
    const published = await createEvening(t, staff, {}, 'published');
    await t.http
      .post(`/api/evenings/${published.id}/dilemmas`)
      .set(staff.auth)
      .send({ theme: 'woning', question: 'Vraag', kind: 'scale' })
      .expect(201);
    const notLive = await next(published.id).expect(409);
    expect(notLive.body.code).toBe('EVENING_NOT_LIVE');
  });

  it('carries the countdown to phones and closes the dilemma at zero on the server, with no console open', async () => {
    const { evening, dilemmas } = await aLiveEvening(t, staff).withDilemma('choice', 2).withDilemma('choice', 2).build();
    const [timed, untimed] = dilemmas;
    // Set before opening: it waits, and starts with the open.
    const waiting = await t.http
      .put(`/api/dilemmas/${timed.id}/countdown`)
      .set(staff.auth)
      .send({ seconds: 5, closeAtZero: true })
      .expect(200);
    expect(waiting.body.countdown).toEqual({ seconds: 5, closeAtZero: true, endsAt: null });

    const phone = await connectTenant(t.url, (await joinEvening(t, evening.joinCode)).participantToken);
    sockets.push(phone);
    const before = Date.now();
    const opened = await transition(t, staff, timed.id, 'open');
    const endsAt = Date.parse(opened.countdown!.endsAt!);
    expect(endsAt - before).toBeGreaterThan(4000);
    expect(endsAt - before).toBeLessThan(7000);
    const seen = await waitForEvent(phone, 'dilemma', (p) => p.dilemma.id === timed.id && p.dilemma.status === 'open');
    expect(seen.dilemma.countdown).toMatchObject({ seconds: 5, closeAtZero: true, endsAt: opened.countdown!.endsAt });
    expect(await vote(phone, aVotePayload(timed.id, { optionIds: [timed.options[0].id] }))).toMatchObject({ ok: true });

    // Nobody closes it: the phone hears it close within about a second after zero.
    const closed = await waitForEvent(
      phone,
      'dilemma',
      (p) => p.dilemma.id === timed.id && p.dilemma.status === 'closed',
      12_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(endsAt);
    expect(Date.now() - endsAt).toBeLessThan(4000);
    expect(closed.dilemma.countdown).toMatchObject({ seconds: 5, endsAt: null });
    const audit = await t.dataSource.query(`SELECT actor_id FROM audit_log WHERE target_id = $1 AND action = 'dilemma.close'`, [
      timed.id,
    ]);
    expect(audit).toEqual([{ actor_id: null }]);

    // Without "close at zero" the countdown only shows; a removed one stops at once.
    await transition(t, staff, untimed.id, 'open');
    const shown = await t.http.put(`/api/dilemmas/${untimed.id}/countdown`).set(staff.auth).send({ seconds: 5 }).expect(200);
    expect(shown.body.countdown).toMatchObject({ seconds: 5, closeAtZero: false, endsAt: expect.any(String) });
    await new Promise((r) => setTimeout(r, 6500));
    expect((await status(untimed.id)).status).toBe('open');
    const removed = await t.http.delete(`/api/dilemmas/${untimed.id}/countdown`).set(staff.auth).expect(200);
    expect(removed.body.countdown).toBeNull();
    const [row] = await t.dataSource.query('SELECT countdown_seconds, countdown_ends_at FROM dilemma WHERE id = $1', [
      untimed.id,
    ]);
    expect(row).toEqual({ countdown_seconds: null, countdown_ends_at: null });
  }, 40_000);

  it('refuses a bad countdown with 400, a wrong role with 403 and an unknown dilemma with 404, changing nothing', async () => {
    const { dilemmas } = await aLiveEvening(t, staff).withDilemma('choice', 2).build();
    const url = `/api/dilemmas/${dilemmas[0].id}/countdown`;
    for (const body of [
      {},
      { seconds: 4 },
      { seconds: 3601 },
      { seconds: 1.5 },
      { seconds: '60' },
      { seconds: null },
      { seconds: 60, closeAtZero: 'yes' },
      { seconds: 60, extra: true },
    ]) {
      await t.http.put(url).set(staff.auth).send(body).expect(400);
    }
    await t.http.put(url).set(analyst.auth).send({ seconds: 60 }).expect(403);
    await t.http.delete(url).set(analyst.auth).expect(403);
    await t.http
      .put('/api/dilemmas/00000000-0000-4000-8000-000000000000/countdown')
      .set(staff.auth)
      .send({ seconds: 60 })
      .expect(404);
    const [row] = await t.dataSource.query('SELECT countdown_seconds FROM dilemma WHERE id = $1', [dilemmas[0].id]);
    expect(row.countdown_seconds).toBeNull();
  });

  it('lets presence fall when phones leave and to nothing once the evening ends', async () => {
    const { evening, dilemmas } = await aLiveEvening(t, staff).withDilemma('choice', 2).build();
    await transition(t, staff, dilemmas[0].id, 'open');
    const console = await connectStaff(t.url, staff, evening.id);
    sockets.push(console);
    const phones: LiveClient[] = [];
    for (let i = 0; i < 3; i++)
      phones.push(await connectTenant(t.url, (await joinEvening(t, evening.joinCode)).participantToken));
    sockets.push(...phones);
    await vote(phones[0], aVotePayload(dilemmas[0].id, { optionIds: [dilemmas[0].options[0].id] }));
    await waitForEvent(console, 'presence', (p) => p.connected === 3 && p.voted === 1, 10_000);

    phones[2].close();
    await waitForEvent(console, 'presence', (p) => p.connected === 2, 10_000);
    await t.http.post(`/api/evenings/${evening.id}/end`).set(staff.auth).expect(200);
    // The two phones still have the thank-you page open; nobody takes part any more.
    await waitForEvent(console, 'presence', (p) => p.connected === 0 && p.voted === 0, 10_000);
    expect(phones[0].connected && phones[1].connected).toBe(true);
  });

  it('keeps join codes and the live evening from analysts, and gives them to facilitators', async () => {
    const evening = await createEvening(t, staff, {}, 'live');
    const mine = await t.http.get(`/api/evenings/${evening.id}`).set(staff.auth).expect(200);
    expect(mine.body.joinCode).toBe(evening.joinCode);
    const theirs = await t.http.get(`/api/evenings/${evening.id}`).set(analyst.auth).expect(200);
    expect(theirs.body).not.toHaveProperty('joinCode');
    expect(theirs.body.id).toBe(evening.id);
    const list = await t.http.get('/api/evenings').set(analyst.auth).expect(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(JSON.stringify(list.body)).not.toContain(evening.joinCode);
    expect(list.body.every((e: Record<string, unknown>) => !('joinCode' in e))).toBe(true);
    await t.http.get(`/api/evenings/${evening.id}/join-link`).set(analyst.auth).expect(403);
    await t.http.get(`/api/evenings/${evening.id}/join-qr.svg`).set(analyst.auth).expect(403);
    await t.http.post(`/api/evenings/${evening.id}/cards`).set(analyst.auth).send({ count: 1 }).expect(403);
    // The live console's socket refuses them; a facilitator's is admitted.
    await expect(connect(t.url, { token: analyst.token, eveningId: evening.id })).rejects.toThrow('unauthorized');
    const admitted = await connectStaff(t.url, staff, evening.id);
    sockets.push(admitted);
    const state = await waitFor('the state to settle', () => admitted.states[0] as StatePayload | undefined);
    expect(state.evening.id).toBe(evening.id);
  });
});
