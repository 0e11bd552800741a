/**
 * The one error shape every transport carries. Codes are machine-readable; `message` is English for
 * integrators and logs; UIs translate by code, field issue code or rule ID.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rule_violation',
  'bad_request',
  'rate_limited',
  /** Needs the central server, which this desk cannot reach now. */
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path into the input, e.g. `customerPhone`; empty for the whole input. */
  path: string;
  /** zod issue code, or an `err.*` message key for our own checks. */
  code: string;
  message: string;
}

export interface WireError {
  code: ErrorCode;
  message: string;
  fields?: FieldIssue[];
  ruleIds?: string[];
  /** The first failed rule's numbers (integrators); `checks` has every failed rule with its own. */
  params?: Record<string, string | number>;
  checks?: { ruleId: string; params: Record<string, string | number> }[];
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** Thrown by handlers and mutators; dispatch turns it into a WireError and rolls the transaction back. */
export class DeskError extends Error {
  readonly wire: WireError;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = 'DeskError';
    this.wire = wire;
  }
}

export function fieldError(path: string, code: string, message: string): DeskError {
  return new DeskError({ code: 'invalid_input', message, fields: [{ path, code, message }] });
}
