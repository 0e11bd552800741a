import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../shared/sync/status';
import { useClient } from '../../stores/session-store';

/** The desk's sync state, kept current by the backend's `sync` events. */
export function useSyncStatus(): SyncStatus | null {
  const client = useClient();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let alive = true;
    void client.call('sync.status', {}).then((s) => alive && setStatus(s), () => undefined);
    const off = client.onEvent((e) => {
      if (e.type === 'sync' && alive) setStatus(e.status);
    });
    return () => {
      alive = false;
      off();
    };
  }, [client]);
  return status;
}
