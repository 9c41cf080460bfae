import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { deleteKeysUnder } from '../../libs/persistence/src/redis-keys';
import { testServices } from './services';

export default async function globalTeardown(): Promise<void> {
  // Named by both end-to-end projects: the first call cleans up, the second finds nothing left.
  if (!process.env.HS_TEST_RUN) return;
  delete process.env.HS_TEST_RUN;
  for (const databaseUrl of [process.env.DATABASE_URL, process.env.HS_LOCAL_DATABASE_URL]) {
    if (!databaseUrl || !/\/hs_test_[a-z0-9]+(_local)?$/.test(databaseUrl) || process.env.KEEP_TEST_DATABASE) continue;
    const admin = new URL(databaseUrl);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
  const prefix = process.env.REDIS_PREFIX;
  if (prefix?.startsWith('hst_') && process.env.REDIS_URL) {
    await deleteKeysUnder(process.env.REDIS_URL, prefix);
  }
  if (testServices.embedded) {
    await testServices.embedded.stop();
    rmSync(testServices.embedded.folder, { recursive: true, force: true });
  }
}
