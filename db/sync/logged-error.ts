import { createHash } from 'node:crypto';
import type { WireError } from '../../shared/api/errors';
import { cleanedText } from '../../shared/api/fields';

/** A refusal as stored beside a mutation (server log or desk inbox), back in wire form. */
export function storedError(r: { code: string | null; message: string | null; rule_ids: string | null; params: string | null; checks?: string | null }): WireError {
  return {
    code: (r.code ?? 'rule_violation') as WireError['code'],
    message: r.message ?? '',
    ruleIds: JSON.parse(r.rule_ids ?? '[]') as string[],
    params: JSON.parse(r.params ?? '{}') as Record<string, string | number>,
    ...(r.checks ? { checks: JSON.parse(r.checks) as NonNullable<WireError['checks']> } : {}),
  };
}

/** The longest refusal message stored (one naming every bad cell of a 5 000-row import would be megabytes). */
export const MAX_STORED_MESSAGE = 2000;

/**
 * The columns a refusal is stored in (server log, desk inbox). The message may quote what the client sent (an
 * unknown method's name, a field path): it is stored capped and without characters the database refuses.
 */
export function errorColumns(e: WireError | null): { code: string | null; rule_ids: string | null; params: string | null; message: string | null; checks: string | null } {
  return {
    code: e?.code ?? null,
    rule_ids: e ? JSON.stringify(e.ruleIds ?? []) : null,
    params: e ? JSON.stringify(e.params ?? {}) : null,
    message: e ? cleanedText(e.message.slice(0, MAX_STORED_MESSAGE)) : null,
    checks: e?.checks ? JSON.stringify(e.checks) : null,
  };
}

/** How much of a refused mutation's arguments (their JSON) the server's log and a desk's inbox keep. */
export const MAX_STORED_ARGS_BYTES = 16 * 1024;
/** What a truncated record keeps of the JSON's start, for a person reading the refusal. */
const HEAD_CHARS = 1024;
/** Nesting below this is not walked when comparing arguments (no schema of the table nests nearly this deep). */
const MAX_CANONICAL_DEPTH = 256;

/** Arguments too large to keep: their size, a digest to recognise a replay by, and the start of their JSON. */
export interface TruncatedArgs {
  $truncated: true;
  /** Size of the JSON (UTF-8 bytes), or null when it could not be written out at all (nested too deep). */
  bytes: number | null;
  /** SHA-256 of the canonical JSON (argsDigest). */
  sha256: string;
  head: string;
}

export function isTruncatedArgs(v: unknown): v is TruncatedArgs {
  return typeof v === 'object' && v !== null && (v as { $truncated?: unknown }).$truncated === true && typeof (v as { sha256?: unknown }).sha256 === 'string';
}

/**
 * JSON with object keys sorted at every level, so two encodings of the same arguments compare equal.
 * Written without building objects (a `__proto__` key stays a key) and bounded in depth.
 */
export function canonicalJson(v: unknown, depth = 0): string {
  if (depth > MAX_CANONICAL_DEPTH) return '"<nested too deep>"';
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x, depth + 1)).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k], depth + 1)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** SHA-256 (hex) of the arguments' canonical JSON. */
export function argsDigest(args: unknown): string {
  return createHash('sha256').update(canonicalJson(args ?? null)).digest('hex');
}

/**
 * The arguments as a refusal stores them (server log, desk inbox): their JSON when it is at most
 * MAX_STORED_ARGS_BYTES, else a TruncatedArgs marker, so a refused multi-megabyte push is not kept forever.
 */
export function storedArgs(args: unknown): string {
  let json: string | null;
  try {
    json = JSON.stringify(args ?? null) ?? 'null';
  } catch {
    json = null; // nested deeper than JSON.stringify can follow
  }
  if (json !== null && Buffer.byteLength(json, 'utf8') <= MAX_STORED_ARGS_BYTES) return json;
  // JSON.stringify escapes lone surrogates; the cut must not leave half of a pair either.
  const head = (json ?? '').slice(0, HEAD_CHARS).replace(/[\uD800-\uDBFF]$/, '');
  const marker: TruncatedArgs = { $truncated: true, bytes: json === null ? null : Buffer.byteLength(json, 'utf8'), sha256: argsDigest(args), head };
  return JSON.stringify(marker);
}

/** Whether arguments stored for a mutation (storedArgs or plain JSON) are the same as a replay's. */
export function sameArgs(stored: string, replay: unknown): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return false;
  }
  if (isTruncatedArgs(parsed)) return parsed.sha256 === argsDigest(replay);
  return canonicalJson(parsed) === canonicalJson(replay ?? null);
}

/** Quoted text (values, and identifiers with them), long digit runs (phone numbers, ids) and control characters. */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g;

/**
 * What a log line may say about a failure, database errors above all: the error's class and code, its
 * message with every quoted value and long number blanked, and where in our code it happened. Never its
 * parameters, query, failing row (`detail`) or anything else a pg, PGlite, better-sqlite3 or Kysely error
 * carries: those hold customers' phone numbers and names, and password hashes.
 */
export function loggableError(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown; stack?: unknown };
  const name = err instanceof Error ? err.name : typeof err;
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? ` [${String(e.code).slice(0, 40)}]` : '';
  // A failed output check (a bug of ours): the paths and issue codes say where; its message would be blanked whole.
  const issues = (e as { issues?: unknown }).issues;
  const zodPaths = name === 'ZodError' && Array.isArray(issues) ? issues.slice(0, 10).map((i: { path?: unknown[]; code?: unknown }) => `${(i.path ?? []).map(String).join('.')}: ${String(i.code)}`).join('; ') : null;
  const raw = zodPaths ?? (typeof e.message === 'string' ? e.message : typeof err === 'string' ? err : '');
  const message = raw
    .slice(0, 1000)
    .replace(QUOTED, '"…"')
    .replace(/\d{5,}/g, '…')
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ')
    .slice(0, 300);
  // Stack frames name our files and lines only; the stack's first line repeats the message, so it is dropped.
  const frames = typeof e.stack === 'string' ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 6).map((l) => l.trim().slice(0, 200)) : [];
  return `${name}${code}: ${message}${frames.length ? `\n  ${frames.join('\n  ')}` : ''}`;
}

/**
 * The same failure without its payload, to rethrow where a framework logs what it catches: class, code
 * (so "database unavailable" still reads as such) and the blanked message of loggableError.
 */
export function scrubbedError(err: unknown): Error {
  const code = (err as { code?: unknown } | null)?.code;
  const line = loggableError(err).split('\n')[0]!;
  const out = new Error(line.slice(line.indexOf(': ') + 2));
  if (typeof code === 'string' || typeof code === 'number') Object.assign(out, { code: String(code) });
  return out;
}

/** Stored arguments as a reader gets them: rows kept whole before the cap (#15) are capped on the way out. */
export function readStoredArgs(stored: string): unknown {
  try {
    const value = JSON.parse(stored) as unknown;
    return Buffer.byteLength(stored, 'utf8') > MAX_STORED_ARGS_BYTES && !isTruncatedArgs(value) ? (JSON.parse(storedArgs(value)) as unknown) : value;
  } catch {
    return null;
  }
}
