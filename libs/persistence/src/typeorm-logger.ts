import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';
import { redactDatabaseMessage } from './safe-error';

/**
 * TypeORM's own loggers print a failed query together with its parameters, which can hold names,
 * e-mail addresses and password hashes. This one reports failures and slow queries by their SQL text
 * only (cut short), through Nest's logger so production gets JSON lines; it never logs parameters,
 * and blanks the values PostgreSQL itself quotes in some messages.
 */
export class RedactingTypeOrmLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Every query would be noise, and its parameters are exactly what must not be logged.
  }

  logQueryError(error: string | Error, query: string): void {
    const fields = typeof error === 'string' ? {} : { ...((error as { driverError?: object }).driverError ?? {}), ...error };
    const message = redactDatabaseMessage(typeof error === 'string' ? error : error.message, fields);
    const code = (fields as { code?: unknown }).code;
    const line = `query failed: ${typeof code === 'string' ? `[${code}] ` : ''}${message} (${shorten(query)})`;
    // TypeORM reports every failed query, also those the caller expects and handles: a unique index
    // that guards a race (class 23) is not an incident, and a deadlock or serialization failure (40) is
    // retried. An unhandled one still reaches the HTTP error filter, which logs it as an error.
    // Bad input the schema refused (22, 54) is answered 400 by the error filter: worth a line, not an alarm.
    if (typeof code === 'string' && code.startsWith('23')) this.logger.debug(line);
    else if (typeof code === 'string' && /^(40|22|54)/.test(code)) this.logger.warn(line);
    else this.logger.error(line);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query, ${time} ms: ${shorten(query)}`);
  }

  logSchemaBuild(): void {
    // We never synchronize; nothing to report.
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

function shorten(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
}
