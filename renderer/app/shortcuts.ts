import { create } from 'zustand';

/** The desk's global keys: the phone rings whatever page is open. Handled once, by the shell. */
export const START_CALL_KEY = 'F2';
export const SEARCH_CALLS_KEY = 'F3';

export type Intent = 'startCall' | 'searchCalls';

interface IntentState {
  /** What a global key asked for, until the screen that serves it (which may mount only now) takes it. */
  pending: Intent | null;
  /** Bumped on every request, so pressing the same key twice is two requests. */
  seq: number;
  request(intent: Intent): void;
  /** The screen took it: a later remount does not act on it again. */
  take(intent: Intent): boolean;
}

export const useIntent = create<IntentState>((set, get) => ({
  pending: null,
  seq: 0,
  request: (intent) => set((s) => ({ pending: intent, seq: s.seq + 1 })),
  take: (intent) => {
    if (get().pending !== intent) return false;
    set({ pending: null });
    return true;
  },
}));
