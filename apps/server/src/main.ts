import 'reflect-metadata';
import { ConfigError, loadConfig } from '@hs/config';
import { createLogger, startServer } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      process.exit(1);
    }
    throw error;
  }
  try {
    const { port } = await startServer(config);
    createLogger(config).log(`role ${config.role} started${port ? ` on port ${port}` : ''}`, 'Main');
  } catch (error) {
    createLogger(config).error(`could not start: ${(error as Error).message}`, 'Main');
    process.exit(1);
  }
}

void main();
