import type { NextFunction, Request, Response } from 'express';
import { findHostileInput, hostileInputMessage, urlHasNul } from '@hs/domain';

/**
 * Refuses hostile input (too deep, NUL, prototype keys; see findHostileInput) in the path, the query
 * and the parsed body with 400 BAD_PAYLOAD, before a DTO is built from it: validation would recurse
 * through it, and the database would refuse the NUL with an error that is not the client's to see.
 * Runs after the body parsers and before any route.
 */
export function hostileInputMiddleware() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const problem = urlHasNul(req.originalUrl) ? 'nul' : (findHostileInput(req.query) ?? findHostileInput(req.body));
    if (!problem) return next();
    res.status(400).json({ statusCode: 400, message: hostileInputMessage(problem), error: 'Bad Request', code: 'BAD_PAYLOAD' });
  };
}
