import { randomUUID } from 'node:crypto';
import { bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';
import { createEvening } from './support/evening-builders';

describe('web pages (e2e)', () => {
  let t: TestApp;
  let facilitator: StaffSession;
  beforeAll(async () => {
    t = await bootTestApp();
    facilitator = await staffSession(t, 'facilitator');
  });
  afterAll(async () => {
    await t.close();
  });

  const eveningId = randomUUID();
  const pages: Array<[string, string]> = [
    ['/', 'Huurdersstem – Meedoen'],
    ['/join/ABC234', 'Huurdersstem – Meedoen'],
    ['/join/abc234?card=XYZ', 'Huurdersstem – Meedoen'],
    ['/login', 'Huurdersstem – Inloggen'],
    ['/facilitate', 'Huurdersstem – Avonden'],
    [`/facilitate/${eveningId}`, 'Huurdersstem – Avond leiden'],
    [`/screen/${eveningId}`, 'Huurdersstem – Scherm'],
    ['/policy', 'Huurdersstem – Beleid'],
  ];

  it.each(pages)('serves %s as HTML titled "%s" under a CSP that allows only its own scripts', async (path, title) => {
    const response = await t.http.get(path).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain(`<title>${title}</title>`);
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Nothing the CSP would block: every script is an external file, no inline handlers.
    const scripts = [...response.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      // Our own scripts, and the charting library served from node_modules on the same origin (no CDN).
      expect(attributes).toMatch(/\bsrc="\/assets\/(js\/[a-z-]+|vendor\/chart\.js\/chart\.umd\.min)\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(response.text).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('serves the scripts, styles and the Socket.IO client, and 404 for an unknown or escaping asset', async () => {
    const script = await t.http.get('/assets/js/tenant.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['content-security-policy']).toBeDefined();
    await t.http
      .get('/assets/css/tenant.css')
      .expect(200)
      .expect('content-type', /text\/css/);
    const client = await t.http.get('/assets/vendor/socket.io/socket.io.esm.min.js').expect(200);
    expect(client.text).toContain('export{');
    await t.http.get('/assets/js/no-such-file.js').expect(404);
    await t.http.get('/assets/%2e%2e/%2e%2e/package.json').expect(404);
    await t.http.get('/assets/vendor/socket.io/%2e%2e/package.json').expect(404);
    await t.http.get('/tenant.html').expect(404);
  });

  it('keeps the pages out of the OpenAPI document but documents the join QR code', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    const paths = Object.keys(doc.body.paths as Record<string, unknown>);
    expect(paths).toContain('/api/evenings/{id}/join-qr.svg');
    expect(paths).not.toContain('/login');
    expect(paths).not.toContain('/');
  });

  it('gives a facilitator the join QR code as SVG and the join link it holds', async () => {
    const evening = await createEvening(t, facilitator);
    const svg = await t.http.get(`/api/evenings/${evening.id}/join-qr.svg`).set(facilitator.auth).buffer(true).expect(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['cache-control']).toContain('no-store');
    expect(svg.body.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const link = await t.http.get(`/api/evenings/${evening.id}/join-link`).set(facilitator.auth).expect(200);
    expect(link.body).toEqual({ joinCode: evening.joinCode, url: `${t.config.publicUrl}/join/${evening.joinCode}` });
    const admin = await staffSession(t, 'admin');
    await t.http.get(`/api/evenings/${evening.id}/join-qr.svg`).set(admin.auth).expect(200);
  });

  it('refuses the join QR code without a staff token, to an analyst, and for unknown evenings', async () => {
    const evening = await createEvening(t, facilitator);
    await t.http.get(`/api/evenings/${evening.id}/join-qr.svg`).expect(401);
    await t.http.get(`/api/evenings/${evening.id}/join-qr.svg`).set('Authorization', 'Bearer not-a-token').expect(401);
    const analyst = await staffSession(t, 'analyst');
    await t.http.get(`/api/evenings/${evening.id}/join-qr.svg`).set(analyst.auth).expect(403);
    await t.http.get(`/api/evenings/${randomUUID()}/join-qr.svg`).set(facilitator.auth).expect(404);
    const bad = await t.http.get('/api/evenings/not-a-uuid/join-qr.svg').set(facilitator.auth).expect(404);
    expect(bad.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await t.http
      .get(`/api/evenings/${'x'.repeat(5000)}/join-link`)
      .set(facilitator.auth)
      .expect(404);
  });
});
