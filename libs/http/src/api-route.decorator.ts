import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ApiResponse, DECORATORS } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import type { DomainErrorCode } from '@hs/contracts';
import { IS_PUBLIC } from './route-metadata';
import { ErrorBodyDto } from './error-body.dto';

/** The error answers a route can document; each is answered with ErrorBodyDto. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429;

export interface ApiRouteOptions {
  /** One line, English, what the route does (the OpenAPI summary: every route has one, `npm run check` lints it). */
  summary: string;
  description?: string;
  /**
   * The error answers besides those added for you: 401 and 403 on a staff route, 400 and 413 on a route
   * with a @Body(). A status alone gets a general description; `[404, 'Unknown evening.']` says what it means here.
   */
  errors?: (ErrorStatus | [ErrorStatus, string])[];
  /** A @Public() route that checks a token of its own (metrics): documented with the bearer token after all. */
  ownToken?: true;
}

const GENERAL: Record<ErrorStatus, { description: string; message: string | string[]; code?: DomainErrorCode }> = {
  400: {
    description:
      'The request is not valid: a field is missing, of the wrong type or unknown; the body is not JSON; or hostile input (BAD_PAYLOAD).',
    message: ['title must be a string'],
  },
  401: { description: 'No staff token, or a bad or expired one.', message: 'Inloggen vereist (geen of ongeldig token).' },
  403: {
    description: 'The staff role may not do this, or the record is outside its municipalities (OUT_OF_SCOPE).',
    message: 'Uw rol mag dit niet.',
  },
  404: { description: 'Unknown id (also an id that is not a UUID).', message: 'Niet gevonden.', code: 'NOT_FOUND' },
  409: {
    description: 'The current state does not allow it (the code says which rule).',
    message: 'Dit kan niet in deze toestand.',
    code: 'INVALID_TRANSITION',
  },
  413: { description: 'The body is larger than BODY_LIMIT_BYTES.', message: 'Het verzoek is te groot (hoogstens 102400 bytes).' },
  429: {
    description: 'Too many requests from this address; the Retry-After header says when to retry.',
    message: 'Te veel pogingen, probeer het later.',
    code: 'RATE_LIMITED',
  },
};

const HOSTILE_INPUT = 'Hostile input in the path or query (a NUL, a prototype key, nesting too deep): BAD_PAYLOAD.';

/** The statuses ApiRoute added because the route needs a staff token: @Public() takes them away again. */
const STAFF_ADDED = 'hs:api-route-staff-added';
/** ApiRoute({ ownToken }): @Public() leaves its security alone. */
const OWN_TOKEN = 'hs:api-route-own-token';

/** One error answer with the error body's schema and an example; for decorators that document their own (@RateLimit). */
export function ApiErrorResponse(
  status: ErrorStatus,
  description = GENERAL[status].description,
): MethodDecorator & ClassDecorator {
  const { message, code } = GENERAL[status];
  return ApiResponse({
    status,
    description,
    type: ErrorBodyDto,
    example: { statusCode: status, message, error: STATUS_CODES[status], ...(code ? { code } : {}) },
  });
}

function mergeOperation(handler: object, fields: Record<string, unknown>): void {
  const previous: Record<string, unknown> | undefined = Reflect.getMetadata(DECORATORS.API_OPERATION, handler);
  Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...previous, ...fields }, handler);
}

function takesBody(target: object, key: string | symbol): boolean {
  const args: Record<string, unknown> = Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key) ?? {};
  return Object.keys(args).some((arg) => arg.startsWith(`${RouteParamtypes.BODY}:`));
}

/**
 * Documents one route in the OpenAPI document: its summary, its security and every error it can answer,
 * each with the error body's schema and an example. Put it on every route of a controller; its success
 * answer stays with @ApiOkResponse/@ApiCreatedResponse. A route is a staff route (bearer token, 401, 403)
 * unless it is @Public() (security: none), in whichever order the two decorators stand.
 *
 *   @Post('evenings/:id/publish')
 *   @Roles('facilitator')
 *   @ApiRoute({ summary: 'Publish an evening: open it for registration.', errors: [404, [409, 'Not draft.']] })
 *   @ApiOkResponse({ type: EveningDto })
 */
export function ApiRoute(options: ApiRouteOptions): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    mergeOperation(handler, { summary: options.summary, ...(options.description ? { description: options.description } : {}) });
    // Every route refuses hostile input in its path or query (hostile-input.middleware.ts); one with a body
    // also refuses an invalid body and one over BODY_LIMIT_BYTES.
    const errors = new Map<ErrorStatus, string | undefined>();
    if (takesBody(target, key)) {
      errors.set(400, undefined);
      errors.set(413, undefined);
    } else errors.set(400, HOSTILE_INPUT);
    for (const error of options.errors ?? []) {
      const [status, description] = Array.isArray(error) ? error : [error, undefined];
      errors.set(status, description);
    }
    for (const [status, description] of errors) ApiErrorResponse(status, description)(target, key, descriptor);

    if (options.ownToken) {
      mergeOperation(handler, { security: [{ bearer: [] }] });
      Reflect.defineMetadata(OWN_TOKEN, true, handler);
      return;
    }
    if (Reflect.getMetadata(IS_PUBLIC, handler) === true) {
      mergeOperation(handler, { security: [] });
      return;
    }
    mergeOperation(handler, { security: [{ bearer: [] }] });
    const added = ([401, 403] as const).filter((status) => !errors.has(status));
    const responses: Record<string, unknown> = Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {};
    // A more particular 403 (from @Scoped) stays.
    for (const status of added) if (!responses[status]) ApiErrorResponse(status)(target, key, descriptor);
    Reflect.defineMetadata(STAFF_ADDED, added, handler);
  };
}

/**
 * The OpenAPI half of @Public(): security none, and no 401/403 that ApiRoute added for a staff route.
 * On a class, it applies to each of its routes (method decorators run before class decorators).
 */
export function documentPublic(): MethodDecorator & ClassDecorator {
  const onHandler = (handler: object) => {
    if (Reflect.getMetadata(OWN_TOKEN, handler) === true) return;
    mergeOperation(handler, { security: [] });
    const added: number[] = Reflect.getMetadata(STAFF_ADDED, handler) ?? [];
    if (added.length === 0) return;
    const responses: Record<string, unknown> = { ...Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) };
    for (const status of added) delete responses[status];
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, responses, handler);
    Reflect.defineMetadata(STAFF_ADDED, [], handler);
  };
  return ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      onHandler(descriptor.value as object);
      return descriptor;
    }
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const member = Object.getOwnPropertyDescriptor(prototype, name)?.value;
      if (name !== 'constructor' && typeof member === 'function' && Reflect.hasMetadata(PATH_METADATA, member)) onHandler(member);
    }
    return target;
  }) as MethodDecorator & ClassDecorator;
}
