import type { ErrorCode } from './errors';

/** The HTTP status each error code travels with, on the desk bridge and the central server alike. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  bad_request: 400,
  unknown_method: 404,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
