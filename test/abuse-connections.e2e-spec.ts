import { connect as tcpConnect, type Socket as TcpSocket } from 'node:net';
import { Manager } from 'socket.io-client';
import { aLiveEvening, transition } from './support/live-builders';
import { ALLOWED_ORIGIN, aVotePayload, connectTenant, joinEvening, vote } from './support/live-client';
import { waitFor } from './support/wait';
import { bootTestApp, staffSession, type TestApp } from './support/test-app';

/**
 * Connection exhaustion from one host (issue: abuse resistance, finding 8), at a size that fits CI:
 * the attacker's connections come from 127.0.0.2 (all of 127/8 is this machine), the tenants' from
 * 127.0.0.1, and no proxy is trusted, so each is counted by its own address.
 */
const ATTACKER = '127.0.0.2';
const PER_ADDRESS = 30;
const PENDING_PER_ADDRESS = 10;

interface Probe {
  socket: TcpSocket;
  closed: boolean;
}

/** A TCP connection from `localAddress` that sends the start of a request and never finishes its headers. */
function slowHeaders(port: number): Promise<Probe> {
  return new Promise((resolve) => {
    const probe: Probe = { socket: tcpConnect({ host: '127.0.0.1', port, localAddress: ATTACKER }), closed: false };
    probe.socket.on('error', () => undefined);
    // Read what the server sends (its 408), or the socket never sees the end and never closes.
    probe.socket.resume();
    probe.socket.on('close', () => (probe.closed = true));
    probe.socket.once('connect', () => {
      probe.socket.write('GET /api/health HTTP/1.1\r\nHost: venue\r\nX-Slow: ');
      resolve(probe);
    });
    probe.socket.once('close', () => resolve(probe));
  });
}

describe('connection hygiene (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({
      TRUST_PROXY: 'false',
      MAX_CONNECTIONS_PER_IP: String(PER_ADDRESS),
      MAX_PENDING_CONNECTIONS_PER_IP: String(PENDING_PER_ADDRESS),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('caps half-open connections per address, drops slow headers soon, and keeps serving everyone else', async () => {
    const facilitator = await staffSession(t, 'facilitator');
    const { evening, dilemmas } = await aLiveEvening(t, facilitator).withDilemma('choice', 2).build();
    await transition(t, facilitator, dilemmas[0].id, 'open');

    const probes = await Promise.all(Array.from({ length: 40 }, () => slowHeaders(t.port)));
    // Beyond the cap of half-open connections, the server closes at once.
    await waitFor(
      'half-open connections over the cap to be closed',
      () => probes.filter((p) => !p.closed).length <= PENDING_PER_ADDRESS,
      5_000,
    );

    // Meanwhile the server is healthy and tenants from another address join and vote.
    await t.http.get('/api/health').expect(200);
    for (let i = 0; i < 3; i++) {
      const tenant = await joinEvening(t, evening.joinCode);
      const socket = await connectTenant(t.url, tenant.participantToken);
      try {
        const ack = await vote(socket, aVotePayload(dilemmas[0].id, { optionIds: [dilemmas[0].options[i % 2].id] }));
        expect(ack).toMatchObject({ ok: true });
      } finally {
        socket.close();
      }
    }

    // The ones within the cap are dropped once the header timeout passes, not after a minute.
    await waitFor('every slow connection to be closed', () => probes.every((p) => p.closed), 25_000);
  }, 45_000);

  it('caps open connections per address and closes engine.io sockets that never join a namespace', async () => {
    const managers = Array.from(
      { length: PER_ADDRESS + 10 },
      () =>
        new Manager(t.url, {
          transports: ['websocket'],
          reconnection: false,
          autoConnect: false,
          localAddress: ATTACKER,
          extraHeaders: { origin: ALLOWED_ORIGIN },
        } as never),
    );
    const outcomes = await Promise.all(
      managers.map(
        (manager) =>
          new Promise<{ manager: Manager; opened: boolean }>((resolve) => {
            manager.open((error?: Error) => resolve({ manager, opened: !error }));
          }),
      ),
    );
    const opened = outcomes.filter((o) => o.opened);
    expect(opened.length).toBeLessThanOrEqual(PER_ADDRESS);
    expect(opened.length).toBeGreaterThan(0);
    const closed = new Set<Manager>();
    for (const { manager } of opened) manager.on('close', () => closed.add(manager));

    // While the address is at its cap, the server answers others.
    await t.http.get('/api/health').expect(200);
    // None of them joined /live: the server closes them after its connect timeout.
    try {
      await waitFor('every idle engine.io socket to be closed', () => closed.size === opened.length, 25_000);
    } finally {
      for (const { manager } of outcomes) manager.engine?.close();
    }
  }, 45_000);
});
