import { QueryFailedError } from 'typeorm';

/** True when `error` is PostgreSQL's unique violation (23505) of the named index or constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}

/** Errors that a single row causes on its own and that a retry will not cure. */
export function rowRejection(error: unknown): 'unknown-participant' | 'invalid' | null {
  if (!(error instanceof QueryFailedError)) return null;
  const code = (error.driverError as { code?: string } | undefined)?.code ?? '';
  if (code === '23503') return 'unknown-participant';
  if (code.startsWith('23') || code.startsWith('22')) return 'invalid';
  return null;
}

/** Deadlocks and serialization failures: the batch is simply tried again. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === '40P01' || code === '40001';
}
