import type { DeskEvent } from '../../../shared/api/events';
import type { SyncStatus } from '../../../shared/sync/status';

/** What the feed needs of the desk client; structural, so it runs in a unit test without a browser. */
export interface StatusSource {
  call(method: 'sync.status', args: Record<string, never>): Promise<SyncStatus>;
  onEvent(cb: (e: DeskEvent) => void): () => void;
}

/** While the state is unsure, ask the backend again this often (a local call). */
export const RECHECK_MS = 2_000;

/** By default: ask again until a first answer, and while it says "syncing". */
const unsure = (s: SyncStatus | null) => s === null || s.state === 'syncing';

/**
 * Keeps `apply` fed with the desk's sync status: every `sync` event, plus answers to `sync.status`.
 * Events can be missed — the event socket is still connecting when a run ends, or reconnecting — and
 * a missed final event used to leave "syncing" on screen until the next run (30 s on a quiet floor).
 * So while `recheck(last)` holds, it asks again every `recheckMs`. An answer is used only if no event
 * arrived while it was asked: an event is never older than an answer that crossed it.
 */
export function followSyncStatus(
  source: StatusSource,
  apply: (s: SyncStatus) => void,
  o: { recheckMs?: number; recheck?: (last: SyncStatus | null) => boolean } = {},
): () => void {
  const recheckMs = o.recheckMs ?? RECHECK_MS;
  const recheck = o.recheck ?? unsure;
  let alive = true;
  let heard = 0;
  let last: SyncStatus | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = alive && recheck(last) ? setTimeout(ask, recheckMs) : null;
  };
  const set = (s: SyncStatus) => {
    last = s;
    apply(s);
    arm();
  };
  function ask() {
    timer = null;
    const before = heard;
    source.call('sync.status', {}).then(
      (s) => {
        if (alive && heard === before) set(s);
      },
      () => {
        if (alive && heard === before) arm();
      },
    );
  }
  const off = source.onEvent((e) => {
    if (!alive || e.type !== 'sync') return;
    heard++;
    set(e.status);
  });
  ask();
  return () => {
    alive = false;
    if (timer) clearTimeout(timer);
    off();
  };
}
