import type { z } from 'zod';
import type { Actor, Role } from '../auth/roles';
import type { Store } from '../store/store';
import type { SyncScope } from '../sync/scope';

/**
 * query: reads, no outbox. mutation: writes in one transaction plus one outbox entry, synced later.
 * local: this desk's own state or machinery (sync status and control, desk info): no transaction around it,
 *   never synced, and desk-only: the server neither serves nor advertises it.
 * session: identity work (login/logout), handled before any actor exists.
 * online: runs on the central server only, never queued (it carries a password); a desk forwards it
 *   when it can reach the server and then syncs; a standalone desk is its own server.
 */
export type MethodKind = 'query' | 'mutation' | 'local' | 'session' | 'online';

/** `public`: no session needed; `authenticated`: any signed-in role; otherwise the roles listed. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, K extends MethodKind = MethodKind> {
  kind: K;
  input: I;
  output: O;
  access: Access;
  /**
   * A read-only check a desk asks the central server first when it can reach it (answered from the
   * server's whole store), and answers from its own partial replica only offline: a request the server
   * would refuse is never shown as fine just because this desk cannot see the other team.
   */
  serverFirst?: boolean;
  /** Recorded in the hash-chained audit log when it applies (approvals, policy and account changes …). */
  audit?: true;
}

export function defineMethod<K extends MethodKind, I extends z.ZodType, O extends z.ZodType>(
  spec: MethodSpec<I, O, K>,
): MethodSpec<I, O, K> {
  return spec;
}

export function mayCall(access: Access, actor: Actor | null): boolean {
  if (access === 'public') return true;
  if (!actor) return false;
  return access === 'authenticated' || access.includes(actor.role);
}

/** What a shared handler sees: who acts, when (ISO instant), and the domain store inside the transaction. */
export interface HandlerContext {
  actor: Actor;
  now: string;
  store: Store;
  /**
   * What this store holds when it is a partial replica (a synced desk): the actor's sync scope.
   * Absent where the store is complete (the server, a standalone desk). Rules that need rows outside
   * it answer "unknown" and leave the judgement to the server.
   */
  scope?: SyncScope;
  /**
   * Set when the act reached the server long after it was done on a desk that was offline: the act time as
   * the desk said it. Requests keep it so approvers see "done offline at …" (docs/DECISIONS.md).
   */
  actedOfflineAt?: string;
}

export type Handler<S extends MethodSpec> = (
  ctx: HandlerContext,
  input: z.output<S['input']>,
) => Promise<z.input<S['output']>>;
