import { create } from 'zustand';

type Kind = 'seen' | 'announced';
const ANNOUNCED_KEPT = 200;
const storageKey = (kind: Kind, userId: string) => `zb.notify.${kind}.${userId}`;

function load(kind: Kind, userId: string): string[] {
  try {
    const raw = globalThis.localStorage?.getItem(storageKey(kind, userId));
    return raw ? (JSON.parse(raw) as string[]) : [];
  } catch {
    return [];
  }
}

function save(kind: Kind, userId: string, keys: ReadonlySet<string>): void {
  try {
    globalThis.localStorage?.setItem(storageKey(kind, userId), JSON.stringify([...keys]));
  } catch {
    // Storage full or off: the state lasts this session only.
  }
}

/** `keys` added to `set`, keeping only keys of notices that still wait (so the list stays the size of what waits). */
const kept = (set: ReadonlySet<string>, keys: readonly string[], current: readonly string[]) => {
  const alive = new Set(current);
  return new Set([...set, ...keys].filter((k) => alive.has(k)));
};

interface SeenState {
  userId: string | null;
  /** Notices the person opened: shown as read in the bell. */
  seen: ReadonlySet<string>;
  /** Notices already shown as a toast: a reminder toasts once, not again at every sign-in. */
  announced: ReadonlySet<string>;
  use(userId: string): void;
  mark(keys: readonly string[], current: readonly string[]): void;
  announce(keys: readonly string[]): void;
}

/**
 * Which notices this person has read and been told about, per person on this desk (a shared desk has
 * several), kept in the browser's storage: it is the reader's state, not the center's, so it is not synced.
 */
export const useSeen = create<SeenState>((set, get) => ({
  userId: null,
  seen: new Set(),
  announced: new Set(),
  use: (userId) => {
    if (get().userId !== userId) set({ userId, seen: new Set(load('seen', userId)), announced: new Set(load('announced', userId)) });
  },
  mark: (keys, current) => {
    const { userId, seen } = get();
    if (!userId) return;
    const next = kept(seen, keys, current);
    save('seen', userId, next);
    set({ seen: next });
  },
  announce: (keys) => {
    const { userId, announced } = get();
    if (!userId) return;
    // Not pruned against what waits now: a domain whose notices have not loaded yet would lose its keys and
    // toast again. Keys name their day or month, so the newest ANNOUNCED_KEPT are all that can still matter.
    const next = new Set([...announced, ...keys].slice(-ANNOUNCED_KEPT));
    save('announced', userId, next);
    set({ announced: next });
  },
}));
