import { useEffect, useState } from 'react';
import { useSession } from '../../stores/session-store';
import { followSyncStatus } from '../sync/status-feed';
import { connectionOf, type ServerConnection } from './connection';

export type { ServerConnection };

/** The page asks the desk this often while it is open (a local call; the desk itself probes the server). */
export const LOGIN_RECHECK_MS = 5_000;

/** The central server's reachability while the sign-in page is open: `sync` events, and a re-ask every 5 s. */
export function useServerConnection(): ServerConnection {
  const client = useSession((s) => s.client);
  const [connection, setConnection] = useState<ServerConnection>('checking');
  useEffect(() => {
    if (!client) return;
    return followSyncStatus(client, (s) => setConnection((prev) => connectionOf(s.state, prev)), { recheckMs: LOGIN_RECHECK_MS, recheck: () => true });
  }, [client]);
  return connection;
}
