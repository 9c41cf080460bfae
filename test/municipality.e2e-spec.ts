import { createDilemma, createEvening } from './support/evening-builders';
import { transition } from './support/live-builders';
import { aVotePayload, connectTenant, joinEvening, type LiveClient, vote } from './support/live-client';
import { bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';

/**
 * The municipality rule over the real API and Socket.IO: every participant counts for the evening's municipality,
 * or, where the evening serves several, for the one the tenant picked when joining.
 */
describe('municipality from the evening (e2e)', () => {
  let t: TestApp;
  let facilitator: StaffSession;
  let analyst: StaffSession;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    t = await bootTestApp();
    [facilitator, analyst] = await Promise.all([staffSession(t, 'facilitator'), staffSession(t, 'analyst')]);
  }, 60_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  }, 30_000);

  /** Joins, connects a socket and votes for option `index`; returns the join answer. */
  async function joinAndVote(joinCode: string, dilemmaId: string, optionId: string, extra: Record<string, unknown> = {}) {
    const joined = await joinEvening(t, joinCode, extra);
    const socket = await connectTenant(t.url, joined.participantToken);
    sockets.push(socket);
    const ack = await vote(socket, aVotePayload(dilemmaId, { optionIds: [optionId] }));
    expect(ack).toMatchObject({ ok: true, status: 'new' });
    return joined;
  }

  it('lists the municipalities an evening serves, validated, and keeps them while it is live', async () => {
    const evening = await createEvening(t, facilitator, {
      municipality: 'Ooststellingwerf',
      municipalities: ['Weststellingwerf', ' ooststellingwerf '],
    });
    expect(evening).toMatchObject({ municipality: 'Ooststellingwerf', municipalities: ['Ooststellingwerf', 'Weststellingwerf'] });
    const single = await createEvening(t, facilitator, { municipality: 'Opsterland' });
    expect(single).toMatchObject({ municipalities: ['Opsterland'] });
    for (const municipalities of [
      ['Weststellingwerf', 'WESTSTELLINGWERF'],
      [''],
      [42],
      'Weststellingwerf',
      [],
      Array.from({ length: 13 }, (_, i) => `Gemeente ${i}`),
      ['x'.repeat(101)],
    ]) {
      const res = await t.http
        .post('/api/evenings')
        .set(facilitator.auth)
        .send({ title: 't', municipality: 'Opsterland', venue: 'v', startsAt: '2026-03-12T19:30:00+01:00', municipalities });
      expect([JSON.stringify(municipalities).slice(0, 30), res.status]).toEqual([
        JSON.stringify(municipalities).slice(0, 30),
        400,
      ]);
    }
    const changed = await t.http
      .patch(`/api/evenings/${single.id}`)
      .set(facilitator.auth)
      .send({ municipalities: ['Opsterland', 'Smallingerland'] })
      .expect(200);
    expect(changed.body.municipalities).toEqual(['Opsterland', 'Smallingerland']);
    const moved = await t.http
      .patch(`/api/evenings/${single.id}`)
      .set(facilitator.auth)
      .send({ municipality: 'Smallingerland' })
      .expect(200);
    expect(moved.body.municipalities).toEqual(['Smallingerland']);
    const live = await createEvening(t, facilitator, {}, 'live');
    await t.http
      .patch(`/api/evenings/${live.id}`)
      .set(facilitator.auth)
      .send({ municipalities: ['Harlingen'] })
      .expect(409);
  }, 60_000);

  it('counts votes cast over Socket.IO for the evening, or for the municipality the tenant picked', async () => {
    const theme = 'leefbaarheid';
    const question = 'Meer speelplekken of meer bankjes in de wijk? (gemeenteregel)';
    const options = [
      { label: 'Speelplekken', consequence: null },
      { label: 'Bankjes', consequence: null },
    ];
    const one = await createEvening(t, facilitator, { title: 'Avond Beetsterzwaag', municipality: 'Opsterland' }, 'live');
    const two = await createEvening(
      t,
      facilitator,
      { title: 'Avond Oosterwolde', municipality: 'Ooststellingwerf', municipalities: ['Weststellingwerf'] },
      'live',
    );
    const d1 = await createDilemma(t, facilitator, one.id, { theme, question, options });
    const d2 = await createDilemma(t, facilitator, two.id, { theme, question, options });
    await transition(t, facilitator, d1.id, 'open');
    await transition(t, facilitator, d2.id, 'open');

    // One municipality: a tenant need not say it, may say it in any case, and cannot say another one.
    for (let i = 0; i < 6; i++) {
      const extra = i % 2 ? { municipality: 'opsterland' } : {};
      await joinAndVote(one.joinCode, d1.id, d1.options[i < 4 ? 0 : 1].id, extra);
    }
    const elsewhere = await t.http.post('/api/join').send({ joinCode: one.joinCode, municipality: 'Leeuwarden' }).expect(400);
    expect(elsewhere.body).toMatchObject({ code: 'MUNICIPALITY_NOT_SERVED', choices: ['Opsterland'] });

    // Two municipalities: without a pick the answer carries the list to pick from; the pick is stored as spelled.
    const ask = await t.http.post('/api/join').send({ joinCode: two.joinCode, group: 'tenant' }).expect(400);
    expect(ask.body).toMatchObject({ code: 'MUNICIPALITY_REQUIRED', choices: ['Ooststellingwerf', 'Weststellingwerf'] });
    const picked = await joinAndVote(two.joinCode, d2.id, d2.options[1].id, { municipality: 'weststellingwerf' });
    const [row] = await t.dataSource.query('SELECT municipality FROM participant WHERE id = $1', [picked.participantId]);
    expect(row.municipality).toBe('Weststellingwerf');
    for (let i = 0; i < 4; i++) await joinAndVote(two.joinCode, d2.id, d2.options[1].id, { municipality: 'Weststellingwerf' });
    for (let i = 0; i < 5; i++) await joinAndVote(two.joinCode, d2.id, d2.options[0].id, { municipality: 'Ooststellingwerf' });
    // A participant row from before the rule (a declared municipality the evening does not serve) counts for the evening.
    const [legacy] = await t.dataSource.query(
      `INSERT INTO participant (evening_id, "group", municipality) VALUES ($1, 'tenant', 'Leeuwarden') RETURNING id`,
      [one.id],
    );
    await t.dataSource.query(
      `INSERT INTO vote (participant_id, dilemma_id, round, choice, client_vote_id) VALUES ($1, $2, 1, $3, gen_random_uuid())`,
      [legacy.id, d1.id, JSON.stringify({ optionIds: [d1.options[0].id] })],
    );
    await transition(t, facilitator, d1.id, 'close');
    await transition(t, facilitator, d2.id, 'close');

    const own = await t.http.get(`/api/dilemmas/${d2.id}/results?by=municipality`).set(analyst.auth).expect(200);
    expect(own.body.segments.map((s: { key: string; n: number }) => [s.key, s.n])).toEqual([
      ['Ooststellingwerf', 5],
      ['Weststellingwerf', 5],
    ]);
    const first = await t.http.get(`/api/dilemmas/${d1.id}/results?by=municipality`).set(analyst.auth).expect(200);
    expect(first.body.segments.map((s: { key: string; n: number }) => [s.key, s.n])).toEqual([['Opsterland', 7]]);

    const input = await t.http
      .get(`/api/policy-input?eveningIds=${one.id},${two.id}&themes=${theme}`)
      .set(analyst.auth)
      .expect(200);
    const dilemma = input.body.themes[0].dilemmas.find((d: { question: string }) => d.question === question);
    expect(dilemma.total).toBe(17);
    expect(dilemma.municipalities.map((m: { key: string; n: number }) => [m.key, m.n])).toEqual([
      ['Ooststellingwerf', 5],
      ['Opsterland', 7],
      ['Weststellingwerf', 5],
    ]);
    expect(input.body.evenings.find((e: { id: string }) => e.id === two.id).municipalities).toEqual([
      'Ooststellingwerf',
      'Weststellingwerf',
    ]);
    // The scope by municipality finds an evening by any municipality it serves.
    const west = await t.http
      .get(`/api/policy-input?municipalities=weststellingwerf&themes=${theme}`)
      .set(analyst.auth)
      .expect(200);
    expect(west.body.evenings.map((e: { id: string }) => e.id)).toEqual([two.id]);
  }, 90_000);
});
