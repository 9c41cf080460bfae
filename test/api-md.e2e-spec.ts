import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VOTE_ERROR_CODES } from '@hs/contracts';
import { bootTestApp, type TestApp } from './support/test-app';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every route docs/API.md names, as `METHOD /path` in backticks (the OpenAPI path form, `{id}`). */
function routesInApiMd(text: string): Set<string> {
  return new Set([...text.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`\s]*)`/g)].map((m) => `${m[1]} ${m[2]}`));
}

describe('docs/API.md (e2e)', () => {
  let t: TestApp;
  const apiMd = readFileSync(join(process.cwd(), 'docs', 'API.md'), 'utf8');
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every route of the OpenAPI document, and no route the server does not have', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const served = new Set(
      Object.entries(doc.paths).flatMap(([path, operations]) =>
        METHODS.filter((method) => method in operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const documented = routesInApiMd(apiMd);
    expect(served.size).toBeGreaterThan(50);
    expect({ missingFromApiMd: [...served].filter((r) => !documented.has(r)).sort() }).toEqual({ missingFromApiMd: [] });
    expect({ notServed: [...documented].filter((r) => !served.has(r)).sort() }).toEqual({ notServed: [] });
  });

  it('explains every error code of a vote acknowledgement', () => {
    const missing = VOTE_ERROR_CODES.filter((code) => !apiMd.includes(`| \`${code}\``));
    expect(missing).toEqual([]);
  });
});
