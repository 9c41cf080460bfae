import { RequestMethod } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { FAILURE_LIMITED, IS_PUBLIC, RATE_LIMIT } from '@hs/http';
import { EventsModule } from '../apps/events/src/events.module';
import { createEvening } from './support/evening-builders';
import { bootTestApp, staffSession, type TestApp } from './support/test-app';

const METRICS_TOKEN = 'security-suite-metrics-token-0123';

/** A documentation address (TEST-NET-3), fresh per call so runs and tests never share a counter. */
const someIp = () => `203.0.113.${randomInt(1, 255)}`;

describe('HTTP security (e2e)', () => {
  let t: TestApp;
  let signUpPath: string;
  beforeAll(async () => {
    t = await bootTestApp({ REGISTRATIONS_PER_IP: '3', METRICS_TOKEN });
    const facilitator = await staffSession(t, 'facilitator');
    signUpPath = `/api/evenings/${(await createEvening(t, facilitator, {}, 'published')).id}/registrations`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends the security headers and hides the framework', async () => {
    const response = await t.http.get('/api/themes').expect(200);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    // PUBLIC_URL is plain http here: no HSTS (abuse-input.e2e-spec.ts checks the https case).
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('allows CORS for an origin in ALLOWED_ORIGINS, also on a preflight', async () => {
    const simple = await t.http.get('/api/themes').set('Origin', 'http://localhost:3999').expect(200);
    expect(simple.headers['access-control-allow-origin']).toBe('http://localhost:3999');
    const preflight = await t.http
      .options('/api/auth/login')
      .set('Origin', 'http://localhost:3999')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:3999');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it('gives a foreign origin no CORS permission', async () => {
    const simple = await t.http.get('/api/themes').set('Origin', 'https://evil.example.com');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.http
      .options('/api/auth/login')
      .set('Origin', 'https://evil.example.com')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('rate limits a public write route per IP with 429 and Retry-After, leaving other addresses alone', async () => {
    const ip = someIp();
    const attempt = (from: string) =>
      t.http.post(signUpPath).set('X-Forwarded-For', from).send({ name: 'Sjoerd', group: 'tenant', consent: true });
    for (let i = 0; i < 3; i++) expect((await attempt(ip)).status).toBe(201);
    const limited = await attempt(ip);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(3600);
    let other = someIp();
    while (other === ip) other = someIp();
    expect((await attempt(other)).status).toBe(201);
    const metrics = await t.http.get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(metrics.text).toMatch(/^huurdersstem_http_rate_limited_total\{bucket="registrations"\} [1-9]\d*$/m);
  });

  it('counts a refused body against the limit too, so garbage cannot be sent without end', async () => {
    const ip = someIp();
    for (let i = 0; i < 3; i++) {
      await t.http.post(signUpPath).set('X-Forwarded-For', ip).send({ email: 42 }).expect(400);
    }
    await t.http.post(signUpPath).set('X-Forwarded-For', ip).send({ email: 42 }).expect(429);
  });
});

describe('HTTP security rules of the code', () => {
  it('puts a @RateLimit or @FailureLimited on every public write route', () => {
    const controllers = (Reflect.getMetadata('controllers', EventsModule) ?? []) as Function[];
    const writes = [RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE];
    const unlimited: string[] = [];
    let publicWrites = 0;
    for (const controller of controllers) {
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name] as Function;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata('method', handler) as RequestMethod | undefined;
        if (method === undefined || !writes.includes(method)) continue;
        const isPublic = Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller);
        if (!isPublic) continue;
        publicWrites++;
        const limited = Reflect.getMetadata(RATE_LIMIT, handler) ?? Reflect.getMetadata(FAILURE_LIMITED, handler);
        if (!limited) unlimited.push(`${controller.name}.${name}`);
      }
    }
    expect(publicWrites).toBeGreaterThan(0);
    expect(unlimited).toEqual([]);
  });
});
