/**
 * The launcher's first decision: what to run on. Explicit configuration always wins; otherwise we look
 * at what answers on this machine's standard ports, once, at boot, and never change our mind while running.
 * - PostgreSQL: DATABASE_URL, else the server on 127.0.0.1:5432, else an embedded one in DATA_DIR/postgres.
 * - Backplane: BACKPLANE, else Redis when REDIS_URL is set or Redis answers on 127.0.0.1:6379, else local.
 */
import { join } from 'node:path';
import { type AppConfig, ConfigError } from '@hs/config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { answersOn } from './answers-on';

export { answersOn };

/** Settles BACKPLANE=auto; a local backplane with a ROLE other than all is refused with one line. */
export async function chooseBackplane(config: AppConfig): Promise<AppConfig> {
  const backplane = config.backplane === 'auto' ? ((await answersOn(6379)) ? 'redis' : 'local') : config.backplane;
  if (backplane === 'local' && config.role !== 'all') {
    throw new ConfigError(
      'REDIS_URL',
      `is not set and no Redis answers on 127.0.0.1:6379: ROLE=${config.role} needs Redis, because several processes share it`,
    );
  }
  return { ...config, backplane };
}

export interface ChosenDatabase {
  config: AppConfig;
  /** Set when the database is an embedded PostgreSQL of this process: stop it after everything else. */
  embedded?: EmbeddedPostgres;
}

/** Settles the database: DATABASE_URL, or PostgreSQL on 127.0.0.1:5432, or an embedded one (started here). */
export async function chooseDatabase(
  config: AppConfig,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<ChosenDatabase> {
  if (config.databaseUrlGiven || (await answersOn(5432))) return { config };
  const embedded = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres'), log, signal });
  const url = new URL(embedded.url);
  url.pathname = new URL(config.databaseUrl).pathname;
  return { config: { ...config, databaseUrl: url.toString() }, embedded };
}
