import { Client } from 'pg';
import { createDataSource } from './data-source';

/** An arbitrary constant: the advisory lock under which replicas take turns migrating. */
const MIGRATION_LOCK_KEY = 727_140_001;

function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) {
    throw new Error(`DATABASE_URL names database "${name}"; use letters, digits, _ and - only`);
  }
  return name;
}

/** Creates the database named in the URL when it does not exist yet (docs/API.md, Configuration). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = databaseName(databaseUrl);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const client = new Client({ connectionString: adminUrl.toString() });
  await client.connect();
  // Replicas starting together take turns (two concurrent CREATE DATABASE of one name fail with a
  // unique violation on pg_database rather than "already exists"); the lock ends with the session.
  await client.query(`SELECT pg_advisory_lock(hashtext('huurdersstem:create-database:' || $1))`, [name]);
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } catch (error) {
        // Created meanwhile by a process that does not take our lock (42P04, or 23505 in a race): fine.
        const code = (error as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so replicas that start
 * together migrate one after another instead of racing.
 */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const lockClient = new Client({ connectionString: databaseUrl });
  await lockClient.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const dataSource = createDataSource(databaseUrl);
    await dataSource.initialize();
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      return ran.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockClient.end();
  }
}

export async function prepareDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  return migrate(databaseUrl);
}
