import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootTestApp, type TestApp } from './support/test-app';

type Operation = { summary?: string; security?: unknown[]; responses: Record<string, unknown> };

describe('interface documents (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the OpenAPI document with its server from PUBLIC_URL, a licence, and every operation summarised and secured', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      servers: Array<{ url: string }>;
      info: { license?: { name: string } };
      paths: Record<string, Record<string, Operation>>;
    };
    expect(doc.servers.map((s) => s.url)).toEqual([t.config.publicUrl]);
    expect(doc.info.license?.name).toBeTruthy();
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(50);
    for (const { path, method, op } of operations) {
      expect({ path, method, summary: Boolean(op.summary), security: Array.isArray(op.security) }).toEqual({
        path,
        method,
        summary: true,
        security: true,
      });
    }
    // A public route declares no security, a staff route the bearer token.
    expect(doc.paths['/api/join'].post.security).toEqual([]);
    expect(doc.paths['/api/evenings'].post.security).toEqual([{ bearer: [] }]);
  });

  it('answers what the OpenAPI document says a staff route answers without a token', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
    expect(Object.keys(doc.paths['/api/evenings'].get.responses)).toContain('401');
    const refused = await t.http.get('/api/evenings').expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('serves the AsyncAPI document beside the OpenAPI page, as a page the CSP lets display and as YAML', async () => {
    const yaml = readFileSync(join(process.cwd(), 'docs', 'asyncapi.yaml'), 'utf8');
    const raw = await t.http.get('/api/docs/asyncapi.yaml').expect(200);
    expect(raw.headers['content-type']).toMatch(/^application\/yaml/);
    expect(raw.text).toBe(yaml);

    const page = await t.http.get('/api/docs/asyncapi').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('asyncapi: 3.1.0');
    expect(page.text).toContain('namespace <code>/live</code>');
    // The page needs no script; its one style block is allowed by style-src 'unsafe-inline'.
    expect(page.text).not.toContain('<script');
    expect(page.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
  });
});
