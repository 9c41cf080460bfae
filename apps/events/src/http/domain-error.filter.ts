import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { DomainError } from '@hs/contracts';
import { safeErrorText } from '@hs/persistence';

/**
 * Turns every error on an HTTP route into NestJS's body `{statusCode, message, error}`:
 * domain errors by their code, Nest's HttpExceptions as they are, anything else a logged 500.
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
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    // Redacted: a database error can quote the value that broke it, and that value may be personal.
    this.logger.error(safeErrorText(exception));
    response.status(status).json({ statusCode: status, message: 'Er ging iets mis aan onze kant.', error: STATUS_CODES[status] });
  }
}
