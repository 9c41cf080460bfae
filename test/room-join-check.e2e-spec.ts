import { createEvening } from './support/evening-builders';
import { bootTestApp, type StaffSession, staffSession, type TestApp } from './support/test-app';

/**
 * GET /api/join/:code (the code checked before any question) and GET /api/live/origin-check (what a page
 * whose socket keeps failing asks), over HTTP against the real platform.
 */
describe('the join check and the origin check (e2e)', () => {
  let t: TestApp;
  let facilitator: StaffSession;
  beforeAll(async () => {
    t = await bootTestApp({ JOIN_RATE_LIMIT_PER_IP: '6', PUBLIC_URL: 'http://192.168.1.20:3000' });
    facilitator = await staffSession(t, 'facilitator');
  });
  afterAll(() => t?.close());

  it.each([
    ['live', 'live', true],
    ['published', 'not-started', true],
    ['draft', 'not-started', false],
    ['ended', 'ended', false],
  ] as const)('says a %s evening is %s, with its title only where the public list shows it', async (status, state, listed) => {
    const evening = await createEvening(t, facilitator, { title: `Controle ${status}` }, status);
    const response = await t.http.get(`/api/join/${evening.joinCode.toLowerCase()}`).expect(200);
    expect(response.body).toEqual({
      state,
      cardRequired: false,
      title: listed ? `Controle ${status}` : null,
      startsAt: listed ? new Date(evening.startsAt).toISOString() : null,
    });
    const participants = await t.dataSource.query('SELECT count(*) AS n FROM participant WHERE evening_id = $1', [evening.id]);
    expect(Number(participants[0].n)).toBe(0);
  });

  it('says a card is needed for an evening in cards mode', async () => {
    const evening = await createEvening(t, facilitator, { joinMode: 'cards' }, 'live');
    const response = await t.http.get(`/api/join/${evening.joinCode}`).expect(200);
    expect(response.body.cardRequired).toBe(true);
  });

  it('allows the socket from PUBLIC_URL’s origin and says where to go from another', async () => {
    await t.http
      .get('/api/live/origin-check')
      .query({ origin: 'http://192.168.1.20:3000' })
      .expect(200, { allowed: true, publicUrl: 'http://192.168.1.20:3000' });
    await t.http
      .get('/api/live/origin-check')
      .query({ origin: 'http://laptop.local:3000' })
      .expect(200, { allowed: false, publicUrl: 'http://192.168.1.20:3000' });
    await t.http.get('/api/live/origin-check').expect(400);
    await t.http
      .get('/api/live/origin-check')
      .query({ origin: 'x'.repeat(301) })
      .expect(400);
    await t.http.get('/api/live/origin-check').query({ origin: 'a', extra: '1' }).expect(400);
  });

  it('answers an unknown code 404 and counts it as a failed join: 429 after too many from one address', async () => {
    const first = await t.http.get('/api/join/ZZZZZZ').expect(404);
    expect(first.body.code).toBe('JOIN_CODE_UNKNOWN');
    await t.http.get(`/api/join/${encodeURIComponent('ab/../c')}`).expect(404);
    await t.http.get(`/api/join/${'A'.repeat(300)}`).expect(404);
    let status = 0;
    for (let i = 0; i < 6 && status !== 429; i++) status = (await t.http.get('/api/join/YYYYYY')).status;
    expect(status).toBe(429);
  });
});
