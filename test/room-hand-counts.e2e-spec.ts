import type { TallyPayload } from '@hs/contracts';
import { createDataSource, prepareDatabase } from '@hs/persistence';
import { dropDatabase, freshDatabaseUrl } from './support/databases';
import { aLiveEvening, transition } from './support/live-builders';
import { aVote, connectStaff, connectTenant, joinEvening, type LiveClient, vote, waitFor } from './support/live-client';
import { bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';

/**
 * Hand counts are one entry per option per round: a correction replaces the entry (3, then 2, stores 2), the
 * entries are read back with who entered them and when, every change is audited, and the tally shows phones and
 * hands apart. The migration keeps earlier data meaningful: entries that added up become their sum.
 */
describe('hand counts: one entry per option per round (e2e)', () => {
  let t: TestApp;
  let staff: StaffSession;
  const sockets: LiveClient[] = [];
  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffSession(t, 'facilitator');
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  const put = (id: string, round: number | string, body: unknown, who: StaffSession = staff) =>
    t.http
      .put(`/api/dilemmas/${id}/manual-counts/${round}`)
      .set(who.auth)
      .send(body as object);

  it('replaces an entry instead of adding to it, shows who and when, audits it, and keeps phones and hands apart', async () => {
    const { evening, dilemmas } = await aLiveEvening(t, staff).withDilemma('choice', 3).build();
    const [dilemma] = dilemmas;
    const [a, b, c] = dilemma.options.map((o) => o.id);
    await transition(t, staff, dilemma.id, 'open');
    const watcher = await connectStaff(t.url, staff, evening.id);
    const phone = await connectTenant(t.url, (await joinEvening(t, evening.joinCode)).participantToken);
    sockets.push(watcher, phone);
    expect(await vote(phone, aVote(dilemma.id, { optionIds: [a] }))).toMatchObject({ ok: true });

    const first = await put(dilemma.id, 1, { counts: { [a]: 3, [b]: 1 }, note: 'Tafel 2' }).expect(200);
    expect(first.body).toMatchObject({
      dilemmaId: dilemma.id,
      round: 1,
      respondents: 4,
      note: 'Tafel 2',
      updatedBy: { id: staff.id, name: 'Test facilitator' },
      entries: [
        { key: expect.any(String), count: expect.any(Number), enteredBy: { id: staff.id, name: 'Test facilitator' } },
        expect.anything(),
      ],
    });
    // The correction: 3 becomes 2 (not 5); b keeps its 1.
    const corrected = await put(dilemma.id, 1, { counts: { [a]: 2 } }).expect(200);
    const counts = Object.fromEntries(corrected.body.entries.map((e: { key: string; count: number }) => [e.key, e.count]));
    expect(counts).toEqual({ [a]: 2, [b]: 1 });
    expect(corrected.body).toMatchObject({ respondents: 3, note: 'Tafel 2' });

    const read = await t.http.get(`/api/dilemmas/${dilemma.id}/manual-counts`).set(staff.auth).expect(200);
    expect(read.body).toMatchObject({ dilemmaId: dilemma.id, kind: 'choice', currentRound: 1 });
    expect(read.body.rounds).toHaveLength(1);
    const entryA = read.body.rounds[0].entries.find((e: { key: string }) => e.key === a);
    expect(entryA).toEqual({
      key: a,
      count: 2,
      enteredBy: { id: staff.id, name: 'Test facilitator' },
      enteredAt: expect.any(String),
    });
    expect(Date.now() - Date.parse(entryA.enteredAt)).toBeLessThan(60_000);
    const rows = await t.dataSource.query(
      'SELECT option_key, count FROM manual_count_entry WHERE dilemma_id = $1 ORDER BY count',
      [dilemma.id],
    );
    expect(rows).toHaveLength(2);

    // The tally: 1 phone + 3 hands; the hands apart.
    const tally = await waitFor<TallyPayload>(watcher, 'tally', (p) => p.dilemmaId === dilemma.id && p.total === 4);
    expect(tally.counts).toEqual({ [a]: 3, [b]: 1, [c]: 0 });
    expect(tally.manual).toEqual({ total: 3, counts: { [a]: 2, [b]: 1, [c]: 0 } });

    // POST (CONTRACT.md) sets too: it no longer adds up.
    const posted = await t.http
      .post(`/api/dilemmas/${dilemma.id}/manual-counts`)
      .set(staff.auth)
      .send({ round: 1, counts: { [b]: 4 } })
      .expect(201);
    expect(posted.body).toMatchObject({ round: 1, counts: { [a]: 2, [b]: 4 }, respondents: 6 });

    const audit = await t.dataSource.query(
      `SELECT actor_id, details FROM audit_log WHERE target_id = $1 AND action = 'manual-count.set' ORDER BY id`,
      [dilemma.id],
    );
    expect(audit).toHaveLength(3);
    expect(audit[1]).toEqual({
      actor_id: staff.id,
      details: { round: 1, before: { [a]: 3 }, after: { [a]: 2 }, respondents: 3 },
    });
  });

  it('keeps rounds apart and keeps the people of a multi dilemma while they still fit', async () => {
    const { dilemmas } = await aLiveEvening(t, staff).withDilemma('multi', 3).build();
    const [multi] = dilemmas;
    const [a, b] = multi.options.map((o) => o.id);
    await transition(t, staff, multi.id, 'open');
    expect((await put(multi.id, 1, { counts: { [a]: 3, [b]: 2 }, respondents: 4 }).expect(200)).body.respondents).toBe(4);
    expect((await put(multi.id, 1, { counts: { [b]: 3 } }).expect(200)).body.respondents).toBe(4);
    // No longer fits (the largest count is now 5): the largest count.
    expect((await put(multi.id, 1, { counts: { [a]: 5 } }).expect(200)).body.respondents).toBe(5);
    await put(multi.id, 1, { counts: { [a]: 1 }, respondents: 9 }).expect(400);

    await transition(t, staff, multi.id, 'close');
    await transition(t, staff, multi.id, 'revote');
    await put(multi.id, 2, { counts: { [a]: 1 } }).expect(200);
    const read = await t.http.get(`/api/dilemmas/${multi.id}/manual-counts`).set(staff.auth).expect(200);
    expect(read.body.currentRound).toBe(2);
    expect(read.body.rounds.map((r: { round: number; respondents: number }) => [r.round, r.respondents])).toEqual([
      [1, 5],
      [2, 1],
    ]);
  });

  it('refuses wrong roles (403), unknown options (400), unknown rounds and dilemmas (404), bad types (400), changing nothing', async () => {
    const { dilemmas } = await aLiveEvening(t, staff)
      .withDilemma('choice', 2)
      .withDilemma('scale')
      .withDilemma('choice', 2)
      .build();
    const [choice, scale, draft] = dilemmas;
    const [a] = choice.options.map((o) => o.id);
    await transition(t, staff, choice.id, 'open');
    const analyst = await staffSession(t, 'analyst');
    await put(choice.id, 1, { counts: { [a]: 1 } }, analyst).expect(403);
    await t.http.get(`/api/dilemmas/${choice.id}/manual-counts`).set(analyst.auth).expect(403);
    await t.http
      .put(`/api/dilemmas/${choice.id}/manual-counts/1`)
      .send({ counts: { [a]: 1 } })
      .expect(401);

    const unknownOption = await put(choice.id, 1, { counts: { [scale.id]: 1 } }).expect(400);
    expect(unknownOption.body.code).toBe('INVALID_MANUAL_COUNT');
    await put(choice.id, 1, { counts: { [draft.options[0].id]: 1 } }).expect(400);
    const unknownRound = await put(choice.id, 2, { counts: { [a]: 1 } }).expect(404);
    expect(unknownRound.body.code).toBe('VOTING_ROUND_NOT_FOUND');
    await put(choice.id, 0, { counts: { [a]: 1 } }).expect(404);
    await put('00000000-0000-4000-8000-000000000000', 1, { counts: { [a]: 1 } }).expect(404);
    await put('not-a-uuid', 1, { counts: { [a]: 1 } }).expect(404);
    await t.http.get('/api/dilemmas/00000000-0000-4000-8000-000000000000/manual-counts').set(staff.auth).expect(404);
    const notOpen = await put(draft.id, 1, { counts: { [draft.options[0].id]: 1 } }).expect(409);
    expect(notOpen.body.code).toBe('DILEMMA_NOT_OPEN');

    for (const body of [
      {},
      { counts: {} },
      { counts: { [a]: '3' } },
      { counts: { [a]: -1 } },
      { counts: { [a]: 1.5 } },
      { counts: { [a]: 10_001 } },
      { counts: { [a]: null } },
      { counts: [3] },
      { counts: 'drie' },
      { counts: { [a]: 1 }, respondents: 'twee' },
      { counts: { [a]: 1 }, note: 7 },
      { counts: { [a]: 1 }, extra: true },
    ]) {
      await put(choice.id, 1, body).expect(400);
    }
    await put(choice.id, 'een', { counts: { [a]: 1 } }).expect(400);
    await transition(t, staff, scale.id, 'close').catch(() => undefined);
    const rows = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM manual_count_entry WHERE dilemma_id = ANY($1::uuid[])',
      [dilemmas.map((d) => d.id)],
    );
    expect(rows[0].n).toBe(0);
  });

  it('migrates hand counts that added up into one entry per option, keeping their sum, the people and the notes', async () => {
    const url = freshDatabaseUrl('hands');
    await prepareDatabase(url);
    const db = createDataSource(url);
    await db.initialize();
    try {
      // Back to the schema before this change, with two entries for one round as the old POST stored them.
      // (Migrations made after it are undone first, and run again below.)
      for (;;) {
        const [last] = await db.query('SELECT name FROM schema_migration ORDER BY id DESC LIMIT 1');
        await db.undoLastMigration({ transaction: 'each' });
        if (last.name === 'ManualCountEntries1796000100100') break;
      }
      const [round] = await db.query(`INSERT INTO consultation_round (name, year) VALUES ('Ronde 2026', 2026) RETURNING id`);
      const [evening] = await db.query(
        `INSERT INTO evening (title, municipality, venue, starts_at, join_code, round_id)
         VALUES ('Avond', 'Leeuwarden', 'Zaal', now(), 'ABCDEF', $1) RETURNING id`,
        [round.id],
      );
      const [dilemma] = await db.query(
        `INSERT INTO dilemma (evening_id, position, theme, question, kind, status) VALUES ($1, 1, 'woning', 'Vraag', 'scale', 'closed') RETURNING id`,
        [evening.id],
      );
      await db.query(
        `INSERT INTO manual_count (dilemma_id, round, counts, respondents, note, created_at) VALUES
           ($1, 1, '{"1": 3, "4": 1}', 4, 'Tafel 1', now() - interval '2 minutes'),
           ($1, 1, '{"1": 2}', 2, 'Tafel 2', now() - interval '1 minute')`,
        [dilemma.id],
      );
      await db.runMigrations({ transaction: 'each' });
      const entries = await db.query(
        'SELECT option_key, count FROM manual_count_entry WHERE dilemma_id = $1 ORDER BY option_key',
        [dilemma.id],
      );
      expect(entries).toEqual([
        { option_key: '1', count: 5 },
        { option_key: '4', count: 1 },
      ]);
      const rounds = await db.query('SELECT round, respondents, note FROM manual_count_round WHERE dilemma_id = $1', [
        dilemma.id,
      ]);
      expect(rounds).toEqual([{ round: 1, respondents: 6, note: 'Tafel 1 · Tafel 2' }]);
      const [{ exists }] = await db.query(`SELECT to_regclass('manual_count') IS NOT NULL AS exists`);
      expect(exists).toBe(false);
    } finally {
      await db.destroy();
      await dropDatabase(url);
    }
  });
});
