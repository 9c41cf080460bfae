import { randomUUID } from 'node:crypto';
import type { VoteAck } from '@hs/contracts';
import { aLiveEvening, transition } from './support/live-builders';
import {
  aVotePayload,
  connectStaff,
  connectTenant,
  joinEvening,
  type LiveClient,
  vote,
  waitForEvent,
} from './support/live-client';
import { bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';

describe('live voting under races (e2e)', () => {
  let t: TestApp;
  let staff: StaffSession;
  const sockets: LiveClient[] = [];
  beforeAll(async () => {
    t = await bootTestApp({ VOTE_RATE_LIMIT: '1000' });
    staff = await staffSession(t, 'facilitator');
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('keeps exactly one current vote when one participant sends 50 votes at once over several sockets', async () => {
    const { evening, dilemmas } = await aLiveEvening(t, staff).withDilemma('choice', 4).build();
    const [dilemma] = dilemmas;
    await transition(t, staff, dilemma.id, 'open');
    const joined = await joinEvening(t, evening.joinCode);
    const phones = await Promise.all(Array.from({ length: 5 }, () => connectTenant(t.url, joined.participantToken)));
    sockets.push(...phones);
    const attempts = Array.from({ length: 50 }, (_, i) => aVotePayload(dilemma.id, { optionIds: [dilemma.options[i % 4].id] }));
    const acks = await Promise.all(attempts.map((a, i) => vote(phones[i % 5], a)));
    expect(acks.every((a) => a.ok)).toBe(true);
    const voteIds = new Set(acks.map((a) => (a as { voteId: string }).voteId));
    expect(voteIds.size).toBe(1);
    expect(acks.filter((a) => a.ok && a.status === 'new')).toHaveLength(1);

    const rows = await t.dataSource.query('SELECT id, client_vote_id FROM vote WHERE participant_id = $1 AND dilemma_id = $2', [
      joined.participantId,
      dilemma.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe([...voteIds][0]);
    expect(attempts.map((a) => a.clientVoteId)).toContain(rows[0].client_vote_id);
    // Every attempt is now known: each answers duplicate and changes nothing.
    const again = await Promise.all(attempts.slice(0, 10).map((a) => vote(phones[0], a)));
    again.forEach((a) => expect(a).toMatchObject({ ok: true, status: 'duplicate' }));
    const after = await t.dataSource.query('SELECT client_vote_id FROM vote WHERE participant_id = $1', [joined.participantId]);
    expect(after).toEqual([{ client_vote_id: rows[0].client_vote_id }]);
  }, 60_000);

  it('stores no vote after a close that races with 200 votes in flight, and the closed tally is what was stored', async () => {
    const { evening, dilemmas } = await aLiveEvening(t, staff).withDilemma('choice', 3).build();
    const [dilemma] = dilemmas;
    await transition(t, staff, dilemma.id, 'open');
    const staffSocket = await connectStaff(t.url, staff, evening.id);
    const tenants: Array<{ socket: LiveClient; participantId: string }> = [];
    for (let i = 0; i < 50; i++) {
      const joined = await joinEvening(t, evening.joinCode);
      tenants.push({ socket: await connectTenant(t.url, joined.participantToken), participantId: joined.participantId });
    }
    sockets.push(staffSocket, ...tenants.map((x) => x.socket));

    // Every tenant keeps four votes in flight (200 in all) until refused; the close comes after 150 acks.
    const sent: Array<{ participantId: string; clientVoteId: string; optionId: string; ack: Promise<VoteAck> }> = [];
    let okCount = 0;
    let closing: Promise<unknown> | null = null;
    const lane = async (tenant: (typeof tenants)[number], lane: number): Promise<void> => {
      for (let r = 0; ; r++) {
        const optionId = dilemma.options[(lane + r) % 3].id;
        const attempt = aVotePayload(dilemma.id, { optionIds: [optionId] });
        const ack = vote(tenant.socket, attempt);
        sent.push({ participantId: tenant.participantId, clientVoteId: attempt.clientVoteId, optionId, ack });
        const answer = await ack;
        if (!answer.ok) return;
        okCount += 1;
        if (okCount === 150) closing = transition(t, staff, dilemma.id, 'close');
      }
    };
    await Promise.all(tenants.flatMap((tenant) => [0, 1, 2, 3].map((l) => lane(tenant, l))));
    await closing;
    const acks = await Promise.all(sent.map((s) => s.ack));
    expect(acks.every((a) => a.ok || a.error.code === 'NOT_OPEN')).toBe(true);
    expect(acks.filter((a) => a.ok).length).toBeGreaterThanOrEqual(150);
    expect(acks.filter((a) => !a.ok).length).toBeGreaterThanOrEqual(200);

    const stored: Array<{ participant_id: string; client_vote_id: string }> = await t.dataSource.query(
      'SELECT participant_id, client_vote_id FROM vote WHERE dilemma_id = $1',
      [dilemma.id],
    );
    const refused = new Set(sent.filter((_, i) => !acks[i].ok).map((s) => s.clientVoteId));
    // The stored vote of each participant is its last acknowledged one; nothing refused is stored.
    for (const { participantId } of tenants) {
      const mine = sent.map((s, i) => ({ ...s, ok: acks[i].ok })).filter((s) => s.participantId === participantId);
      const lastOk = mine.filter((s) => s.ok).pop();
      const row = stored.find((r) => r.participant_id === participantId);
      expect(row?.client_vote_id).toBe(lastOk?.clientVoteId);
    }
    for (const row of stored) expect(refused.has(row.client_vote_id)).toBe(false);

    const expected: Record<string, number> = Object.fromEntries(dilemma.options.map((o) => [o.id, 0]));
    for (const row of stored) expected[sent.find((s) => s.clientVoteId === row.client_vote_id)!.optionId] += 1;
    const final = await waitForEvent(
      staffSocket,
      'tally',
      (p) =>
        p.dilemmaId === dilemma.id && p.total === stored.length && Object.entries(expected).every(([k, n]) => p.counts[k] === n),
    );
    expect(final.total).toBe(stored.length);
  }, 90_000);

  it('refuses votes past the per-participant rate limit without touching other participants behind the same address', async () => {
    const limited = await bootTestApp({ VOTE_RATE_LIMIT: '5' });
    try {
      const boss = await staffSession(limited, 'facilitator');
      const { evening, dilemmas } = await aLiveEvening(limited, boss).withDilemma('choice', 2).build();
      await transition(limited, boss, dilemmas[0].id, 'open');
      const [one, two] = [await joinEvening(limited, evening.joinCode), await joinEvening(limited, evening.joinCode)];
      const a = await connectTenant(limited.url, one.participantToken);
      const b = await connectTenant(limited.url, two.participantToken);
      sockets.push(a, b);
      const burst = await Promise.all(
        Array.from({ length: 8 }, () => vote(a, aVotePayload(dilemmas[0].id, { optionIds: [dilemmas[0].options[0].id] }))),
      );
      expect(burst.filter((x) => !x.ok && x.error.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(3);
      expect(await vote(b, aVotePayload(dilemmas[0].id, { optionIds: [dilemmas[0].options[1].id] }, randomUUID()))).toMatchObject(
        {
          ok: true,
        },
      );
    } finally {
      await limited.close();
    }
  }, 60_000);
});
