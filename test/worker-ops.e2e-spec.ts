import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@hs/config';
import { startServer } from '../apps/server/src/bootstrap';
import { freePort } from './support/processes';
import { describeWithRedis } from './support/services';

const METRICS_TOKEN = 'worker-scrape-token-0123456789abcdef';

// A ROLE=worker process is the split layout, which runs on Redis only (the local backplane is one process).
describeWithRedis('a worker process with METRICS_PORT (e2e)', () => {
  let context: INestApplicationContext;
  let base: string;
  beforeAll(async () => {
    const port = await freePort();
    const config = loadConfig({ ...process.env, ROLE: 'worker', METRICS_PORT: String(port), METRICS_TOKEN });
    const started = await startServer(config);
    expect(started.port).toBeNull();
    context = started.app;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await context?.close();
  });

  it('answers /health with database, redis and queue up', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' }, queue: { status: 'up' } },
    });
  });

  it('serves its metrics only with the metrics token', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: 'Bearer not-the-token' } })).status).toBe(401);
    const response = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^huurdersstem_process_cpu_user_seconds_total /m);
  });

  it('has no HTTP API and refuses anything else', async () => {
    expect((await fetch(`${base}/api/themes`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });
});
