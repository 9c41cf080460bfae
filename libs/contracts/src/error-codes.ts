/**
 * Every domain error has a code; the edge of each transport maps the code to an HTTP status
 * (here) or to a socket ack error code (VOTE_ERROR_CODES). Domain code never chooses a status.
 */
export const DOMAIN_ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  CONSENT_REQUIRED: 400,
  INVALID_DILEMMA: 400,
  INVALID_MANUAL_COUNT: 400,
  INVALID_SCOPE: 400,
  INVALID_CREDENTIALS: 401,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  CARD_REQUIRED: 403,
  NOT_FOUND: 404,
  EVENING_NOT_FOUND: 404,
  DILEMMA_NOT_FOUND: 404,
  JOIN_CODE_UNKNOWN: 404,
  REPORT_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  INVALID_TRANSITION: 409,
  EVENING_FULL: 409,
  EVENING_NOT_OPEN_FOR_REGISTRATION: 409,
  EVENING_NOT_LIVE: 409,
  EVENING_ENDED: 409,
  ANOTHER_DILEMMA_OPEN: 409,
  DILEMMA_NOT_OPEN: 409,
  DILEMMA_LOCKED: 409,
  CARD_USED: 409,
  REPORT_NOT_READY: 409,
  JOIN_CODE_EXHAUSTED: 409,
  RATE_LIMITED: 429,
  UNKNOWN_THEME: 400,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

/** Acknowledgement error codes of the `vote` socket event (CONTRACT.md, Live). */
export const VOTE_ERROR_CODES = [
  'BAD_PAYLOAD',
  'NOT_OPEN',
  'UNKNOWN_OPTION',
  'WRONG_EVENING',
  'RATE_LIMITED',
  'UNAUTHORIZED',
] as const;
export type VoteErrorCode = (typeof VOTE_ERROR_CODES)[number];
