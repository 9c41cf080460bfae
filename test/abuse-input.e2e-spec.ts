import { randomUUID } from 'node:crypto';
import type { DilemmaView } from '@hs/contracts';
import { HttpErrorFilter } from '@hs/http';
import { aChoiceDilemma, createEvening } from './support/evening-builders';
import { aLiveEvening, transition } from './support/live-builders';
import { aVotePayload, connectTenant, joinEvening, type LiveClient, voteRaw } from './support/live-client';
import { captureOutput } from './support/output';
import { bootTestApp, type StaffSession, staffSession, type TestApp } from './support/test-app';

/**
 * Hostile input (issue: abuse resistance, findings 1, 2, 6 and 7): deeply nested JSON, NUL bytes and
 * prototype keys are refused with 400 / BAD_PAYLOAD before validation, at every door, and change nothing.
 */

/** The venue of every evening body this file expects refused (see eveningCount). */
const VENUE = `Zaal vijandig ${randomUUID().slice(0, 8)}`;
/** `{"a":{"a":…}}` nested `depth` levels, as raw JSON text (a JS object that deep would not survive JSON.stringify). */
const nested = (depth: number, leaf = '1') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);
/** `[[[…]]]`: two bytes a level, so 45,000 levels fit under the 100 KB body limit. */
const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile input (e2e)', () => {
  let t: TestApp;
  let facilitator: StaffSession;
  let analyst: StaffSession;

  beforeAll(async () => {
    t = await bootTestApp();
    [facilitator, analyst] = await Promise.all([staffSession(t, 'facilitator'), staffSession(t, 'analyst')]);
  });
  afterAll(async () => {
    await t.close();
  });

  const postRaw = (path: string, json: string, auth: Record<string, string> = {}) =>
    t.http.post(path).set(auth).set('Content-Type', 'application/json').send(json);
  /** A live evening whose first dilemma (of `kind`, two options) is open, and a tenant's socket in it. */
  async function aTenantOnAnOpenDilemma(kind: 'choice' | 'budget'): Promise<{ dilemmas: DilemmaView[]; socket: LiveClient }> {
    const { evening, dilemmas } = await aLiveEvening(t, facilitator).withDilemma(kind, 2).build();
    await transition(t, facilitator, dilemmas[0].id, 'open');
    const tenant = await joinEvening(t, evening.joinCode);
    return { dilemmas, socket: await connectTenant(t.url, tenant.participantToken) };
  }
  // Other suites create evenings in the same database meanwhile: count only those at this file's own venue, the one
  // every refused body names, so a body stored by mistake still shows.
  const eveningCount = async () =>
    Number((await t.dataSource.query('SELECT count(*) AS n FROM evening WHERE venue = $1', [VENUE]))[0].n);

  describe('deeply nested JSON (finding 1)', () => {
    it('refuses a body nested 5,000 and 45,000 levels deep with 400 BAD_PAYLOAD, and logs no error', async () => {
      let answers: Array<{ status: number; body: Record<string, unknown> }> = [];
      const output = await captureOutput(async () => {
        answers = [await postRaw('/api/join', nested(5_000)), await postRaw('/api/join', `{"joinCode":${nestedArrays(45_000)}}`)];
      });
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'BAD_PAYLOAD' });
      }
      expect(output).not.toMatch(/Maximum call stack|ERROR|\n\s+at /);
    });

    it('refuses nesting past 32 levels inside an otherwise fine body, and accepts what a real request nests', async () => {
      const deepTitle = `{"title":"Avond","municipality":"Leeuwarden","venue":"${VENUE}","startsAt":"2026-03-12T19:30:00+01:00","extra":${nested(40)}}`;
      const before = await eveningCount();
      const refused = await postRaw('/api/evenings', deepTitle, facilitator.auth).expect(400);
      expect(refused.body.code).toBe('BAD_PAYLOAD');
      expect(await eveningCount()).toBe(before);
      // A dilemma nests three levels (body, options, option): well under the limit.
      const evening = await createEvening(t, facilitator);
      await t.http.post(`/api/evenings/${evening.id}/dilemmas`).set(facilitator.auth).send(aChoiceDilemma()).expect(201);
    });

    it('answers a deeply nested vote with BAD_PAYLOAD and stores nothing', async () => {
      const { dilemmas, socket } = await aTenantOnAnOpenDilemma('choice');
      try {
        let deep: Record<string, unknown> = { optionIds: [dilemmas[0].options[0].id] };
        for (let i = 0; i < 200; i++) deep = { a: deep };
        const ack = await voteRaw(socket, { dilemmaId: dilemmas[0].id, clientVoteId: randomUUID(), choice: deep });
        expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
        const stored = await t.dataSource.query('SELECT count(*) AS n FROM vote WHERE dilemma_id = $1', [dilemmas[0].id]);
        expect(Number(stored[0].n)).toBe(0);
      } finally {
        socket.close();
      }
    });
  });

  describe('NUL bytes (finding 2)', () => {
    it('refuses a NUL in a join code, an evening title, a dilemma text and an option label with 400, changing nothing', async () => {
      const live = await aLiveEvening(t, facilitator).build();
      const join = await postRaw('/api/join', JSON.stringify({ joinCode: `${live.evening.joinCode}\u0000` }));
      expect(join.status).toBe(400);
      expect(join.body.code).toBe('BAD_PAYLOAD');

      const before = await eveningCount();
      const title = await postRaw(
        '/api/evenings',
        JSON.stringify({
          title: 'Avond\u0000',
          municipality: 'Leeuwarden',
          venue: VENUE,
          startsAt: '2026-03-12T19:30:00+01:00',
        }),
        facilitator.auth,
      );
      expect(title.status).toBe(400);
      expect(await eveningCount()).toBe(before);

      const evening = await createEvening(t, facilitator);
      const question = await postRaw(
        `/api/evenings/${evening.id}/dilemmas`,
        JSON.stringify(aChoiceDilemma({ question: 'Wat\u0000?' })),
        facilitator.auth,
      );
      expect(question.status).toBe(400);
      const label = await postRaw(
        `/api/evenings/${evening.id}/dilemmas`,
        JSON.stringify(aChoiceDilemma({ options: [{ label: 'Ja\u0000' }, { label: 'Nee' }] })),
        facilitator.auth,
      );
      expect(label.status).toBe(400);
      const dilemmas = await t.http.get(`/api/evenings/${evening.id}/dilemmas`).set(facilitator.auth).expect(200);
      expect(dilemmas.body).toEqual([]);
    });

    it('refuses a NUL in a registration and in a weights key', async () => {
      const evening = await createEvening(t, facilitator, {}, 'published');
      const registration = await postRaw(
        `/api/evenings/${evening.id}/registrations`,
        JSON.stringify({ name: 'Grietje\u0000', group: 'tenant', consent: true }),
      );
      expect(registration.status).toBe(400);
      const weights = await t.http
        .put('/api/weights')
        .set(analyst.auth)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ households: { 'Leeu\u0000warden': 1000 } }));
      expect(weights.status).toBe(400);
      const listed = await t.http.get(`/api/evenings/${evening.id}/registrations`).set(facilitator.auth).expect(200);
      expect(listed.body).toEqual([]);
    });

    it('refuses a NUL in a query parameter or a path with 400', async () => {
      const query = await t.http.get('/api/policy-input?municipality=Leeu%00warden').set(analyst.auth);
      expect(query.status).toBe(400);
      expect(query.body.code).toBe('BAD_PAYLOAD');
      const path = await t.http.get('/api/evenings/abc%00def').set(facilitator.auth);
      expect(path.status).toBe(400);
    });

    it('answers a vote carrying a NUL with BAD_PAYLOAD', async () => {
      const { dilemmas, socket } = await aTenantOnAnOpenDilemma('budget');
      try {
        const [a, b] = dilemmas[0].options;
        const ack = await voteRaw(socket, aVotePayload(dilemmas[0].id, { allocation: { [a.id]: 5, [`${b.id}\u0000`]: 5 } }));
        expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
      } finally {
        socket.close();
      }
    });
  });

  describe('prototype keys (finding 7)', () => {
    it.each(['__proto__', 'constructor', 'prototype'])('refuses an evening body carrying "%s" with 400', async (key) => {
      const before = await eveningCount();
      const body = `{"title":"Avond","municipality":"Leeuwarden","venue":"${VENUE}","startsAt":"2026-03-12T19:30:00+01:00","${key}":{"x":1}}`;
      const refused = await postRaw('/api/evenings', body, facilitator.auth);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('BAD_PAYLOAD');
      expect(await eveningCount()).toBe(before);
    });

    it('refuses a vote carrying __proto__ or constructor and stores nothing', async () => {
      const { dilemmas, socket } = await aTenantOnAnOpenDilemma('choice');
      try {
        const choice = { optionIds: [dilemmas[0].options[0].id] };
        for (const key of ['__proto__', 'constructor']) {
          // JSON.parse makes `__proto__` an own key, as the Socket.IO parser does with what arrives.
          const payload = JSON.parse(`{"dilemmaId":"${dilemmas[0].id}","clientVoteId":"${randomUUID()}","${key}":{"x":1}}`);
          payload.choice = choice;
          const ack = await voteRaw(socket, payload);
          expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
        }
        const stored = await t.dataSource.query('SELECT count(*) AS n FROM vote WHERE dilemma_id = $1', [dilemmas[0].id]);
        expect(Number(stored[0].n)).toBe(0);
      } finally {
        socket.close();
      }
    });

    it('refuses a prototype key in the query string', async () => {
      const query = await t.http.get('/api/policy-input?__proto__=x').set(analyst.auth);
      expect(query.status).toBe(400);
    });
  });
});

describe('database errors caused by the input (finding 2, the net under validation)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** What the HTTP error filter answers for `error`, through a response that records status and body. */
  function answerTo(error: unknown): { status: number; body: Record<string, unknown> } {
    const answer = { status: 0, body: {} as Record<string, unknown> };
    const response = {
      headersSent: false,
      setHeader: () => response,
      status: (status: number) => ((answer.status = status), response),
      json: (body: Record<string, unknown>) => ((answer.body = body), response),
    };
    const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => response }) };
    new HttpErrorFilter().catch(error, host as never);
    return answer;
  }

  it('answers 400 for what PostgreSQL refuses as data (22021, 22P02, 22003), with one line and no stack', async () => {
    const refusals = await Promise.all([
      t.dataSource.query('SELECT $1::text AS x', ['a\u0000b']).catch((e: unknown) => e),
      t.dataSource.query('SELECT $1::int AS x', ['geen getal']).catch((e: unknown) => e),
      t.dataSource.query('SELECT $1::int AS x', ['99999999999']).catch((e: unknown) => e),
    ]);
    let answers: Array<{ status: number; body: Record<string, unknown> }> = [];
    const output = await captureOutput(async () => {
      answers = refusals.map(answerTo);
    });
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
    expect(answers[0].body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(output).not.toMatch(/ERROR|\n\s+at /);
    expect(output).not.toContain('geen getal');
  });

  it('still answers 500 for a database error that is ours', async () => {
    const ours = await t.dataSource.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
    await captureOutput(async () => {
      expect(answerTo(ours).status).toBe(500);
    });
  });
});

describe('security headers follow PUBLIC_URL (finding 6)', () => {
  it('sends no upgrade-insecure-requests and no HSTS when tenants reach the server over plain HTTP', async () => {
    const t = await bootTestApp({ PUBLIC_URL: 'http://192.168.1.20:3000' });
    try {
      const response = await t.http.get('/api/themes').expect(200);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('sends both behind HTTPS', async () => {
    const t = await bootTestApp({ PUBLIC_URL: 'https://stem.example.nl' });
    try {
      const response = await t.http.get('/api/themes').expect(200);
      expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await t.close();
    }
  });
});
