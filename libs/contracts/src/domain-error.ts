import { DOMAIN_ERROR_STATUS, type DomainErrorCode } from './error-codes';

/**
 * An expected failure of a domain rule. Each transport maps `code` at its edge: HTTP through
 * DOMAIN_ERROR_STATUS, sockets to an error ack. The message is safe to show to the caller.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get httpStatus(): number {
    return DOMAIN_ERROR_STATUS[this.code];
  }
}
