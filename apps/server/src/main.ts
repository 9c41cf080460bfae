import 'reflect-metadata';
import { loadConfigOrExit } from '@hs/config';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Loaded only once the configuration is good: a bad variable is reported at once, before Nest, TypeORM
  // and the drivers load (seconds on a busy machine).
  const { createLogger, startServer } = await import('./bootstrap');
  try {
    const { port } = await startServer(config);
    createLogger(config).log(`role ${config.role} started${port ? ` on port ${port}` : ''}`, 'Main');
  } catch (error) {
    createLogger(config).error(`could not start: ${(error as Error).message}`, 'Main');
    process.exit(1);
  }
}

void main();
