/**
 * Creates the database in DATABASE_URL if it is missing and runs pending migrations under the advisory
 * lock, then exits: the one-shot `migrate` service of docker-compose.yml (every process also does this at
 * start, so this is an optimisation, not a requirement). Built into dist/scripts/migrate.js.
 */
import 'reflect-metadata';
import { loadConfigOrExit } from '@hs/config';
import { chooseDatabase, prepareDatabase } from '@hs/persistence';

async function main(): Promise<void> {
  // The same database the platform would use: DATABASE_URL, 127.0.0.1:5432, or the embedded one in DATA_DIR.
  const { config, embedded } = await chooseDatabase(loadConfigOrExit(), (line) => process.stdout.write(line + '\n'));
  try {
    const ran = await prepareDatabase(config.databaseUrl);
    process.stdout.write(ran.length ? `migrated: ${ran.join(', ')}\n` : 'schema up to date\n');
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
