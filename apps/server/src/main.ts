import 'reflect-metadata';
import { loadConfigOrExit } from '@hs/config';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Loaded only once the configuration is good: a bad variable is reported at once, before Nest, TypeORM
  // and the drivers load (seconds on a busy machine).
  const { createLogger, startServer } = await import('./bootstrap');
  const { chooseDatabase } = await import('@hs/persistence');
  const logger = createLogger(config);

  // A signal during start (Ctrl-C while initdb runs) stops what has started and ends the process.
  const starting = new AbortController();
  const abortStart = () => starting.abort();
  SIGNALS.forEach((signal) => process.once(signal, abortStart));
  let chosen: Awaited<ReturnType<typeof chooseDatabase>> | undefined;
  let started: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    chosen = await chooseDatabase(config, (line) => logger.log(line, 'Database'), starting.signal);
    if (starting.signal.aborted) throw new Error('interrupted');
    started = await startServer(chosen.config);
    logger.log(
      `role ${config.role} started${started.port ? ` on port ${started.port}` : ''} (backplane ${started.config.backplane})`,
      'Main',
    );
  } catch (error) {
    await started?.app.close().catch(() => undefined);
    await chosen?.embedded?.stop();
    if (starting.signal.aborted) process.exit(130);
    logger.error(`could not start: ${(error as Error).message}`, 'Main');
    process.exit(1);
  }
  SIGNALS.forEach((signal) => process.removeListener(signal, abortStart));
  const { app } = started;
  const embedded = chosen.embedded;

  // Graceful stop: Nest closes the HTTP server, the gateway, the vote batch and the job workers first,
  // then the embedded PostgreSQL (if we run one) stops last. The signal is raised again at the end, so
  // the process ends the way an unhandled signal ends it.
  const stop = (signal: NodeJS.Signals) => {
    SIGNALS.forEach((s) => process.removeListener(s, stop));
    void (async () => {
      await app.close().catch((error: unknown) => logger.error(`stopping: ${(error as Error).message}`, 'Main'));
      await embedded?.stop();
      process.kill(process.pid, signal);
    })();
  };
  SIGNALS.forEach((signal) => process.once(signal, stop));
}

void main();
