import { randomUUID } from 'node:crypto';
import { bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';

/** The agreements register over HTTP: themes, items, the status rule (409), evaluations, the audit trail, bad input. */
describe('agreements register (e2e)', () => {
  let t: TestApp;
  let analyst: StaffSession;
  let admin: StaffSession;
  const municipality = `Leeuwarden-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    t = await bootTestApp();
    [analyst, admin] = await Promise.all([staffSession(t, 'analyst'), staffSession(t, 'admin')]);
  });
  afterAll(async () => {
    await t.close();
  });

  async function anItem(overrides: Record<string, unknown> = {}) {
    const body = { municipality, year: 2026, text: 'De corporatie isoleert 300 woningen.', party: 'corporatie', ...overrides };
    return (await t.http.post('/api/agreements').set(analyst.auth).send(body).expect(201)).body;
  }

  it('keeps a theme, an item of the bid under it, and lists them per municipality and year', async () => {
    const theme = (
      await t.http
        .post('/api/register/themes')
        .set(analyst.auth)
        .send({ municipality, year: 2026, name: 'Betaalbaar en duurzaam wonen' })
        .expect(201)
    ).body;
    const item = await anItem({ themeId: theme.id, on: '2026-01-15' });
    expect(item).toMatchObject({ municipality, year: 2026, status: 'bod', statusSince: '2026-01-15', theme: { id: theme.id } });
    expect(item.advice).toEqual({ given: 0, answered: 0 });

    const list = (
      await t.http.get(`/api/agreements?municipality=${municipality.toUpperCase()}&year=2026`).set(analyst.auth).expect(200)
    ).body;
    expect(list.map((a: { id: string }) => a.id)).toEqual([item.id]);
    const none = (await t.http.get(`/api/agreements?municipality=${municipality}&year=2025`).set(analyst.auth).expect(200)).body;
    expect(none).toEqual([]);
    const themes = (await t.http.get(`/api/register/themes?municipality=${municipality}`).set(analyst.auth).expect(200)).body;
    expect(themes).toEqual([expect.objectContaining({ id: theme.id, name: 'Betaalbaar en duurzaam wonen' })]);
  });

  it('moves bod → afgesproken → in_uitvoering → gerealiseerd with dates, refuses every other move with 409 and changes nothing', async () => {
    const item = await anItem();
    const path = `/api/agreements/${item.id}/status`;
    const skip = await t.http.post(path).set(analyst.auth).send({ status: 'in_uitvoering' }).expect(409);
    expect(skip.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect(skip.body.message).toContain('afgesproken');

    await t.http.post(path).set(analyst.auth).send({ status: 'afgesproken', on: '2026-02-01', note: 'Getekend' }).expect(200);
    await t.http.post(path).set(analyst.auth).send({ status: 'afgesproken' }).expect(409);
    await t.http.post(path).set(analyst.auth).send({ status: 'bod' }).expect(409);
    await t.http.post(path).set(analyst.auth).send({ status: 'in_uitvoering', on: '2026-03-01' }).expect(200);
    const done = await t.http.post(path).set(analyst.auth).send({ status: 'gerealiseerd', on: '2026-11-20' }).expect(200);
    expect(done.body).toMatchObject({ status: 'gerealiseerd', statusSince: '2026-11-20' });
    await t.http.post(path).set(analyst.auth).send({ status: 'vervallen' }).expect(409);

    const detail = (await t.http.get(`/api/agreements/${item.id}`).set(analyst.auth).expect(200)).body;
    expect(detail.status).toBe('gerealiseerd');
    expect(detail.timeline.map((e: { from: string | null; to: string; on: string }) => [e.from, e.to])).toEqual([
      [null, 'bod'],
      ['bod', 'afgesproken'],
      ['afgesproken', 'in_uitvoering'],
      ['in_uitvoering', 'gerealiseerd'],
    ]);
    expect(detail.timeline[1]).toMatchObject({ on: '2026-02-01', note: 'Getekend' });
  });

  it('lets any step before the end lapse, and an agreement that was not in the bid start as afgesproken', async () => {
    const lapsed = await anItem();
    await t.http.post(`/api/agreements/${lapsed.id}/status`).set(analyst.auth).send({ status: 'vervallen' }).expect(200);
    await t.http.post(`/api/agreements/${lapsed.id}/status`).set(analyst.auth).send({ status: 'afgesproken' }).expect(409);
    const direct = await anItem({ status: 'afgesproken', party: 'gemeente' });
    expect(direct).toMatchObject({ status: 'afgesproken', party: 'gemeente' });
    await t.http
      .post('/api/agreements')
      .set(analyst.auth)
      .send({ municipality, year: 2026, text: 'x', party: 'corporatie', status: 'gerealiseerd' })
      .expect(400);
  });

  it('adds mid-year evaluations to the timeline', async () => {
    const item = await anItem({ status: 'afgesproken' });
    const detail = (
      await t.http
        .post(`/api/agreements/${item.id}/evaluations`)
        .set(analyst.auth)
        .send({ note: 'Halverwege: 140 van 300 woningen klaar.', on: '2026-07-01' })
        .expect(201)
    ).body;
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: 'evaluation',
      on: '2026-07-01',
      note: 'Halverwege: 140 van 300 woningen klaar.',
    });
    expect(detail.status).toBe('afgesproken');
  });

  it('audits every change: creation, status moves, updates and evaluations', async () => {
    const item = await anItem();
    await t.http.patch(`/api/agreements/${item.id}`).set(analyst.auth).send({ party: 'huurdersorganisatie' }).expect(200);
    await t.http.post(`/api/agreements/${item.id}/status`).set(analyst.auth).send({ status: 'afgesproken' }).expect(200);
    await t.http.post(`/api/agreements/${item.id}/status`).set(analyst.auth).send({ status: 'gerealiseerd' }).expect(409);
    await t.http.post(`/api/agreements/${item.id}/evaluations`).set(analyst.auth).send({ note: 'Loopt.' }).expect(201);
    const audit = (await t.http.get('/api/audit?limit=200').set(admin.auth).expect(200)).body as Array<{
      action: string;
      targetId: string;
      details: Record<string, unknown>;
      actor: { id: string } | null;
    }>;
    const mine = audit.filter((e) => e.targetId === item.id).reverse();
    expect(mine.map((e) => e.action)).toEqual(['agreement.create', 'agreement.update', 'agreement.status', 'agreement.evaluate']);
    expect(mine[2].details).toEqual({ from: 'bod', to: 'afgesproken' });
    for (const entry of mine) expect(entry.actor?.id).toBe(analyst.id);
  });

  it('answers bad input with 400, unknown ids with 404 and other roles with 403, and changes nothing', async () => {
    const item = await anItem();
    const facilitator = await staffSession(t, 'facilitator');
    const bad: Array<Record<string, unknown>> = [
      {},
      { municipality, year: '2026', text: 'x', party: 'corporatie' },
      { municipality, year: 2026, text: 'x', party: 'verhuurder' },
      { municipality, year: 2026, text: '   ', party: 'corporatie' },
      { municipality, year: 1800, text: 'x', party: 'corporatie' },
      { municipality, year: 2026, text: 'x', party: 'corporatie', extra: true },
      { municipality, year: 2026, text: 'x', party: 'corporatie', on: '2026-02-30' },
      { municipality, year: 2026, text: 'x', party: 'corporatie', on: '15-01-2026' },
      { municipality, year: 2026, text: 'x'.repeat(4001), party: 'corporatie' },
      { municipality, year: 2026, text: 'x', party: 'corporatie', themeId: randomUUID() },
      { municipality: ['Leeuwarden'], year: 2026, text: 'x', party: 'corporatie' },
    ];
    for (const body of bad) await t.http.post('/api/agreements').set(analyst.auth).send(body).expect(400);
    await t.http.post(`/api/agreements/${item.id}/status`).set(analyst.auth).send({ status: 'klaar' }).expect(400);
    await t.http.post(`/api/agreements/${item.id}/status`).set(analyst.auth).send({ status: 'afgesproken', x: 1 }).expect(400);
    await t.http.post(`/api/agreements/${randomUUID()}/status`).set(analyst.auth).send({ status: 'afgesproken' }).expect(404);
    await t.http.post('/api/agreements/not-a-uuid/status').set(analyst.auth).send({ status: 'afgesproken' }).expect(404);
    await t.http.get(`/api/agreements/${randomUUID()}`).set(analyst.auth).expect(404);
    await t.http.post(`/api/agreements/${item.id}/status`).set(facilitator.auth).send({ status: 'afgesproken' }).expect(403);
    await t.http
      .post('/api/agreements')
      .set(facilitator.auth)
      .send({ municipality, year: 2026, text: 'x', party: 'corporatie' })
      .expect(403);
    await t.http.get('/api/agreements').expect(401);
    await t.http
      .post('/api/agreements')
      .set(analyst.auth)
      .send({ municipality, year: 2026, text: 'x'.repeat(200_000), party: 'corporatie' })
      .expect(413);
    const after = (await t.http.get(`/api/agreements/${item.id}`).set(analyst.auth).expect(200)).body;
    expect(after).toMatchObject({ status: 'bod', party: 'corporatie' });
    expect(after.timeline).toHaveLength(1);
  });
});
