import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '../../libs/persistence/src/database-bootstrap';
import { startEmbeddedPostgres } from '../../libs/persistence/src/embedded/embedded-postgres';
import { answersOn } from '../../libs/persistence/src/embedded/answers-on';
import { testServices } from './services';

/**
 * One throwaway PostgreSQL database and one Redis key prefix per test run, made here and
 * handed to every test worker through the environment; global-teardown removes both.
 *
 * Where only Node is installed (nothing on 127.0.0.1:5432 and no TEST_DATABASE_URL), the run starts an
 * embedded PostgreSQL of its own in a temporary folder. Without Redis (nothing on 127.0.0.1:6379 and no
 * TEST_REDIS_URL) the run uses the local backplane, and the suites that need Redis are skipped with a
 * notice, unless REQUIRE_REDIS=1 (CI), which makes a missing Redis an error.
 */
export default async function globalSetup(): Promise<void> {
  // Both end-to-end projects (Redis and local backplane) name this setup; the run makes one database.
  if (process.env.HS_TEST_RUN) return;
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let base: URL;
  if (process.env.TEST_DATABASE_URL || (await answersOn(5432))) {
    base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  } else {
    const dataDir = join(tmpdir(), `hs-test-${id}`, 'postgres');
    const embedded = await startEmbeddedPostgres({ dataDir, log: () => undefined });
    testServices.embedded = { stop: embedded.stop, folder: join(dataDir, '..') };
    process.stdout.write(`\nNo PostgreSQL on 127.0.0.1:5432: this run uses an embedded PostgreSQL in ${dataDir}\n`);
    base = new URL(embedded.url);
  }
  base.pathname = `/hs_test_${id}`;
  process.env.DATABASE_URL = base.toString();
  if (process.env.TEST_REDIS_URL || (await answersOn(6379))) {
    process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  } else if (process.env.REQUIRE_REDIS === '1') {
    throw new Error('REQUIRE_REDIS=1, but no Redis answers on 127.0.0.1:6379 (and TEST_REDIS_URL is not set)');
  } else {
    process.env.BACKPLANE = 'local';
    delete process.env.REDIS_URL;
    process.stdout.write('No Redis on 127.0.0.1:6379: this run uses the local backplane; suites that need Redis are skipped\n');
  }
  process.env.HS_TEST_RUN = id;
  process.env.REDIS_PREFIX = `hst_${id}`;
  process.env.JWT_SECRET = randomBytes(32).toString('hex');
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  await prepareDatabase(process.env.DATABASE_URL);
  // The e2e-local project runs some suites a second time, at the same time: on a database of its own, so
  // that neither run sees the other's evenings (policy input pools every evening in its database).
  const local = new URL(process.env.DATABASE_URL);
  local.pathname = `${local.pathname}_local`;
  process.env.HS_LOCAL_DATABASE_URL = local.toString();
  await prepareDatabase(process.env.HS_LOCAL_DATABASE_URL);
}
