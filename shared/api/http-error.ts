import type { ErrorCode, WireError } from './errors';

/** What an HTTP framework throws (Fastify's FST_ERR_* errors, a JSON SyntaxError with a statusCode, or anything). */
export interface FrameworkError {
  statusCode?: number;
  code?: string;
  message: string;
}

/** 4xx statuses that have a code of their own; every other 4xx is the client's malformed request. */
const CLIENT_CODES: Partial<Record<number, ErrorCode>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
};

const MAX_MESSAGE = 300;

/**
 * One mapping for the central server and the desk bridge: a thrown framework error becomes the wire
 * envelope's error. Anything that is not a 4xx is ours, so it is a 500 with a generic message
 * (details go to the log, not to the client).
 */
export function httpError(err: FrameworkError): { status: number; error: WireError } {
  const s = err.statusCode;
  if (typeof s !== 'number' || !Number.isInteger(s) || s < 400 || s >= 500) {
    return { status: 500, error: { code: 'internal', message: 'Internal error' } };
  }
  return { status: s, error: { code: CLIENT_CODES[s] ?? 'bad_request', message: String(err.message).slice(0, MAX_MESSAGE) } };
}

/** No route for this method and path: `not_found`, distinct from an RPC method the table lacks (`unknown_method`). */
export function routeNotFound(method: string, url: string): { status: 404; error: WireError } {
  return { status: 404, error: { code: 'not_found', message: `No route ${method} ${url.slice(0, 200)}` } };
}
