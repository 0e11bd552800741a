import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { DeskError, type WireError, type WireResult } from '../../shared/api/errors';
import { zodIssues } from '../../shared/api/zod-issues';
import { mayCall, type HandlerContext } from '../../shared/api/method';
import { api, isMethodName, type Api, type MethodName, type MethodsOfKind } from '../../shared/api/table';
import type { Actor } from '../../shared/auth/roles';
import type { Database } from '../../db/schema';
import { makeStore } from '../../db/stores/store';
import { appendOutbox } from '../../db/stores/outbox-store';
import { findActiveActor } from '../../db/stores/users-store';
import type { SessionTable } from './auth/sessions';
import type { DeskEvents } from './events';

export type SessionMethod = MethodsOfKind<'session'>;
export type TxMethod = Exclude<MethodName, SessionMethod>;

/** Shared handlers see HandlerContext; backend-only ones may also use the transaction itself. */
export interface BackendContext extends HandlerContext {
  tx: Kysely<Database>;
}

export type BackendHandlers = {
  [M in TxMethod]: (ctx: BackendContext, input: z.output<Api[M]['input']>) => Promise<z.input<Api[M]['output']>>;
};

export type SessionHandlers = {
  [M in SessionMethod]: (input: z.output<Api[M]['input']>, token: string | undefined) => Promise<z.input<Api[M]['output']>>;
};

export interface DispatchDeps {
  db: Kysely<Database>;
  clientId: string;
  sessions: SessionTable;
  events: DeskEvents;
  handlers: BackendHandlers;
  sessionHandlers: SessionHandlers;
  clock?: () => Date;
  log?: (msg: string, err: unknown) => void;
}

export type Dispatch = (method: unknown, args: unknown, sessionToken?: string) => Promise<WireResult<unknown>>;

function fail(error: WireError): WireResult<never> {
  return { ok: false, error };
}

/** Unique-key races (two saves of one id) are conflicts, not crashes, on either database. */
function isConstraintConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/**
 * The one entry point for every transport: validate → authenticate → authorize → run the handler
 * in one transaction (plus the outbox entry for a mutation) → emit change events after commit.
 * It never throws: every failure comes back as a WireError.
 */
export function createDispatch(deps: DispatchDeps): Dispatch {
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? ((msg, err) => console.error(msg, err));

  async function resolveActor(token: string | undefined): Promise<Actor | null> {
    const s = deps.sessions.resolve(token);
    if (!s) return null;
    const actor = await findActiveActor(deps.db, s.userId);
    if (!actor) deps.sessions.close(token);
    return actor;
  }

  return async (method, args, sessionToken) => {
    if (!isMethodName(method))
      return fail({ code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 100)}` });
    const spec = api[method];
    const parsed = spec.input.safeParse(args ?? {});
    if (!parsed.success) {
      const fields = zodIssues(parsed.error);
      return fail({ code: 'invalid_input', message: `Invalid input for ${method}: ${fields.map((f) => `${f.path || '(input)'}: ${f.message}`).join('; ')}`, fields });
    }
    try {
      const actor = spec.access === 'public' ? null : await resolveActor(sessionToken);
      if (spec.access !== 'public' && !actor) return fail({ code: 'unauthenticated', message: 'Sign in first' });
      if (!mayCall(spec.access, actor))
        return fail({ code: 'forbidden', message: `Role ${actor?.role ?? 'none'} may not call ${method}` });

      if (spec.kind === 'session') {
        const handler = deps.sessionHandlers[method as SessionMethod] as (i: unknown, t: string | undefined) => Promise<unknown>;
        return { ok: true, value: spec.output.parse(await handler(parsed.data, sessionToken)) };
      }

      const now = clock().toISOString();
      const handler = deps.handlers[method as TxMethod] as (ctx: BackendContext, i: unknown) => Promise<unknown>;
      const value = await deps.db.transaction().execute(async (tx) => {
        const out = spec.output.parse(await handler({ actor: actor!, now, store: makeStore(tx), tx }, parsed.data));
        if (spec.kind === 'mutation')
          await appendOutbox(tx, { clientId: deps.clientId, name: method, args: parsed.data, actorId: actor!.userId, actedAt: now });
        return out;
      });
      if (spec.kind === 'mutation') deps.events.emit({ type: 'changed', method, tables: spec.touches ?? [] });
      return { ok: true, value };
    } catch (err) {
      if (err instanceof DeskError) return fail(err.wire);
      if (isConstraintConflict(err)) return fail({ code: 'conflict', message: 'This record already exists' });
      log(`dispatch ${method} failed`, err);
      return fail({ code: 'internal', message: 'Internal error; nothing was saved' });
    }
  };
}
