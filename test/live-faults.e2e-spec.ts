import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'socket.io-client';
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
import { freePort, startRedis, startServerProcess, stopProcess } from './support/processes';
import { bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';
import { describeWithRedis } from './support/services';

let retries = 0;

/** Sends one attempt until it is acknowledged, as a phone would: the same clientVoteId on every retry. */
async function untilAcked(socket: Socket, payload: ReturnType<typeof aVotePayload>): Promise<VoteAck> {
  for (;;) {
    try {
      return (await socket.timeout(2000).emitWithAck('vote', payload)) as VoteAck;
    } catch {
      // no ack in time: the server is gone or busy; try again with the same attempt
      retries += 1;
    }
  }
}

describeWithRedis('live voting through crashes and outages (e2e)', () => {
  let t: TestApp;
  let staff: StaffSession;
  const sockets: LiveClient[] = [];
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffSession(t, 'facilitator');
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all(children.map((c) => stopProcess(c, 'SIGKILL')));
    await t.close();
  });

  it('keeps every acknowledged vote exactly once when the server is SIGKILLed in a burst, and retries land once', async () => {
    const { evening, dilemmas } = await aLiveEvening(t, staff).withDilemma('choice', 3).build();
    const [dilemma] = dilemmas;
    await transition(t, staff, dilemma.id, 'open');
    const port = await freePort();
    let server = await startServerProcess(port);
    children.push(server.child);

    const tenants: Array<{ socket: LiveClient; participantId: string }> = [];
    for (let i = 0; i < 30; i++) {
      const joined = await joinEvening(t, evening.joinCode);
      const socket = await connectTenant(server.url, joined.participantToken, { reconnection: true });
      socket.io.reconnectionDelay(100);
      socket.io.reconnectionDelayMax(500);
      tenants.push({ socket, participantId: joined.participantId });
    }
    sockets.push(...tenants.map((x) => x.socket));

    const sent = new Map<string, Array<{ clientVoteId: string; ack?: VoteAck }>>();
    let acked = 0;
    let killed: Promise<void> | null = null;
    const burst = tenants.map(async ({ socket, participantId }, i) => {
      const mine: Array<{ clientVoteId: string; ack?: VoteAck }> = [];
      sent.set(participantId, mine);
      for (let r = 0; r < 8; r++) {
        const attempt = aVotePayload(dilemma.id, { optionIds: [dilemma.options[(i + r) % 3].id] });
        const entry: { clientVoteId: string; ack?: VoteAck } = { clientVoteId: attempt.clientVoteId };
        mine.push(entry);
        entry.ack = await untilAcked(socket, attempt);
        acked += 1;
        if (acked === 60) {
          killed = (async () => {
            await stopProcess(server.child, 'SIGKILL');
            server = await startServerProcess(port);
            children.push(server.child);
          })();
        }
      }
    });
    await Promise.all(burst);
    await killed;
    expect(server.child.pid).not.toBe(children[0].pid);
    // The kill really caught votes in flight: some attempts had to be sent again.
    expect(retries).toBeGreaterThan(0);

    const rows: Array<{ participant_id: string; client_vote_id: string; seen_client_vote_ids: string[] }> =
      await t.dataSource.query('SELECT participant_id, client_vote_id, seen_client_vote_ids FROM vote WHERE dilemma_id = $1', [
        dilemma.id,
      ]);
    expect(rows).toHaveLength(30);
    for (const [participantId, mine] of sent) {
      const row = rows.find((r) => r.participant_id === participantId)!;
      expect(mine.every((m) => m.ack?.ok)).toBe(true);
      // The last attempt is the current vote; every earlier acknowledged attempt was stored once, then replaced.
      expect(row.client_vote_id).toBe(mine[mine.length - 1].clientVoteId);
      const known = new Set([row.client_vote_id, ...row.seen_client_vote_ids]);
      for (const m of mine) expect(known.has(m.clientVoteId)).toBe(true);
      expect(mine.filter((m) => m.ack!.ok && m.ack!.status === 'new').length).toBeLessThanOrEqual(1);
      const voteIds = new Set(mine.map((m) => (m.ack as { voteId: string }).voteId));
      expect(voteIds.size).toBe(1);
    }
  }, 180_000);

  it('keeps accepting votes while Redis restarts, and the tallies recover', async () => {
    const redisPort = await freePort();
    let redis = await startRedis(redisPort);
    children.push(redis);
    // The API and a gateway as separate processes on the test's own Redis (a BullMQ worker is left out:
    // closing one after a Redis restart can wait for ever, which is the worker's business, not this test's).
    const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}` };
    const app = await bootTestApp({ ...env, ROLE: 'api' });
    const gateway = await bootTestApp({ ...env, ROLE: 'gateway' });
    try {
      const boss = await staffSession(app, 'facilitator');
      const { evening, dilemmas } = await aLiveEvening(app, boss).withDilemma('choice', 2).build();
      const [dilemma] = dilemmas;
      const [a, b] = dilemma.options.map((o) => o.id);
      await transition(app, boss, dilemma.id, 'open');
      const staffSocket = await connectStaff(gateway.url, boss, evening.id);
      const tenants: LiveClient[] = [];
      for (let i = 0; i < 20; i++)
        tenants.push(await connectTenant(gateway.url, (await joinEvening(app, evening.joinCode)).participantToken));
      sockets.push(staffSocket, ...tenants);

      const before = await Promise.all(tenants.slice(0, 10).map((s) => vote(s, aVotePayload(dilemma.id, { optionIds: [a] }))));
      expect(before.every((x) => x.ok)).toBe(true);
      await waitForEvent(staffSocket, 'tally', (p) => p.total === 10);

      await stopProcess(redis, 'SIGKILL');
      const during = await Promise.all(tenants.slice(10).map((s) => vote(s, aVotePayload(dilemma.id, { optionIds: [b] }))));
      expect(during.every((x) => x.ok)).toBe(true);
      redis = await startRedis(redisPort);
      children.push(redis);

      const after = await Promise.all(tenants.slice(0, 5).map((s) => vote(s, aVotePayload(dilemma.id, { optionIds: [b] }))));
      expect(after.every((x) => x.ok && x.status === 'changed')).toBe(true);
      const recovered = await waitForEvent(staffSocket, 'tally', (p) => p.total === 20 && p.counts[b] === 15, 20_000);
      expect(recovered.counts).toEqual({ [a]: 5, [b]: 15 });
      const stored = await app.dataSource.query('SELECT count(*)::int AS n FROM vote WHERE dilemma_id = $1', [dilemma.id]);
      expect(stored[0].n).toBe(20);
      // The API's transitions reach the gateway over the restarted Redis again.
      await transition(app, boss, dilemma.id, 'close');
      await waitForEvent(tenants[0], 'dilemma', (p: { dilemma: { status: string } }) => p.dilemma.status === 'closed');
    } finally {
      await gateway.close();
      await app.close();
    }
  }, 120_000);
});
