import { ConsoleLogger, type INestApplication, type INestApplicationContext, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@hs/config';
import { StaffService } from '@hs/domain';
import { chooseBackplane, prepareDatabase } from '@hs/persistence';
import { configureHttp } from '@hs/http';
import { setupOpenApi } from './openapi';
import { ServerModule } from './server.module';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
};

export function createLogger(config: AppConfig): ConsoleLogger {
  return new ConsoleLogger({ json: config.nodeEnv === 'production', logLevels: LEVELS[config.logLevel], prefix: 'huurdersstem' });
}

export interface StartedServer {
  app: INestApplication | INestApplicationContext;
  /** The HTTP port it listens on, or null for a worker. */
  port: number | null;
  /** The configuration as started: the backplane settled (never `auto`). */
  config: AppConfig;
}

/**
 * Starts the parts ROLE asks for: the backplane is settled and the database created and migrated first
 * (under an advisory lock), then the Nest application. A worker runs without an HTTP server.
 * Signals are the launcher's (main.ts): it stops Nest, then an embedded PostgreSQL.
 */
export async function startServer(given: AppConfig, options: { listenPort?: number } = {}): Promise<StartedServer> {
  const config = await chooseBackplane(given);
  const logger = createLogger(config);
  await prepareDatabase(config.databaseUrl);
  if (config.jwtSecretGenerated)
    logger.warn('JWT_SECRET is not set: tokens are signed with a random secret and end at restart', 'Config');

  if (config.role === 'worker') {
    const context = await NestFactory.createApplicationContext(ServerModule.forRole(config), { logger });
    return { app: context, port: null, config };
  }

  const app = await NestFactory.create(ServerModule.forRole(config), { logger, bodyParser: false });
  configureHttp(app, config);
  setupOpenApi(app, config);
  if (config.role === 'all' || config.role === 'api') await app.get(StaffService).ensureFirstAdmin();
  await app.listen(options.listenPort ?? config.port);
  const address = app.getHttpServer().address();
  return { app, port: typeof address === 'object' && address ? address.port : config.port, config };
}
