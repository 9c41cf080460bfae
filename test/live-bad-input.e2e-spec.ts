import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import type { VoteAck } from '@hs/contracts';
import { aLiveEvening, transition } from './support/live-builders';
import {
  aVotePayload,
  connect,
  connectStaff,
  connectTenant,
  joinEvening,
  type LiveClient,
  raw,
  sleep,
  vote,
  voteRaw,
} from './support/live-client';
import { bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';

const VOTE_CODES = ['BAD_PAYLOAD', 'NOT_OPEN', 'UNKNOWN_OPTION', 'WRONG_EVENING', 'RATE_LIMITED', 'UNAUTHORIZED'];

describe('live gateway against bad input (e2e)', () => {
  let t: TestApp;
  let staff: StaffSession;
  let eveningId: string;
  let joinCode: string;
  let dilemma: { id: string; options: Array<{ id: string }> };
  const sockets: LiveClient[] = [];
  const storedVotes = async (participantId: string) =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM vote WHERE participant_id = $1', [participantId]))[0].n as number;

  beforeAll(async () => {
    t = await bootTestApp({ VOTE_RATE_LIMIT: '100000' });
    staff = await staffSession(t, 'facilitator');
    const built = await aLiveEvening(t, staff).withDilemma('choice', 3).build();
    eveningId = built.evening.id;
    joinCode = built.evening.joinCode;
    dilemma = built.dilemmas[0];
    await transition(t, staff, dilemma.id, 'open');
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('answers every fuzzed vote payload with an error ack and stores nothing', async () => {
    const joined = await joinEvening(t, joinCode);
    const socket = await connectTenant(t.url, joined.participantToken);
    sockets.push(socket);
    const good = () => aVotePayload(dilemma.id, { optionIds: [dilemma.options[0].id] });
    const nearMiss = fc.oneof(
      // Not undefined: JSON drops an undefined field, which would leave a valid vote.
      fc.record({ extra: fc.anything().filter((x) => x !== undefined) }).map((x) => ({ ...good(), ...x })),
      fc.anything().map((choice) => ({ ...good(), choice })),
      fc.anything().map((dilemmaId) => ({ ...good(), dilemmaId })),
      fc.oneof(fc.string(), fc.integer()).map((clientVoteId) => ({ ...good(), clientVoteId })),
      fc.array(fc.uuid(), { maxLength: 10 }).map((ids) => ({ ...good(), choice: { optionIds: ids } })),
      fc.integer().map((value) => ({ ...good(), choice: { value } })),
      fc.dictionary(fc.string(), fc.integer()).map((allocation) => ({ ...good(), choice: { allocation } })),
    );
    const payload = fc.oneof(fc.anything(), fc.jsonValue(), nearMiss);
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const ack = await voteRaw(socket, p);
        return ack.ok === false && VOTE_CODES.includes(ack.error.code) && typeof ack.error.message === 'string';
      }),
      { numRuns: 300 },
    );
    // Several arguments, none, or no ack callback at all: still nothing stored, the socket still answers.
    expect(((await raw(socket).timeout(5000).emitWithAck('vote', good(), 'extra')) as VoteAck).ok).toBe(false);
    expect(((await raw(socket).timeout(5000).emitWithAck('vote')) as VoteAck).ok).toBe(false);
    raw(socket).emit('vote', { nonsense: true });
    expect(await storedVotes(joined.participantId)).toBe(0);
    expect(await vote(socket, good())).toMatchObject({ ok: true, status: 'new' });
  }, 120_000);

  it('survives fuzzed raw packets and handshakes, refusing each with unauthorized or a closed connection', async () => {
    const joined = await joinEvening(t, joinCode);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.anything(), fc.record({ token: fc.string() }), fc.record({ token: fc.string(), eveningId: fc.uuid() })),
        async (auth) => {
          const outcome = await connect(t.url, auth as Record<string, unknown>).then(
            (s) => (s.close(), 'connected'),
            (e: Error) => e.message,
          );
          // Auth that is not even an object never reaches our middleware: the parser closes the transport.
          return (
            outcome === 'unauthorized' ||
            (outcome === 'closed' && (typeof auth !== 'object' || auth === null || Array.isArray(auth)))
          );
        },
      ),
      { numRuns: 60 },
    );
    // Raw frames straight into the engine: whatever the parser makes of them, the process stays up.
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (frame) => {
        const socket = await connectTenant(t.url, joined.participantToken);
        (socket.io.engine as unknown as { write(data: string): void }).write(frame);
        await sleep(5);
        socket.close();
        return true;
      }),
      { numRuns: 40 },
    );
    for (const query of ['EIO=4&transport=polling&sid=nonsense', 'EIO=9&transport=carrier-pigeon', 'transport=websocket']) {
      const response = await t.http.get(`/socket.io/?${query}`).set('Origin', 'http://localhost:3999');
      expect(response.status).toBeLessThan(500);
    }
    await t.http.get('/api/health').expect(200);
    expect(await storedVotes(joined.participantId)).toBe(0);
  }, 120_000);

  it('closes a socket that sends more than 16 KiB in one message, storing nothing', async () => {
    const joined = await joinEvening(t, joinCode);
    const socket = await connectTenant(t.url, joined.participantToken);
    sockets.push(socket);
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    raw(socket).emit(
      'vote',
      { ...aVotePayload(dilemma.id, { optionIds: [dilemma.options[0].id] }), pad: 'x'.repeat(20 * 1024) },
      () => undefined,
    );
    await closed;
    expect(await storedVotes(joined.participantId)).toBe(0);
  });

  it("answers WRONG_EVENING for another evening's dilemma and never delivers that evening's events", async () => {
    const other = await aLiveEvening(t, staff).withDilemma('choice', 2).build();
    const otherDilemma = other.dilemmas[0];
    const joined = await joinEvening(t, joinCode);
    const socket = await connectTenant(t.url, joined.participantToken);
    sockets.push(socket);
    // Staff actions and room joins from a tenant socket are ignored.
    for (const event of ['open', 'close', 'reveal', 'join', 'subscribe', 'manual-counts'])
      raw(socket).emit(event, { dilemmaId: otherDilemma.id, room: other.evening.id });
    await transition(t, staff, otherDilemma.id, 'open');
    const ack = await vote(socket, aVotePayload(otherDilemma.id, { optionIds: [otherDilemma.options[0].id] }));
    expect(ack).toMatchObject({ ok: false, error: { code: 'WRONG_EVENING' } });
    const otherTenant = await connectTenant(t.url, (await joinEvening(t, other.evening.joinCode)).participantToken);
    sockets.push(otherTenant);
    await vote(otherTenant, aVotePayload(otherDilemma.id, { optionIds: [otherDilemma.options[0].id] }));
    await transition(t, staff, otherDilemma.id, 'reveal');
    await sleep(500);
    const leaked = socket.received.filter(
      (r) => JSON.stringify(r.payload).includes(otherDilemma.id) || JSON.stringify(r.payload).includes(other.evening.id),
    );
    expect(leaked).toEqual([]);
    expect(await storedVotes(joined.participantId)).toBe(0);
  }, 60_000);

  it('refuses forged, expired and incomplete tokens with unauthorized', async () => {
    const joined = await joinEvening(t, joinCode);
    const [header, payload] = joined.participantToken.split('.');
    const secret = process.env.JWT_SECRET!;
    const expired = jwt.sign({ typ: 'participant', eve: eveningId, exp: Math.floor(Date.now() / 1000) - 10 }, secret, {
      subject: joined.participantId,
      issuer: 'huurdersstem',
    });
    const otherSecret = jwt.sign({ typ: 'participant', eve: eveningId }, 'x'.repeat(40), {
      subject: joined.participantId,
      issuer: 'huurdersstem',
    });
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    for (const token of [`${header}.${payload}.forged`, expired, otherSecret, none, '', 42, null]) {
      await expect(connect(t.url, { token })).rejects.toThrow('unauthorized');
    }
    await expect(connect(t.url, {})).rejects.toThrow('unauthorized');
    await expect(connect(t.url, { token: staff.token })).rejects.toThrow('unauthorized');
    await expect(connect(t.url, { token: staff.token, eveningId: randomUUID() })).rejects.toThrow('unauthorized');
    const ok = await connectStaff(t.url, staff, eveningId);
    sockets.push(ok);
  });

  it('refuses handshakes from a foreign Origin and admits those without one', async () => {
    const joined = await joinEvening(t, joinCode);
    for (const transports of [['websocket'], ['polling']] satisfies Array<Array<'websocket' | 'polling'>>) {
      await expect(
        connectTenant(t.url, joined.participantToken, { origin: 'https://evil.example', transports }),
      ).rejects.toThrow();
    }
    const noOrigin = await connectTenant(t.url, joined.participantToken, { origin: null });
    sockets.push(noOrigin);
    expect(noOrigin.connected).toBe(true);
    const polling = await connectTenant(t.url, joined.participantToken, { transports: ['polling'] });
    sockets.push(polling);
    expect(polling.connected).toBe(true);
  });
});
