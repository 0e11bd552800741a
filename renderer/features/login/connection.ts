import type { SyncStatus } from '../../../shared/sync/status';

/** What the sign-in page says about the central server. */
export type ServerConnection = 'checking' | 'online' | 'offline' | 'standalone';

/**
 * The sync state read as reachability: online and signedOut both mean the server answered; "syncing"
 * says nothing new, so the previous answer stands.
 */
export function connectionOf(state: SyncStatus['state'], previous: ServerConnection): ServerConnection {
  if (state === 'online' || state === 'signedOut') return 'online';
  if (state === 'offline' || state === 'standalone') return state;
  return previous;
}
