import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { DeskError, type WireError, type WireResult } from '../shared/api/errors';
import { mayCall, type HandlerContext } from '../shared/api/method';
import { api, isMethodName, type Api, type MethodName, type MethodsOfKind } from '../shared/api/table';
import { zodIssues } from '../shared/api/zod-issues';
import { projectionOf, type Projection } from './answer-shape';
import { syncScopeOf } from '../shared/sync/scope';
import type { Actor } from '../shared/auth/roles';
import type { Database } from './schema';
import { makeStore } from './stores/store';
import type { SyncedTable } from './sync/synced-tables';
import type { Writer } from './sync/writer';
import { isDatabaseUnavailable } from './unavailable';
import { loggableError } from './sync/logged-error';

export type SessionMethod = MethodsOfKind<'session'>;
export type OnlineMethod = MethodsOfKind<'online'>;
/** Desk-only machinery (sync control, desk settings): the server neither serves nor advertises them. */
export type LocalMethod = MethodsOfKind<'local'>;
export type TxMethod = MethodsOfKind<'query' | 'mutation'>;

/** Shared handlers see HandlerContext; host-specific ones may also use the transaction itself. */
export interface BackendContext extends HandlerContext {
  tx: Kysely<Database>;
}

export type BackendHandlers = {
  [M in TxMethod]: (ctx: BackendContext, input: z.output<Api[M]['input']>) => Promise<z.input<Api[M]['output']>>;
};

export type LocalHandlers = {
  [M in LocalMethod]: (ctx: BackendContext, input: z.output<Api[M]['input']>) => Promise<z.input<Api[M]['output']>>;
};

export type SessionHandlers = {
  [M in SessionMethod]: (input: z.output<Api[M]['input']>, token: string | undefined) => Promise<z.input<Api[M]['output']>>;
};

/** Server-only work: the host opens its own transaction (or forwards the call) and reports what it wrote. */
export type OnlineHandlers = {
  [M in OnlineMethod]: (ctx: BackendContext, input: z.output<Api[M]['input']>, token: string | undefined) => Promise<z.input<Api[M]['output']>>;
};

export interface MutationInfo {
  method: MethodName;
  input: unknown;
  actor: Actor;
}

/** What a commit wrote: tables (for screens) and keys per table (for pokes). */
export interface Written {
  tables: readonly SyncedTable[];
  rows: ReadonlyMap<SyncedTable, ReadonlySet<string>>;
  version: number;
}

export function writtenBy(w: Writer): Written {
  return { tables: [...w.written.keys()], rows: w.written, version: w.version };
}

/** What a host (desk or server) does around a mutation, inside its transaction. */
export interface MutationHooks {
  /** Before the handler: the act time handlers see, and the writer stores use (version, undo capture). */
  begin(tx: Kysely<Database>, m: MutationInfo): Promise<{ now: string; writer: Writer; finish(): Promise<void> }>;
  /** After commit: tell screens or desks what was written. */
  committed(m: MutationInfo & Written & { result: unknown }): void;
}

export interface DispatchDeps {
  db: Kysely<Database>;
  handlers: BackendHandlers;
  sessionHandlers: SessionHandlers;
  onlineHandlers: OnlineHandlers;
  /** Desk-only methods; absent on the server, where they are unknown. */
  localHandlers?: LocalHandlers;
  /** A desk asks the server for `serverFirst` queries when it can; null: not reachable now, answer locally. */
  askServer?(method: MethodName, input: unknown, actor: Actor): Promise<WireResult<unknown> | null>;
  /**
   * The session's actor, or null. `method` is the call being made: a host may refuse it for this session
   * by throwing a DeskError (a password that must be changed first allows only that change).
   */
  resolveActor(token: string | undefined, method: MethodName): Promise<Actor | null>;
  mutations: MutationHooks;
  clock?: () => Date;
  /** True while the host is a partial replica of the server (a desk with a server): handlers get the actor's scope. */
  partialReplica?: () => boolean;
  log?: (msg: string, err: unknown) => void;
  /**
   * What happens to a handler's answer (docs/DECISIONS.md, "Output validation"). `parse` (default; the server,
   * whose answers leave for integrators): the output schema's parse is the answer. `check` (desk in development
   * and tests): parsed too, and the parse must equal the answer with undeclared keys dropped (nothing trimmed or
   * filled in), else the call fails loudly. `trust` (an installed desk): undeclared keys dropped, values unchecked.
   */
  outputs?: OutputMode;
}

export type OutputMode = 'parse' | 'check' | 'trust';

export type Dispatch = (method: unknown, args: unknown, sessionToken?: string) => Promise<WireResult<unknown>>;

/** Equal as the transports carry it (JSON): key order and keys holding `undefined` do not count. */
export function sameAnswer(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameAnswer(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameAnswer((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const projections = new Map<MethodName, Projection | null>();
function projection(method: MethodName): Projection | null {
  if (!projections.has(method)) projections.set(method, projectionOf(api[method].output));
  return projections.get(method)!;
}

/**
 * The answer of `method` as `mode` wants it; see DispatchDeps.outputs. `trust` keeps what the output schema
 * declares (its parse strips undeclared keys, and handlers rely on that) without checking values; `check`
 * parses and asserts that this projection gives exactly the parse's answer.
 */
export function answerOf(method: MethodName, value: unknown, mode: OutputMode): unknown {
  const p = mode === 'parse' ? null : projection(method);
  if (mode === 'trust' && p) return p(value);
  const parsed = api[method].output.parse(value);
  if (mode === 'check' && p && !sameAnswer(parsed, p(value))) throw new Error(`${method}: the handler's answer differs from its output schema's parse beyond dropped keys (text it trims, a default it fills)`);
  return parsed;
}

function fail(error: WireError): { ok: false; error: WireError } {
  return { ok: false, error };
}

/** Unique-key races (two saves of one id) are conflicts, not crashes, on either database. */
export function isConstraintConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** Validates a method call's name and input; `local` methods exist only where the host serves them. */
export function checkCall(method: unknown, args: unknown, servesLocal = false): { ok: false; error: WireError } | { ok: true; method: MethodName; input: unknown } {
  if (!isMethodName(method) || (!servesLocal && api[method].kind === 'local')) return fail({ code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 100)}` });
  const parsed = api[method].input.safeParse(args ?? {});
  if (!parsed.success) {
    const fields = zodIssues(parsed.error);
    return fail({ code: 'invalid_input', message: `Invalid input for ${method}: ${fields.map((f) => `${f.path || '(input)'}: ${f.message}`).join('; ')}`, fields });
  }
  return { ok: true, method, input: parsed.data };
}

/**
 * The one entry point behind every transport: validate → authenticate → authorize → run the handler in
 * one transaction (plus the host's mutation bookkeeping) → notify after commit. Never throws.
 */
export function createDispatch(deps: DispatchDeps): Dispatch {
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? ((msg, err) => console.error(msg, err));
  const outputs = deps.outputs ?? 'parse';

  return async (rawMethod, args, sessionToken) => {
    const checked = checkCall(rawMethod, args, deps.localHandlers !== undefined);
    if (!checked.ok) return checked;
    const { method, input } = checked;
    const spec = api[method];
    try {
      const actor = spec.access === 'public' ? null : await deps.resolveActor(sessionToken, method);
      if (spec.access !== 'public' && !actor) return fail({ code: 'unauthenticated', message: 'Sign in first' });
      if (!mayCall(spec.access, actor)) return fail({ code: 'forbidden', message: `Role ${actor?.role ?? 'none'} may not call ${method}` });

      if (spec.kind === 'session') {
        const handler = deps.sessionHandlers[method as SessionMethod] as (i: unknown, t: string | undefined) => Promise<unknown>;
        return { ok: true, value: answerOf(method, await handler(input, sessionToken), outputs) };
      }

      if (spec.kind === 'online') {
        const handler = deps.onlineHandlers[method as OnlineMethod] as (ctx: BackendContext, i: unknown, t: string | undefined) => Promise<unknown>;
        // The host notifies on its own: it knows what it wrote (server) or what it synced (desk).
        return { ok: true, value: answerOf(method, await handler({ actor: actor!, now: clock().toISOString(), store: makeStore(deps.db), tx: deps.db }, input, sessionToken), outputs) };
      }

      const info: MutationInfo = { method, input, actor: actor! };
      const scope = actor && deps.partialReplica?.() ? syncScopeOf(actor) : undefined;
      // Local actions (desk settings, sync control) run outside a transaction: they may wait on I/O.
      if (spec.kind === 'local') {
        const handler = deps.localHandlers![method as LocalMethod] as (ctx: BackendContext, i: unknown) => Promise<unknown>;
        return { ok: true, value: answerOf(method, await handler({ actor: actor!, now: clock().toISOString(), store: makeStore(deps.db), tx: deps.db }, input), outputs) };
      }
      if (spec.kind === 'query' && spec.serverFirst && deps.askServer) {
        const remote = await deps.askServer(method, input, actor!);
        if (remote) return remote.ok ? { ok: true, value: spec.output.parse(remote.value) } : remote; // the server's answer: always parsed
      }
      const handler = deps.handlers[method as TxMethod] as (ctx: BackendContext, i: unknown) => Promise<unknown>;
      let written: Written | null = null;
      const value = await deps.db.transaction().execute(async (tx) => {
        if (spec.kind === 'query') {
          const now = clock().toISOString();
          return answerOf(method, await handler({ actor: actor!, now, store: makeStore(tx), tx, scope }, input), outputs);
        }
        const { now, writer, finish } = await deps.mutations.begin(tx, info);
        // kind is 'mutation' here: optimistic write + bookkeeping in one transaction.
        const out = answerOf(method, await handler({ actor: actor!, now, store: makeStore(tx, writer), tx, scope }, input), outputs);
        await finish();
        written = writtenBy(writer);
        return out;
      });
      if (written) deps.mutations.committed({ ...info, ...(written as Written), result: value });
      return { ok: true, value };
    } catch (err) {
      if (err instanceof DeskError) return fail(err.wire);
      if (isConstraintConflict(err)) return fail({ code: 'conflict', message: 'This record already exists' });
      if (isDatabaseUnavailable(err)) {
        log(`dispatch ${method}: database unavailable`, loggableError(err));
        return fail({ code: 'unavailable', message: 'The database is unavailable right now; nothing was saved, try again' });
      }
      // Never the error object itself: a database error carries the query's parameters and the failing row.
      log(`dispatch ${method} failed`, loggableError(err));
      return fail({ code: 'internal', message: 'Internal error; nothing was saved' });
    }
  };
}
