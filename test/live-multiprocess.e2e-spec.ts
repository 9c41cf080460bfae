import type { DilemmaView } from '@hs/contracts';
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
import { describeWithRedis } from './support/services';

describeWithRedis('two gateway processes serving one evening (e2e)', () => {
  let api: TestApp;
  let gateway: TestApp;
  let staff: StaffSession;
  const sockets: LiveClient[] = [];
  beforeAll(async () => {
    // Same database and Redis prefix, two ports: one process runs everything, the other only the gateway.
    api = await bootTestApp();
    gateway = await bootTestApp({ ROLE: 'gateway' });
    staff = await staffSession(api, 'facilitator');
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await gateway.close();
    await api.close();
  });

  it('shows staff on one process the votes, presence and transitions of tenants on the other, each delivered once', async () => {
    const { evening, dilemmas } = await aLiveEvening(api, staff).withDilemma('choice', 2).build();
    const [dilemma] = dilemmas;
    const [a, b] = dilemma.options.map((o) => o.id);
    const staffOnApi = await connectStaff(api.url, staff, evening.id);
    const staffOnGateway = await connectStaff(gateway.url, staff, evening.id);
    const onGateway: LiveClient[] = [];
    const onApi: LiveClient[] = [];
    for (let i = 0; i < 6; i++) {
      const joined = await joinEvening(api, evening.joinCode);
      (i % 2 ? onApi : onGateway).push(await connectTenant((i % 2 ? api : gateway).url, joined.participantToken));
    }
    sockets.push(staffOnApi, staffOnGateway, ...onGateway, ...onApi);

    await waitForEvent(staffOnApi, 'presence', (p) => p.connected === 6);
    await transition(api, staff, dilemma.id, 'open');
    await Promise.all(onGateway.map((s) => waitForEvent(s, 'dilemma', (p) => p.dilemma.status === 'open')));

    const acks = await Promise.all([
      ...onGateway.map((s) => vote(s, aVotePayload(dilemma.id, { optionIds: [a] }))),
      ...onApi.map((s) => vote(s, aVotePayload(dilemma.id, { optionIds: [b] }))),
    ]);
    expect(acks.every((x) => x.ok)).toBe(true);
    for (const socket of [staffOnApi, staffOnGateway]) {
      const tally = await waitForEvent(socket, 'tally', (p) => p.dilemmaId === dilemma.id && p.total === 6);
      expect(tally.counts).toEqual({ [a]: 3, [b]: 3 });
    }
    await waitForEvent(staffOnGateway, 'presence', (p) => p.connected === 6 && p.voted === 6);

    // Each gateway emits bus events to its own sockets only: nobody gets the same transition twice.
    for (const socket of [...onGateway, ...onApi, staffOnApi, staffOnGateway]) {
      const opened = socket.received.filter(
        (r) => r.event === 'dilemma' && (r.payload as { dilemma: DilemmaView }).dilemma.status === 'open',
      );
      expect(opened).toHaveLength(1);
    }
    await transition(api, staff, dilemma.id, 'close');
    await transition(api, staff, dilemma.id, 'reveal');
    for (const socket of onGateway) {
      const revealed = await waitForEvent(socket, 'tally', (p) => p.total === 6);
      expect(revealed.counts).toEqual({ [a]: 3, [b]: 3 });
    }
  }, 60_000);
});
