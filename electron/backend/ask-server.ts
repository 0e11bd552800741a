import type { WireResult } from '../../shared/api/errors';
import type { MethodName } from '../../shared/api/table';
import type { Actor } from '../../shared/auth/roles';
import type { SyncEngine } from './sync/sync-engine';
import { ServerRefused, type ServerLink } from './sync/server-link';

/**
 * Answers a `serverFirst` check from the central server with the person's own token, when the desk can
 * reach it: the server holds the other team's roster, everyone's swaps and leave. Null when it cannot
 * (offline, no token yet): the desk then judges from what it holds and marks the rest "checked by the server".
 */
export function askServer(deps: { link: ServerLink | null; sync: SyncEngine }) {
  return async (method: MethodName, input: unknown, actor: Actor): Promise<WireResult<unknown> | null> => {
    const link = deps.link;
    if (!link) return null;
    const token = await deps.sync.tokenFor(actor.userId);
    if (!token) return null;
    try {
      return { ok: true, value: await link.call(token, method, input as never) };
    } catch (err) {
      // The server answered and refused (bad input, a role it no longer has): that is the answer.
      if (err instanceof ServerRefused && err.status !== 401) return { ok: false, error: err.wire };
      return null;
    }
  };
}
