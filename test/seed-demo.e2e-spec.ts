import type { DataSource } from 'typeorm';
import { createDataSource, prepareDatabase } from '@hs/persistence';
import { THEME_SLUGS, DILEMMA_KINDS } from '@hs/contracts';
import { verifyPassword } from '@hs/domain';
import { DEMO_STAFF } from '../scripts/demo-data';
import { seedDemo } from '../scripts/demo-seeder';
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
  for (const table of ['evening', 'dilemma', 'dilemma_option', 'staff_user', 'audit_log', 'registration']) {
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
    expect(summary).toMatchObject({ eveningsCreated: 9, eveningsKept: 0, dilemmasCreated: 72 });

    const evenings: Array<{ id: string; municipality: string; status: string; local_hour: number; year: number }> =
      await dataSource.query(
        `SELECT id, municipality, status, extract(hour FROM starts_at AT TIME ZONE 'Europe/Amsterdam')::int AS local_hour,
                extract(year FROM starts_at AT TIME ZONE 'Europe/Amsterdam')::int AS year FROM evening`,
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
    const codes: Array<{ join_code: string }> = await dataSource.query('SELECT join_code FROM evening');
    expect(new Set(codes.map((c) => c.join_code)).size).toBe(9);
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
    const t = await bootTestApp({ DATABASE_URL: url });
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
    expect(summary).toMatchObject({ eveningsCreated: 0, eveningsKept: 9, dilemmasCreated: 0 });
    expect(summary.accounts.every((account) => !account.created && account.password === null)).toBe(true);
    expect(await fingerprint(dataSource)).toEqual(before);
  });

  it('gives two seeds at once the same result as one', async () => {
    await dataSource.query('DELETE FROM evening');
    await Promise.all([seedDemo(dataSource), seedDemo(dataSource)]);
    const [row] = await dataSource.query(
      'SELECT count(*)::int AS evenings, (SELECT count(*)::int FROM dilemma) AS dilemmas FROM evening',
    );
    expect(row).toEqual({ evenings: 9, dilemmas: 72 });
  });
});
