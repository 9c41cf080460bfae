import { randomUUID } from 'node:crypto';
import { bootTestApp, staffSession, type TestApp } from './support/test-app';

describe('staff accounts (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with the right pair and shows the user at /api/me', async () => {
    const admin = await staffSession(t, 'admin');
    const me = await t.http.get('/api/me').set(admin.auth).expect(200);
    expect(me.body).toEqual({ id: admin.id, email: admin.email, name: 'Test admin', role: 'admin', municipalities: [] });
  });

  it('answers 401 on a wrong password, an unknown e-mail, no token and a forged token', async () => {
    const admin = await staffSession(t, 'admin');
    await t.http.post('/api/auth/login').send({ email: admin.email, password: 'wrong-password' }).expect(401);
    await t.http.post('/api/auth/login').send({ email: 'nobody@example.nl', password: 'whatever12' }).expect(401);
    await t.http.get('/api/me').expect(401);
    const [header, payload] = admin.token.split('.');
    await t.http.get('/api/me').set('Authorization', `Bearer ${header}.${payload}.forgedsignature`).expect(401);
  });

  it('lets an admin create users, with 409 on a taken e-mail in any case', async () => {
    const admin = await staffSession(t, 'admin');
    const email = `new-${randomUUID()}@example.nl`;
    const created = await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ email, name: 'Nieuwe facilitator', role: 'facilitator', password: 'een-lang-wachtwoord' })
      .expect(201);
    expect(created.body).toMatchObject({ email, name: 'Nieuwe facilitator', role: 'facilitator' });
    expect(created.body).not.toHaveProperty('passwordHash');
    await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ email: email.toUpperCase(), name: 'Dubbel', role: 'analyst', password: 'een-lang-wachtwoord' })
      .expect(409);
    await t.http.post('/api/auth/login').send({ email, password: 'een-lang-wachtwoord' }).expect(200);
  });

  it('refuses user creation to other roles (403) and bad bodies (400)', async () => {
    const facilitator = await staffSession(t, 'facilitator');
    const admin = await staffSession(t, 'admin');
    const body = { email: `x-${randomUUID()}@example.nl`, name: 'X', role: 'analyst', password: 'een-lang-wachtwoord' };
    await t.http.post('/api/users').set(facilitator.auth).send(body).expect(403);
    const bad = await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ ...body, isAdmin: true })
      .expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ ...body, role: 'superuser' })
      .expect(400);
    await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ ...body, password: 'short' })
      .expect(400);
    await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ ...body, email: 42 })
      .expect(400);
  });

  it('answers 413 with the error body on an oversized request', async () => {
    const response = await t.http
      .post('/api/auth/login')
      .send({ email: 'a@b.nl', password: 'x'.repeat(200 * 1024) })
      .expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('never locks an account: after failed logins the right password still works', async () => {
    const admin = await staffSession(t, 'admin');
    const password = 'het-goede-wachtwoord';
    await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ email: `na-fouten-${admin.id}@test.huurdersstem.nl`, name: 'Na fouten', role: 'analyst', password })
      .expect(201);
    const email = `na-fouten-${admin.id}@test.huurdersstem.nl`;
    // Failures count per address (abuse-limits.e2e-spec.ts tests the address's lockout); this one stays under it.
    for (let i = 0; i < 5; i++) {
      await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.18.0.5')
        .send({ email, password: `wrong-${i}` })
        .expect(401);
    }
    await t.http.post('/api/auth/login').set('X-Forwarded-For', '198.18.0.6').send({ email, password }).expect(200);
    await t.http.post('/api/auth/login').set('X-Forwarded-For', '198.18.0.5').send({ email, password }).expect(200);
  });
});
