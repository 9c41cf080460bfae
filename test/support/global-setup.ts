import { randomBytes } from 'node:crypto';
import { prepareDatabase } from '../../libs/persistence/src/database-bootstrap';

/**
 * One throwaway PostgreSQL database and one Redis key prefix per test run, made here and
 * handed to every test worker through the environment; global-teardown removes both.
 */
export default async function globalSetup(): Promise<void> {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/hs_test_${id}`;
  process.env.DATABASE_URL = base.toString();
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.REDIS_PREFIX = `hst_${id}`;
  process.env.JWT_SECRET = randomBytes(32).toString('hex');
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  await prepareDatabase(process.env.DATABASE_URL);
}
