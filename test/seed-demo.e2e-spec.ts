import type { DataSource } from 'typeorm';
import { createDataSource, prepareDatabase } from '@hs/persistence';
import { THEME_SLUGS, DILEMMA_KINDS } from '@hs/contracts';
import { verifyPassword } from '@hs/domain';
import { DEMO_AGENDA, DEMO_STAFF } from '../scripts/demo-data';
import { PAST_EVENINGS, PAST_PREFERENCES } from '../scripts/demo-history';
import { demoId, seedDemo } from '../scripts/demo-seeder';
import { castVotes, times } from './support/aggregation-builders';
import { dropDatabase, freshDatabaseUrl } from './support/databases';
import { bootTestApp } from './support/test-app';

const MUNICIPALITIES = [
  'Leeuwarden',
  'De Friese Meren',
  'Súdwest-Fryslân',
  'Heerenveen',
  'Smallingerland',
  'Waadhoeke',
  'Harlingen',
  'Noardeast-Fryslân',
  'Opsterland',
];

/** Row counts and a digest of every row (timestamps included), so any insert or update shows. */
async function fingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of [
    'evening',
    'dilemma',
    'dilemma_option',
    'staff_user',
    'audit_log',
    'registration',
    'consultation_round',
    'dilemma_template',
    'participant',
    'vote',
  ]) {
    const [row] = await dataSource.query(
      `SELECT count(*)::text AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${table}" t`,
    );
    result[table] = `${row.n}:${row.digest}`;
  }
  return result;
}

describe('demo data (e2e)', () => {
  const url = freshDatabaseUrl('seed');
  let dataSource: DataSource;
  beforeAll(async () => {
    // A database of its own: the other suites add evenings to the shared one while this runs.
    await prepareDatabase(url);
    dataSource = createDataSource(url);
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  it('makes nine published evenings in 2027 evening hours, each with eight dilemmas over all themes and kinds', async () => {
    const summary = await seedDemo(dataSource, { admin: { email: 'Beheer@Example.nl', password: 'een-lang-wachtwoord' } });
    expect(summary).toMatchObject({ eveningsCreated: 9, pastEveningsCreated: 4, eveningsKept: 0, dilemmasCreated: 72 });

    const evenings: Array<{ id: string; municipality: string; status: string; local_hour: number; year: number }> =
      await dataSource.query(
        `SELECT id, municipality, status, extract(hour FROM starts_at AT TIME ZONE 'Europe/Amsterdam')::int AS local_hour,
                extract(year FROM starts_at AT TIME ZONE 'Europe/Amsterdam')::int AS year FROM evening WHERE round_id = $1`,
        [demoId('round', '2026')],
      );
    expect(evenings.map((e) => e.municipality).sort()).toEqual([...MUNICIPALITIES].sort());
    for (const evening of evenings) {
      expect(evening).toMatchObject({ status: 'published', year: 2027 });
      expect(evening.local_hour).toBeGreaterThanOrEqual(18);
      expect(evening.local_hour).toBeLessThanOrEqual(20);
      const agenda: Array<{ theme: string; kind: string; position: number; consequences: number; options: number }> =
        await dataSource.query(
          `SELECT d.theme, d.kind, d.position, count(o.id)::int AS options, count(o.consequence)::int AS consequences
             FROM dilemma d LEFT JOIN dilemma_option o ON o.dilemma_id = d.id
            WHERE d.evening_id = $1 GROUP BY d.id ORDER BY d.position`,
          [evening.id],
        );
      expect(agenda.map((d) => d.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(new Set(agenda.map((d) => d.theme))).toEqual(new Set(THEME_SLUGS));
      expect(new Set(agenda.map((d) => d.kind))).toEqual(new Set(DILEMMA_KINDS));
      for (const dilemma of agenda) {
        if (dilemma.kind === 'scale') expect(dilemma.options).toBe(0);
        else expect(dilemma.options).toBeGreaterThanOrEqual(2);
      }
      expect(agenda.reduce((sum, d) => sum + d.consequences, 0)).toBeGreaterThanOrEqual(10);
    }
    const codes: Array<{ join_code: string }> = await dataSource.query("SELECT join_code FROM evening WHERE status <> 'ended'");
    expect(new Set(codes.map((c) => c.join_code)).size).toBe(9);
  });

  it('holds the 2025 round: four ended evenings that asked five of the questions, from the same templates, with votes', async () => {
    const rounds: Array<{ name: string; year: number; evenings: number }> = await dataSource.query(
      `SELECT r.name, r.year, count(e.id)::int AS evenings FROM consultation_round r LEFT JOIN evening e ON e.round_id = r.id
        GROUP BY r.id ORDER BY r.year`,
    );
    expect(rounds).toEqual([
      { name: 'Bewonersraadpleging 2025', year: 2025, evenings: 4 },
      { name: 'Bewonersraadpleging 2026', year: 2026, evenings: 9 },
    ]);
    const past: Array<{ status: string; dilemmas: number; votes: number; people: number; keys: string[] }> =
      await dataSource.query(
        `SELECT e.status, count(DISTINCT d.id)::int AS dilemmas, count(v.id)::int AS votes,
              count(DISTINCT v.participant_id)::int AS people, array_agg(DISTINCT d.link_key) AS keys
         FROM evening e JOIN dilemma d ON d.evening_id = e.id LEFT JOIN vote v ON v.dilemma_id = d.id
        WHERE e.round_id = $1 GROUP BY e.id ORDER BY e.starts_at`,
        [demoId('round', '2025')],
      );
    const asked = DEMO_AGENDA.filter((d) => PAST_PREFERENCES[d.key]).map((d) => `template:${demoId('template', d.key)}`);
    expect(past).toHaveLength(PAST_EVENINGS.length);
    past.forEach((evening, i) => {
      expect(evening).toMatchObject({
        status: 'ended',
        dilemmas: 5,
        people: PAST_EVENINGS[i].people,
        votes: 5 * PAST_EVENINGS[i].people,
      });
      expect([...evening.keys].sort()).toEqual([...asked].sort());
    });
    const [{ templates }] = await dataSource.query('SELECT count(*)::int AS templates FROM dilemma_template');
    expect(templates).toBe(DEMO_AGENDA.length);
  });

  it('makes the demo facilitator and analyst with their documented passwords, and the admin from the environment', async () => {
    const users: Array<{ email: string; role: string; password_hash: string }> = await dataSource.query(
      'SELECT email, role, password_hash FROM staff_user',
    );
    for (const demo of DEMO_STAFF) {
      const user = users.find((u) => u.email === demo.email);
      expect(user?.role).toBe(demo.role);
      await expect(verifyPassword(demo.password, user!.password_hash)).resolves.toBe(true);
    }
    const admin = users.find((u) => u.email === 'beheer@example.nl');
    expect(admin?.role).toBe('admin');
    await expect(verifyPassword('een-lang-wachtwoord', admin!.password_hash)).resolves.toBe(true);
  });

  it('shows the nine evenings on the public list and lets the demo facilitator sign in', async () => {
    const t = await bootTestApp({ DATABASE_URL: url, REDIS_PREFIX: `${process.env.REDIS_PREFIX}_seed` });
    try {
      const list = await t.http.get('/api/public/evenings').expect(200);
      expect((list.body as Array<{ municipality: string }>).map((e) => e.municipality).sort()).toEqual(
        [...MUNICIPALITIES].sort(),
      );
      for (const evening of list.body) expect(evening).not.toHaveProperty('joinCode');
      const [facilitator] = DEMO_STAFF;
      await t.http.post('/api/auth/login').send({ email: facilitator.email, password: facilitator.password }).expect(200);
    } finally {
      await t.close();
    }
  });

  it('changes nothing when it runs again, also after staff edited a demo evening', async () => {
    await dataSource.query(`UPDATE evening SET title = 'Aangepaste titel' WHERE municipality = 'Harlingen'`);
    const before = await fingerprint(dataSource);
    const summary = await seedDemo(dataSource, { admin: { email: 'beheer@example.nl', password: 'een-ander-wachtwoord' } });
    expect(summary).toMatchObject({ eveningsCreated: 0, pastEveningsCreated: 0, eveningsKept: 9, dilemmasCreated: 0 });
    expect(summary.accounts.every((account) => !account.created && account.password === null)).toBe(true);
    expect(await fingerprint(dataSource)).toEqual(before);
  });

  it('gives two seeds at once the same result as one', async () => {
    await dataSource.query('DELETE FROM evening');
    await Promise.all([seedDemo(dataSource), seedDemo(dataSource)]);
    const [row] = await dataSource.query(
      'SELECT count(*)::int AS evenings, (SELECT count(*)::int FROM dilemma) AS dilemmas FROM evening',
    );
    expect(row).toEqual({ evenings: 13, dilemmas: 72 + 4 * 5 });
  });

  it("shows a trend once this year's Leeuwarden evening has voted on a question asked in 2025", async () => {
    const eveningId = demoId('evening', 'leeuwarden');
    const dilemmaId = demoId('dilemma', 'leeuwarden', 'huur-of-isolatie');
    const options = [0, 1, 2].map((i) => demoId('option', 'leeuwarden', 'huur-of-isolatie', String(i)));
    await castVotes(dataSource, { id: eveningId }, { id: dilemmaId }, [
      ...times(40, { municipality: 'Leeuwarden', choice: { optionIds: [options[0]] } }),
      ...times(20, { municipality: 'Leeuwarden', choice: { optionIds: [options[1]] } }),
      ...times(15, { municipality: 'Leeuwarden', choice: { optionIds: [options[2]] } }),
    ]);
    await dataSource.query(`UPDATE dilemma SET status = 'closed' WHERE id = $1`, [dilemmaId]);
    const t = await bootTestApp({ DATABASE_URL: url, REDIS_PREFIX: `${process.env.REDIS_PREFIX}_seed` });
    try {
      const login = await t.http
        .post('/api/auth/login')
        .send({
          email: DEMO_STAFF.find((s) => s.role === 'analyst')!.email,
          password: DEMO_STAFF.find((s) => s.role === 'analyst')!.password,
        })
        .expect(200);
      const res = await t.http
        .get('/api/trends?municipality=Leeuwarden')
        .set({ Authorization: `Bearer ${login.body.accessToken}` })
        .expect(200);
      expect(res.body.trends).toHaveLength(1);
      expect(res.body.trends[0].rounds.map((r: { year: number; total: number }) => [r.year, r.total])).toEqual([
        [2025, 84],
        [2026, 75],
      ]);
    } finally {
      await t.close();
    }
  });
});
