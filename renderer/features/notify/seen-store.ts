import { create } from 'zustand';

const storageKey = (userId: string) => `zb.notify.seen.${userId}`;

function load(userId: string): string[] {
  try {
    const raw = globalThis.localStorage?.getItem(storageKey(userId));
    return raw ? (JSON.parse(raw) as string[]) : [];
  } catch {
    return [];
  }
}

/**
 * Which notices this person has read, per person on this desk (a shared desk has several), kept in the
 * browser's storage: read state is the reader's, not the center's, so it is not synced. Keys of notices
 * that no longer wait are dropped on every mark, so the list stays the size of what waits.
 */
export const useSeen = create<{ userId: string | null; seen: ReadonlySet<string>; use(userId: string): void; mark(keys: readonly string[], current: readonly string[]): void }>((set, get) => ({
  userId: null,
  seen: new Set(),
  use: (userId) => {
    if (get().userId !== userId) set({ userId, seen: new Set(load(userId)) });
  },
  mark: (keys, current) => {
    const { userId, seen } = get();
    if (!userId) return;
    const alive = new Set(current);
    const next = new Set([...seen, ...keys].filter((k) => alive.has(k)));
    try {
      globalThis.localStorage?.setItem(storageKey(userId), JSON.stringify([...next]));
    } catch {
      // Storage full or off: read state lasts this session only.
    }
    set({ seen: next });
  },
}));
