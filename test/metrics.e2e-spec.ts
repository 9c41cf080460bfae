import { bootTestApp, staffSession, type TestApp } from './support/test-app';

const METRICS_TOKEN = 'scrape-token-for-the-e2e-test-0123456789';

describe('metrics (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ METRICS_TOKEN });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves Prometheus text with process metrics and HTTP counts by route pattern and status', async () => {
    await t.http.get('/api/themes').expect(200);
    await t.http.get('/api/me').expect(401);
    const admin = await staffSession(t, 'admin');
    const response = await t.http.get('/api/metrics').set(admin.auth).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.text;
    expect(text).toMatch(/^# TYPE huurdersstem_process_cpu_user_seconds_total counter$/m);
    expect(text).toMatch(/^huurdersstem_http_requests_total\{method="GET",route="\/api\/themes",status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^huurdersstem_http_requests_total\{method="GET",route="\/api\/me",status="401"\} [1-9]\d*$/m);
    expect(text).toMatch(
      /^huurdersstem_http_request_duration_seconds_count\{method="GET",route="\/api\/themes",status="200"\} /m,
    );
  });

  it('labels requests by route pattern, never by the concrete path', async () => {
    await t.http.get('/no-such-page/123e4567-e89b-12d3-a456-426614174000').expect(404);
    const response = await t.http.get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(response.text).not.toContain('123e4567');
    expect(response.text).toMatch(/route="other",status="404"/);
  });

  it('lets an admin token or METRICS_TOKEN in and keeps everyone else out', async () => {
    await t.http.get('/api/metrics').expect(401);
    await t.http.get('/api/metrics').set('Authorization', 'Bearer wrong-token-of-some-length').expect(401);
    await t.http.get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}x`).expect(401);
    const analyst = await staffSession(t, 'analyst');
    await t.http.get('/api/metrics').set(analyst.auth).expect(403);
    await t.http.get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
  });

  it('lets other parts add their own metrics to the shared registry', async () => {
    const { MetricsRegistry } = await import('@hs/persistence');
    const registry = t.app.get(MetricsRegistry);
    const counter = registry.counter({ name: 'huurdersstem_e2e_things_total', help: 'a test counter', labelNames: ['kind'] });
    expect(registry.counter({ name: 'huurdersstem_e2e_things_total', help: 'a test counter', labelNames: ['kind'] })).toBe(
      counter,
    );
    counter.inc({ kind: 'demo' }, 3);
    const response = await t.http.get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(response.text).toMatch(/^huurdersstem_e2e_things_total\{kind="demo"\} 3$/m);
    expect(() => registry.counter({ name: 'unprefixed_total', help: 'x' })).toThrow(/huurdersstem_/);
  });
});
