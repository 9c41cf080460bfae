import { randomUUID } from 'node:crypto';
import { bootTestApp, type TestApp } from './support/test-app';

/** Everything the process writes to stdout and stderr while `run` runs (kept out of the test output). */
async function captureOutput(run: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const originals = { out: process.stdout.write, err: process.stderr.write };
  const tap = (chunk: unknown, ...rest: unknown[]): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  process.stdout.write = tap as typeof process.stdout.write;
  process.stderr.write = tap as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
  }
  return chunks.join('');
}

describe('logs (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The most talkative level, in production's JSON format: whatever any level would print shows here.
    await captureOutput(async () => {
      t = await bootTestApp({ LOG_LEVEL: 'debug', NODE_ENV: 'production' });
    });
  });
  afterAll(async () => {
    await captureOutput(() => t.close());
  });

  it('never contain request bodies, passwords, e-mail addresses or tokens', async () => {
    const marker = randomUUID().slice(0, 8);
    const email = `geheim-${marker}@example.nl`;
    const password = `wachtwoord-${marker}`;
    const output = await captureOutput(async () => {
      await t.http.post('/api/auth/login').send({ email, password }).expect(401);
      await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(`{"email": "${email}", `).expect(400);
      await t.http
        .post('/api/auth/login')
        .send({ email, password, extra: `veld-${marker}` })
        .expect(400);
      await t.http.get('/api/me').set('Authorization', `Bearer token-${marker}`).expect(401);
      await t.http.get(`/api/audit?before=${marker}`).expect(401);
      // A failing query: TypeORM's own logger would print its parameters.
      await expect(t.dataSource.query('SELECT $1::int', [email])).rejects.toThrow();
    });
    expect(output).toContain('query failed');
    expect(output).not.toContain(marker);
  });
});
