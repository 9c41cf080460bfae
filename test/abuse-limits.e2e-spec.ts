import { randomUUID } from 'node:crypto';
import { createEvening } from './support/evening-builders';
import { aLiveEvening, transition } from './support/live-builders';
import { aVotePayload, connectTenant, vote } from './support/live-client';
import { bootTestApp, staffSession, type TestApp } from './support/test-app';

/**
 * Limits that measure attacks, not use (issue: abuse resistance, findings 3, 4, 9 and 11): failures are
 * counted, successes never; nobody is locked out by other people's requests. Each test boots its own
 * app with small limits and uses addresses of its own (X-Forwarded-For from the loopback test client,
 * which TRUST_PROXY trusts by default), so no two tests share a counter.
 */
const METRICS_TOKEN = 'abuse-limits-metrics-token-0123';

/** A documentation address (TEST-NET-2), never the same twice in this file: a random pick collided now and then. */
let lastAddress = 0;
const anAddress = () => {
  lastAddress += 1;
  if (lastAddress > 254) throw new Error('abuse-limits: more than 254 test addresses; widen anAddress');
  return `198.51.100.${lastAddress}`;
};
/** n distinct addresses (TEST-NET-1), never reused in this file either. */
let lastOther = 0;
const addresses = (n: number) =>
  Array.from({ length: n }, () => {
    lastOther += 1;
    if (lastOther > 254) throw new Error('abuse-limits: more than 254 test addresses; widen addresses');
    return `192.0.2.${lastOther}`;
  });

async function metric(t: TestApp, name: string): Promise<string[]> {
  const text = (await t.http.get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;
  return text.split('\n').filter((line) => line.startsWith(name));
}

describe('joining under attack (finding 3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ JOIN_RATE_LIMIT_PER_IP: '5', JOIN_RATE_LIMIT_PER_CODE: '10', METRICS_TOKEN });
  });
  afterAll(async () => {
    await t.close();
  });

  const join = (from: string, body: Record<string, unknown>) => t.http.post('/api/join').set('X-Forwarded-For', from).send(body);

  it('admits a valid card while two addresses hammer the real code with bogus cards, and tenants keep voting', async () => {
    const facilitator = await staffSession(t, 'facilitator');
    const { evening, dilemmas } = await aLiveEvening(t, facilitator, { joinMode: 'cards' }).withDilemma('choice', 2).build();
    await transition(t, facilitator, dilemmas[0].id, 'open');
    const cards = (await t.http.post(`/api/evenings/${evening.id}/cards`).set(facilitator.auth).send({ count: 5 }).expect(201))
      .body.cards as Array<{ code: string }>;
    const [attackerA, attackerB, venue] = addresses(3);

    const bogus = (from: string) => join(from, { joinCode: evening.joinCode, cardCode: 'ABCDEFGHJK' });
    const attack = Promise.all(Array.from({ length: 40 }, (_, i) => bogus(i % 2 ? attackerA : attackerB)));
    // Meanwhile, tenants with real cards join from the venue's address and vote.
    const tenants = Promise.all(
      cards.slice(0, 4).map(async ({ code }) => {
        const joined = await join(venue, { joinCode: evening.joinCode, cardCode: code });
        expect(joined.status).toBe(201);
        const socket = await connectTenant(t.url, joined.body.participantToken);
        try {
          const ack = await vote(socket, aVotePayload(dilemmas[0].id, { optionIds: [dilemmas[0].options[0].id] }));
          expect(ack).toMatchObject({ ok: true, status: 'new' });
        } finally {
          socket.close();
        }
      }),
    );
    const [attempts] = await Promise.all([attack, tenants]);
    // The attack is refused: bad cards answer 403 until the code's failure count is used up, then 429.
    expect(attempts.every((r) => r.status === 403 || r.status === 429)).toBe(true);
    expect(attempts.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    // After the attack, from an address that took part in it too, a valid card still gets in.
    const late = await join(attackerA, { joinCode: evening.joinCode, cardCode: cards[4].code });
    expect(late.status).toBe(201);
    await t.http.get('/api/health').expect(200);
    expect((await metric(t, 'huurdersstem_join_failures_total')).join('\n')).toMatch(/reason="card"/);
  });

  it('lets tenants behind one address join after that address sent junk codes, and refuses the junk with 429', async () => {
    const facilitator = await staffSession(t, 'facilitator');
    const live = await createEvening(t, facilitator, {}, 'live');
    const nat = anAddress();
    const junk: number[] = [];
    for (let i = 0; i < 8; i++) junk.push((await join(nat, { joinCode: 'AAAAAA' })).status);
    expect(junk.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(junk.slice(5)).toEqual([429, 429, 429]);
    const refused = await join(nat, { joinCode: 'AAAAAA' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Everyone else behind that address, with the code from the projector, still gets in, as many as come.
    const tenants = await Promise.all(Array.from({ length: 12 }, () => join(nat, { joinCode: live.joinCode })));
    expect(tenants.map((r) => r.status)).toEqual(Array(12).fill(201));
  });

  it('never counts a successful join', async () => {
    const facilitator = await staffSession(t, 'facilitator');
    const live = await createEvening(t, facilitator, {}, 'live');
    const venue = anAddress();
    for (let i = 0; i < 20; i++) await join(venue, { joinCode: live.joinCode }).expect(201);
    // The first failure from that address is an ordinary 404, not a 429.
    await join(venue, { joinCode: 'AAAAAA' }).expect(404);
  });
});

describe('staff sign-in under attack (finding 4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ LOGIN_FAILURES_PER_IP: '6', METRICS_TOKEN });
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (from: string, email: string, password: string) =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  async function anAccount() {
    const facilitator = await staffSession(t, 'facilitator');
    // staffSession's password is random; make one we know.
    const email = `target-${randomUUID()}@test.huurdersstem.nl`;
    const password = 'het-goede-wachtwoord';
    await t.http
      .post('/api/users')
      .set((await staffSession(t, 'admin')).auth)
      .send({ email, name: 'Doelwit', role: 'facilitator', password })
      .expect(201);
    return { facilitator, email, password };
  }

  it('keeps the right password working after ten wrong ones for the account from other addresses', async () => {
    const { email, password } = await anAccount();
    const attackers = addresses(10);
    for (const from of attackers) await login(from, email, 'fout-wachtwoord').expect(401);
    await login(anAddress(), email, password).expect(200);
    // Also from an address that tried a wrong one before.
    await login(attackers[0], email, password).expect(200);
  });

  it('locks out only the address that keeps failing, and shows attempts and lockouts in the metrics', async () => {
    const { email, password } = await anAccount();
    const attacker = anAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await login(attacker, email, `fout-${i}`)).status);
    expect(statuses.slice(0, 6)).toEqual(Array(6).fill(401));
    expect(statuses[6]).toBe(429);
    // That address is locked out, even with the right password; the facilitator elsewhere is not.
    const locked = await login(attacker, email, password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    let other = anAddress();
    while (other === attacker) other = anAddress();
    await login(other, email, password).expect(200);

    const attempts = (await metric(t, 'huurdersstem_login_attempts_total')).join('\n');
    expect(attempts).toMatch(/result="wrong"\} [1-9]/);
    expect(attempts).toMatch(/result="ok"\} [1-9]/);
    expect(attempts).toMatch(/result="locked"\} [1-9]/);
    expect((await metric(t, 'huurdersstem_login_lockouts_total')).join('\n')).toMatch(/ [1-9]\d*$/m);
  });
});

describe('registrations (finding 9)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ REGISTRATIONS_PER_IP: '5' });
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (from: string, eveningId: string, email: string | undefined, name = 'Grietje de Vries') =>
    t.http
      .post(`/api/evenings/${eveningId}/registrations`)
      .set('X-Forwarded-For', from)
      .send({ name, ...(email ? { email } : {}), group: 'tenant', consent: true });

  it('takes one registration per e-mail address and evening, case-insensitive (409 for the second)', async () => {
    const facilitator = await staffSession(t, 'facilitator');
    const evening = await createEvening(t, facilitator, { capacity: 40 }, 'published');
    const other = await createEvening(t, facilitator, { capacity: 40 }, 'published');
    await register(anAddress(), evening.id, 'grietje@example.nl').expect(201);
    const again = await register(anAddress(), evening.id, 'Grietje@Example.NL');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REGISTRATION_EXISTS');
    await register(anAddress(), other.id, 'grietje@example.nl').expect(201);
    // Without an e-mail address there is nothing to compare: both count.
    await register(anAddress(), evening.id, undefined).expect(201);
    await register(anAddress(), evening.id, undefined).expect(201);
    const list = await t.http.get(`/api/evenings/${evening.id}/registrations`).set(facilitator.auth).expect(200);
    expect(list.body).toHaveLength(3);
  });

  it('stops one address from taking every seat, while others still sign up', async () => {
    const facilitator = await staffSession(t, 'facilitator');
    const evening = await createEvening(t, facilitator, { capacity: 40 }, 'published');
    const squatter = anAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await register(squatter, evening.id, `zetel-${i}@example.nl`)).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    for (const from of addresses(5)) await register(from, evening.id, `${randomUUID()}@example.nl`).expect(201);
  });
});

describe('X-Forwarded-For only from a trusted proxy (finding 11)', () => {
  it('counts a client that forges X-Forwarded-For by its own address when no proxy is trusted', async () => {
    const t = await bootTestApp({ TRUST_PROXY: 'false', REGISTRATIONS_PER_IP: '4' });
    try {
      const facilitator = await staffSession(t, 'facilitator');
      const evening = await createEvening(t, facilitator, {}, 'published');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await t.http
          .post(`/api/evenings/${evening.id}/registrations`)
          .set('X-Forwarded-For', anAddress())
          .send({ name: 'Sjoerd', group: 'tenant', consent: true });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
