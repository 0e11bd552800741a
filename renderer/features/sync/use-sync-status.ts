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
    // An event is always newer than the first answer: a "syncing" answer that arrives after the "online"
    // event (the socket can beat the HTTP reply) must not leave the badge stuck.
    let heard = false;
    const off = client.onEvent((e) => {
      if (e.type !== 'sync' || !alive) return;
      heard = true;
      useSyncStore.setState({ status: e.status });
    });
    void client.call('sync.status', {}).then((s) => alive && !heard && useSyncStore.setState({ status: s }), () => undefined);
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
