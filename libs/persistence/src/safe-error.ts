/**
 * PostgreSQL quotes the offending value in some messages (`invalid input syntax for type uuid: "…"`),
 * and that value may be an e-mail address or a name. Log database errors through this: it keeps the
 * SQLSTATE, the constraint, table and column names and the stack, and blanks every other quoted text.
 */
interface DatabaseErrorFields {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  driverError?: unknown;
}

function databaseFields(error: unknown): DatabaseErrorFields | null {
  if (!(error instanceof Error)) return null;
  const fields = error as Error & DatabaseErrorFields;
  if (error.name === 'QueryFailedError') return { ...((fields.driverError as DatabaseErrorFields) ?? {}), ...fields };
  return typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code) ? fields : null;
}

/** The message with quoted values blanked, except the names of the constraint, table and column. */
export function redactDatabaseMessage(message: string, fields: DatabaseErrorFields = {}): string {
  const names = new Set([fields.constraint, fields.table, fields.column].filter((v): v is string => typeof v === 'string'));
  return message.replace(/"([^"]*)"/g, (quoted, inner: string) => (names.has(inner) ? quoted : '"…"'));
}

/** One line about any error for a log message: its message, with a database error's quoted values blanked. */
export function safeErrorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const fields = databaseFields(error);
  return fields ? redactDatabaseMessage(error.message, fields) : error.message;
}

/** Text for a log line about any error: database errors redacted, others as their stack. */
export function safeErrorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const fields = databaseFields(error);
  if (!fields) return error.stack ?? error.message;
  const header = `${error.name} ${typeof fields.code === 'string' ? `[${fields.code}] ` : ''}${redactDatabaseMessage(error.message, fields)}`;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [header, ...frames].join('\n');
}

/**
 * The HTTP status for a database error that the input caused, or null for one that is ours (a 500).
 * Class 22 (data exception: a NUL 22021, bad text for a type 22P02, a number or date out of range) and a
 * check constraint (23514) mean the request carried a value the schema refuses; class 54 (program limit:
 * an index row or a statement too large) means it was too big. A unique violation (23505) that no
 * repository turned into a domain error is still a conflict with what is stored, not a crash.
 * Validation refuses such input at the door; this is the net under it, so that it is never a 500.
 */
export function inputErrorStatus(error: unknown): 400 | 409 | null {
  const code = databaseFields(error)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('22') || code.startsWith('54') || code === '23514') return 400;
  if (code === '23505') return 409;
  return null;
}
