import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { DomainError } from '@hs/contracts';
import { inputErrorStatus, safeErrorMessage, safeErrorText } from '@hs/persistence';

/**
 * Turns every error on an HTTP route into NestJS's body `{statusCode, message, error}`:
 * domain errors by their code, Nest's HttpExceptions as they are, a database error caused by the input
 * as 400 (or 409), anything else a logged 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;

    if (exception instanceof DomainError) {
      const status = exception.httpStatus;
      if (status === 429 && typeof exception.details?.retryAfterSeconds === 'number') {
        response.setHeader('Retry-After', String(exception.details.retryAfterSeconds));
      }
      response.status(status).json({
        statusCode: status,
        message: exception.message,
        error: STATUS_CODES[status],
        code: exception.code,
        // The answers a caller may pick from (the municipalities of a multi-municipality evening).
        ...(Array.isArray(exception.details?.choices) ? { choices: exception.details.choices } : {}),
      });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      response
        .status(status)
        .json(typeof body === 'string' ? { statusCode: status, message: body, error: STATUS_CODES[status] } : body);
      return;
    }
    const refused = inputErrorStatus(exception);
    if (refused) {
      // The database refused a value of the request: the client's error, one line without a stack.
      this.logger.warn(`database refused the input: ${safeErrorMessage(exception)}`);
      const message = refused === 409 ? 'Dit botst met wat al is opgeslagen.' : 'Een waarde in het verzoek is ongeldig.';
      response.status(refused).json({ statusCode: refused, message, error: STATUS_CODES[refused] });
      return;
    }
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    // Redacted: a database error can quote the value that broke it, and that value may be personal.
    this.logger.error(safeErrorText(exception));
    response.status(status).json({ statusCode: status, message: 'Er ging iets mis aan onze kant.', error: STATUS_CODES[status] });
  }
}
