import { useEffect } from 'react';
import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/sync/status';
import { useClient } from '../../stores/session-store';

/** One copy of the desk's sync state for every screen, fed once by the shell (one call, one subscription). */
const useSyncStore = create<{ status: SyncStatus | null }>(() => ({ status: null }));

/** Called once, by the shell: keeps the shared sync state current from the backend's `sync` events. */
export function useSyncStatusFeed(): void {
  const client = useClient();
  useEffect(() => {
    let alive = true;
    void client.call('sync.status', {}).then((s) => alive && useSyncStore.setState({ status: s }), () => undefined);
    const off = client.onEvent((e) => {
      if (e.type === 'sync' && alive) useSyncStore.setState({ status: e.status });
    });
    return () => {
      alive = false;
      off();
      useSyncStore.setState({ status: null });
    };
  }, [client]);
}

/** The desk's sync state (null until the first answer). */
export function useSyncStatus(): SyncStatus | null {
  return useSyncStore((s) => s.status);
}
