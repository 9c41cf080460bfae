import { randomUUID } from 'node:crypto';
import { captureOutput } from './support/output';
import { bootTestApp, type TestApp } from './support/test-app';

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
