import { bootTestApp, staffSession, type TestApp } from './support/test-app';
import { describeWithRedis } from './support/services';

describe('health (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 200 ok with database, redis (when used), queue and the backplane up, without a token', async () => {
    const response = await t.http.get('/api/health');
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
    const withRedis = t.config.backplane === 'redis';
    expect(response.body).toMatchObject({
      status: 'ok',
      info: {
        database: { status: 'up' },
        queue: { status: 'up' },
        backplane: { status: 'up', kind: withRedis ? 'redis' : 'local' },
        ...(withRedis ? { redis: { status: 'up' } } : {}),
      },
    });
    if (!withRedis) expect(response.body.info).not.toHaveProperty('redis');
    expect(response.body.info.queue).toEqual(
      expect.objectContaining({ waiting: expect.any(Number), active: expect.any(Number), failed: expect.any(Number) }),
    );
  });
});

describeWithRedis('health with Redis unreachable (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Port 1 refuses connections: the app must still boot and say what is down instead of hanging.
    // ROLE=api: the gateway and the worker wait for Redis before they serve; the API must not.
    t = await bootTestApp({ REDIS_URL: 'redis://127.0.0.1:1', ROLE: 'api' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 503 naming redis and the queue as down and the database as up', async () => {
    const response = await t.http.get('/api/health').expect(503);
    expect(response.body.status).toBe('error');
    expect(response.body.info).toMatchObject({ database: { status: 'up' } });
    expect(response.body.error).toMatchObject({ redis: { status: 'down' }, queue: { status: 'down' } });
  });

  it('still serves what does not need Redis, and rate limits let requests through instead of waiting', async () => {
    await t.http.get('/api/themes').expect(200);
    await t.http.post('/api/auth/login').send({ email: 'nobody@example.nl', password: 'whatever-1' }).expect(401);
  });

  it('still runs an evening through its states: the bus message and the queued job wait for no reconnect', async () => {
    const admin = await staffSession(t, 'admin');
    const created = await t.http
      .post('/api/evenings')
      .set(admin.auth)
      .send({
        title: 'Avond zonder Redis',
        municipality: 'Harlingen',
        venue: 'Wijkcentrum',
        startsAt: '2027-03-04T19:30:00+01:00',
      })
      .expect(201);
    for (const move of ['publish', 'start', 'end']) {
      await t.http.post(`/api/evenings/${created.body.id}/${move}`).set(admin.auth).expect(200);
    }
  });
});
