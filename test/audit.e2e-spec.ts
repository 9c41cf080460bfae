import { randomUUID } from 'node:crypto';
import { bootTestApp, staffSession, type TestApp } from './support/test-app';

interface Entry {
  id: string;
  at: string;
  actor: { id: string; email: string | null; name: string | null } | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

describe('audit log (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('records user creation and login, shows them newest first with the actor, and never a password', async () => {
    const admin = await staffSession(t, 'admin');
    const email = `audited-${randomUUID()}@example.nl`;
    const password = 'een-geheim-wachtwoord';
    const created = await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ email, name: 'Gerda de Vries', role: 'analyst', password })
      .expect(201);
    await t.http.post('/api/auth/login').send({ email, password }).expect(200);

    const response = await t.http.get('/api/audit?limit=200').set(admin.auth).expect(200);
    const entries = response.body as Entry[];
    const creation = entries.find((e) => e.action === 'staff.create' && e.targetId === created.body.id);
    const login = entries.find((e) => e.action === 'staff.login' && e.targetId === created.body.id);
    expect(creation).toMatchObject({
      actor: { id: admin.id, email: admin.email, name: 'Test admin' },
      targetType: 'staff_user',
      details: { role: 'analyst' },
    });
    expect(login).toMatchObject({ actor: { id: created.body.id, email }, targetType: 'staff_user' });
    expect(Number(login!.id)).toBeGreaterThan(Number(creation!.id));
    expect(entries.indexOf(login!)).toBeLessThan(entries.indexOf(creation!));
    expect(new Date(creation!.at).getTime()).not.toBeNaN();
    expect(JSON.stringify(entries)).not.toContain(password);
    expect(JSON.stringify(entries)).not.toMatch(/scrypt\$/);
  });

  it('pages back with before=<last id>', async () => {
    const admin = await staffSession(t, 'admin');
    await staffSession(t, 'facilitator');
    const first = (await t.http.get('/api/audit?limit=2').set(admin.auth).expect(200)).body as Entry[];
    expect(first).toHaveLength(2);
    expect(Number(first[0].id)).toBeGreaterThan(Number(first[1].id));
    const next = (await t.http.get(`/api/audit?limit=2&before=${first[1].id}`).set(admin.auth).expect(200)).body as Entry[];
    expect(next.length).toBeGreaterThan(0);
    for (const entry of next) expect(Number(entry.id)).toBeLessThan(Number(first[1].id));
  });

  it('is for admins only', async () => {
    await t.http.get('/api/audit').expect(401);
    const facilitator = await staffSession(t, 'facilitator');
    const analyst = await staffSession(t, 'analyst');
    await t.http.get('/api/audit').set(facilitator.auth).expect(403);
    await t.http.get('/api/audit').set(analyst.auth).expect(403);
  });

  it.each(['limit=0', 'limit=501', 'limit=abc', 'limit=1.5', 'before=abc', 'before=-1', 'before=1%27%20OR%201=1', 'page=2'])(
    'refuses the query %s with 400',
    async (query) => {
      const admin = await staffSession(t, 'admin');
      const response = await t.http.get(`/api/audit?${query}`).set(admin.auth).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    },
  );
});
