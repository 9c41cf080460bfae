/**
 * npm run seed:demo: migrates the database in DATABASE_URL (creating it if missing) and writes the demo
 * round of scripts/demo-data.ts: nine published evenings with their agendas, a facilitator and an analyst,
 * and an admin when ADMIN_EMAIL and ADMIN_PASSWORD are set. Running it again changes nothing.
 */
import 'reflect-metadata';
import { type AppConfig, loadConfigOrExit } from '@hs/config';
import { chooseDatabase, createDataSource, prepareDatabase } from '@hs/persistence';
import { seedDemo } from './demo-seeder';

async function main(): Promise<void> {
  // The same database the platform would use: DATABASE_URL, 127.0.0.1:5432, or the embedded one in DATA_DIR
  // (joined when `npm start` runs it, else started for the seed and stopped after).
  const { config, embedded } = await chooseDatabase(loadConfigOrExit(), (line) => process.stdout.write(line + '\n'));
  try {
    await seed(config);
  } finally {
    await embedded?.stop();
  }
}

async function seed(config: AppConfig): Promise<void> {
  await prepareDatabase(config.databaseUrl);
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  try {
    const admin =
      config.adminEmail && config.adminPassword ? { email: config.adminEmail, password: config.adminPassword } : undefined;
    const summary = await seedDemo(dataSource, { admin });
    const lines = [
      `Demo round: ${summary.eveningsCreated} evenings created, ${summary.eveningsKept} already there; ${summary.dilemmasCreated} dilemmas created.`,
      'Staff accounts:',
      ...summary.accounts.map((account) => {
        const password =
          account.role === 'admin'
            ? '(the password in ADMIN_PASSWORD)'
            : (account.password ?? '(existed already: left unchanged)');
        return `  ${account.role.padEnd(11)} ${account.email.padEnd(36)} ${password}`;
      }),
    ];
    if (!admin) lines.push('  (ADMIN_EMAIL and ADMIN_PASSWORD are not set: the seed made no admin account)');
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
