import { randomUUID } from 'node:crypto';
import type { DilemmaView, TallyPayload, VoteAck } from '@hs/contracts';
import { aLiveEvening, transition } from './support/live-builders';
import { aVote, connectStaff, connectTenant, joinEvening, type LiveClient, vote, waitFor } from './support/live-client';
import { bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';

const tallyWith = (dilemmaId: string, round: number, total: number) => (t: TallyPayload) =>
  t.dilemmaId === dilemmaId && t.round === round && t.total === total;

describe('a whole live evening (e2e)', () => {
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

  it('runs open, 50 votes with changes and retries, close, reveal, revote and manual counts with exact totals', async () => {
    const { evening, dilemmas } = await aLiveEvening(t, staff).withDilemma('choice', 3).build();
    const dilemma = dilemmas[0];
    const [a, b, c] = dilemma.options.map((o) => o.id);
    const staffSocket = await connectStaff(t.url, staff, evening.id);
    sockets.push(staffSocket);
    const firstState = await waitFor<{ evening: { id: string } }>(staffSocket, 'state');
    expect(firstState.evening.id).toBe(evening.id);

    const tenants: LiveClient[] = [];
    for (let i = 0; i < 50; i++) {
      const joined = await joinEvening(t, evening.joinCode.toLowerCase());
      expect(joined.eveningId).toBe(evening.id);
      tenants.push(await connectTenant(t.url, joined.participantToken));
    }
    sockets.push(...tenants);
    await Promise.all(tenants.map((s) => waitFor(s, 'state')));

    await transition(t, staff, dilemma.id, 'open');
    await Promise.all(tenants.map((s) => waitFor<{ dilemma: DilemmaView }>(s, 'dilemma', (p) => p.dilemma.status === 'open')));

    // Everyone votes; tenants 0–9 change their mind, tenants 10–19 retry the same attempt.
    const options = [a, b, c];
    const first = tenants.map((s, i) => aVote(dilemma.id, { optionIds: [options[i % 3]] }));
    const acks = await Promise.all(tenants.map((s, i) => vote(s, first[i])));
    acks.forEach((ack) => expect(ack).toMatchObject({ ok: true, status: 'new' }));
    const changes = await Promise.all(
      tenants.slice(0, 10).map((s, i) => vote(s, aVote(dilemma.id, { optionIds: [options[(i + 1) % 3]] }))),
    );
    changes.forEach((ack, i) =>
      expect(ack).toEqual({ ok: true, voteId: (acks[i] as { voteId: string }).voteId, status: 'changed' }),
    );
    const retries = await Promise.all(tenants.slice(10, 20).map((s, i) => vote(s, first[10 + i])));
    retries.forEach((ack, i) =>
      expect(ack).toEqual({ ok: true, voteId: (acks[10 + i] as { voteId: string }).voteId, status: 'duplicate' }),
    );
    // A late retry of a replaced attempt changes nothing either.
    expect(await vote(tenants[0], first[0])).toMatchObject({ ok: true, status: 'duplicate' });

    const expected: Record<string, number> = { [a]: 0, [b]: 0, [c]: 0 };
    tenants.forEach((_, i) => (expected[options[i < 10 ? (i + 1) % 3 : i % 3]] += 1));
    const live = await waitFor<TallyPayload>(
      staffSocket,
      'tally',
      (p) => tallyWith(dilemma.id, 1, 50)(p) && Object.entries(expected).every(([k, n]) => p.counts[k] === n),
    );
    expect(live.counts).toEqual(expected);
    expect(tenants.some((s) => s.received.some((r) => r.event === 'tally'))).toBe(false);

    await transition(t, staff, dilemma.id, 'close');
    expect(await vote(tenants[30], aVote(dilemma.id, { optionIds: [a] }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_OPEN' },
    });
    const stored = await t.dataSource.query('SELECT count(*)::int AS n FROM vote WHERE dilemma_id = $1 AND round = 1', [
      dilemma.id,
    ]);
    expect(stored[0].n).toBe(50);

    await transition(t, staff, dilemma.id, 'reveal');
    const revealed = await Promise.all(tenants.map((s) => waitFor<TallyPayload>(s, 'tally', tallyWith(dilemma.id, 1, 50))));
    revealed.forEach((tally) => expect(tally.counts).toEqual(expected));

    await transition(t, staff, dilemma.id, 'revote');
    await waitFor<{ dilemma: DilemmaView }>(tenants[0], 'dilemma', (p) => p.dilemma.round === 2 && p.dilemma.status === 'open');
    const round2 = await Promise.all(tenants.slice(0, 20).map((s) => vote(s, aVote(dilemma.id, { optionIds: [c] }))));
    round2.forEach((ack: VoteAck) => expect(ack).toMatchObject({ ok: true, status: 'new' }));
    // A late retry of a round-1 attempt is that round's vote again, not a vote in the new round.
    const stale = await vote(tenants[30], first[30]);
    expect(stale).toEqual({ ok: true, voteId: (acks[30] as { voteId: string }).voteId, status: 'duplicate' });
    await waitFor<TallyPayload>(staffSocket, 'tally', tallyWith(dilemma.id, 2, 20));

    const manual = await t.http
      .post(`/api/dilemmas/${dilemma.id}/manual-counts`)
      .set(staff.auth)
      .send({ round: 2, counts: { [a]: 3, [b]: 2 }, note: 'Papieren stembriefjes tafel 4' })
      .expect(201);
    expect(manual.body).toMatchObject({ round: 2, counts: { [a]: 3, [b]: 2 }, respondents: 5 });
    const withManual = await waitFor<TallyPayload>(staffSocket, 'tally', tallyWith(dilemma.id, 2, 25));
    expect(withManual.counts).toEqual({ [a]: 3, [b]: 2, [c]: 20 });
    expect(withManual.manual).toEqual({ total: 5, counts: { [a]: 3, [b]: 2, [c]: 0 } });

    // A phone that drops off and comes back sees the current dilemma and its own vote of this round.
    const rejoin = tenants[5];
    const myAck = round2[5] as { voteId: string };
    rejoin.disconnect();
    rejoin.connect();
    const state = await waitFor<{ dilemma: DilemmaView; myVote: unknown; results: unknown }>(
      rejoin,
      'state',
      (s) => s.dilemma?.round === 2,
    );
    expect(state.myVote).toEqual({ voteId: myAck.voteId, choice: { optionIds: [c] } });
    expect(state.results).toBeNull();

    await transition(t, staff, dilemma.id, 'close');
    const final = await waitFor<TallyPayload>(staffSocket, 'tally', (p) => tallyWith(dilemma.id, 2, 25)(p));
    expect(final.counts[c]).toBe(20);
    const audit = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'manual-count.set' AND target_id = $1`,
      [dilemma.id],
    );
    expect(audit[0].n).toBe(1);
  }, 90_000);

  it('counts multi, budget and scale votes by their kind, with the mean for scale', async () => {
    const { evening, dilemmas } = await aLiveEvening(t, staff)
      .withDilemma('multi', 3)
      .withDilemma('budget', 3)
      .withDilemma('scale')
      .build();
    const [multi, budget, scale] = dilemmas;
    const staffSocket = await connectStaff(t.url, staff, evening.id);
    const tenants: LiveClient[] = [];
    for (let i = 0; i < 4; i++)
      tenants.push(await connectTenant(t.url, (await joinEvening(t, evening.joinCode)).participantToken));
    sockets.push(staffSocket, ...tenants);
    const [m1, m2, m3] = multi.options.map((o) => o.id);
    const [b1, b2, b3] = budget.options.map((o) => o.id);

    await transition(t, staff, multi.id, 'open');
    const multiAcks = await Promise.all([
      vote(tenants[0], aVote(multi.id, { optionIds: [m1, m2] })),
      vote(tenants[1], aVote(multi.id, { optionIds: [m2] })),
      vote(tenants[2], aVote(multi.id, { optionIds: [m1, m2, m3] })),
      vote(tenants[3], aVote(multi.id, { optionIds: [m2, m2] })),
    ]);
    expect(multiAcks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'ok', 'BAD_PAYLOAD', 'BAD_PAYLOAD']);
    const multiTally = await waitFor<TallyPayload>(staffSocket, 'tally', tallyWith(multi.id, 1, 2));
    expect(multiTally.counts).toEqual({ [m1]: 1, [m2]: 2, [m3]: 0 });
    await transition(t, staff, multi.id, 'close');

    await transition(t, staff, budget.id, 'open');
    const budgetAcks = await Promise.all([
      vote(tenants[0], aVote(budget.id, { allocation: { [b1]: 7, [b2]: 3 } })),
      vote(tenants[1], aVote(budget.id, { allocation: { [b1]: 2, [b2]: 2, [b3]: 6 } })),
      vote(tenants[2], aVote(budget.id, { allocation: { [b1]: 5, [b2]: 6 } })),
      vote(tenants[3], aVote(budget.id, { allocation: { [b1]: 10, [randomUUID()]: 0 } })),
    ]);
    expect(budgetAcks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'ok', 'BAD_PAYLOAD', 'UNKNOWN_OPTION']);
    const budgetTally = await waitFor<TallyPayload>(staffSocket, 'tally', tallyWith(budget.id, 1, 2));
    expect(budgetTally.counts).toEqual({ [b1]: 9, [b2]: 5, [b3]: 6 });
    await transition(t, staff, budget.id, 'close');

    await transition(t, staff, scale.id, 'open');
    const scaleAcks = await Promise.all([1, 4, 5, 6].map((value, i) => vote(tenants[i], aVote(scale.id, { value }))));
    expect(scaleAcks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'ok', 'ok', 'BAD_PAYLOAD']);
    await t.http
      .post(`/api/dilemmas/${scale.id}/manual-counts`)
      .set(staff.auth)
      .send({ round: 1, counts: { '2': 1 } })
      .expect(201);
    const scaleTally = await waitFor<TallyPayload>(staffSocket, 'tally', tallyWith(scale.id, 1, 4));
    expect(scaleTally.counts).toEqual({ '1': 1, '2': 1, '3': 0, '4': 1, '5': 1 });
    expect(scaleTally.mean).toBe(3);

    const admin = await staffSession(t, 'admin');
    const metrics = await t.http.get('/api/metrics').set(admin.auth).expect(200);
    expect(metrics.text).toMatch(/huurdersstem_votes_total\{result="new"\} \d+/);
    expect(metrics.text).toMatch(/huurdersstem_votes_total\{result="BAD_PAYLOAD"\} \d+/);
    expect(metrics.text).toMatch(/huurdersstem_vote_batch_size_count \d+/);
    expect(metrics.text).toMatch(/huurdersstem_live_sockets\{kind="participant"\} \d+/);
  }, 60_000);
});
