import { useEffect } from 'react';
import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/sync/status';
import { useClient } from '../../stores/session-store';
import { followSyncStatus } from './status-feed';

/** One copy of the desk's sync state for every screen, fed once by the shell (one call, one subscription). */
const useSyncStore = create<{ status: SyncStatus | null }>(() => ({ status: null }));

/** Called once, by the shell: keeps the shared sync state current from the backend's `sync` events. */
export function useSyncStatusFeed(): void {
  const client = useClient();
  useEffect(() => {
    // Events, the first answer, and a re-ask while "syncing": a final event missed while the event
    // socket was still connecting no longer leaves the badge spinning (status-feed.ts).
    const stop = followSyncStatus(client, (status) => useSyncStore.setState({ status }));
    return () => {
      stop();
      useSyncStore.setState({ status: null });
    };
  }, [client]);
}

/** The desk's sync state (null until the first answer). */
export function useSyncStatus(): SyncStatus | null {
  return useSyncStore((s) => s.status);
}
