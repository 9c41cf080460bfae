import { OwnRedis } from './support/own-redis';
import { freePort } from './support/processes';
import { bootTestApp, type TestApp } from './support/test-app';
import { describeWithRedis } from './support/services';

/** Asks /api/health until it answers `status` (bounded, so a regression fails instead of hanging). */
async function healthBecomes(t: TestApp, status: number): Promise<{ status: number; body: Record<string, unknown> }> {
  let last = { status: 0, body: {} as Record<string, unknown> };
  for (let attempt = 0; attempt < 120; attempt++) {
    const response = await t.http.get('/api/health');
    last = { status: response.status, body: response.body };
    if (response.status === status) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return last;
}

describeWithRedis('health when Redis goes away and comes back (e2e, own redis-server)', () => {
  let redis: OwnRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    // ROLE=all: the whole platform, gateway and worker included, on a Redis this test may stop.
    t = await bootTestApp({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    // Closing wants Redis (the gateway and the worker say goodbye to it); then this test's server goes.
    await redis.start();
    await t?.close();
    await redis.stop();
  });

  it('goes from ok to 503 naming Redis when it stops, and back to ok when it returns', async () => {
    expect((await healthBecomes(t, 200)).status).toBe(200);

    await redis.stop();
    const down = await healthBecomes(t, 503);
    expect(down.status).toBe(503);
    expect(down.body.error).toMatchObject({ redis: { status: 'down' } });
    await t.http.get('/api/themes').expect(200);

    await redis.start();
    const back = await healthBecomes(t, 200);
    expect(back).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
