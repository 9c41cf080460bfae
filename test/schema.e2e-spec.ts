import { Client } from 'pg';
import { dropDatabase, freshDatabaseUrl } from './support/databases';
import { createDataSource, prepareDatabase } from '@hs/persistence';
import { MIGRATIONS } from '../libs/persistence/src/migrations';

describe('schema (e2e)', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const url of made) await dropDatabase(url);
  });

  it('creates a missing database, migrates it, and leaves no difference between entities and migrations', async () => {
    const url = freshDatabaseUrl('drift');
    made.push(url);
    const ran = await prepareDatabase(url);
    expect(ran).toHaveLength(MIGRATIONS.length);

    const dataSource = createDataSource(url);
    await dataSource.initialize();
    try {
      // What `migration:generate` would write: it must be nothing, or an entity changed without a migration.
      const diff = await dataSource.driver.createSchemaBuilder().log();
      expect(diff.upQueries.map((q) => q.query)).toEqual([]);
      expect(diff.downQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('lets two processes prepare a new database at once: both succeed and the migrations run once', async () => {
    const url = freshDatabaseUrl('race');
    made.push(url);
    const [first, second] = await Promise.all([prepareDatabase(url), prepareDatabase(url)]);
    expect([first.length, second.length].sort((a, b) => a - b)).toEqual([0, MIGRATIONS.length]);

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY id');
      expect(rows.rows).toHaveLength(MIGRATIONS.length);
      expect(new Set(rows.rows.map((row) => row.name)).size).toBe(MIGRATIONS.length);
    } finally {
      await client.end();
    }
    // A third start finds nothing to do.
    await expect(prepareDatabase(url)).resolves.toEqual([]);
  });
});
