import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { CallCategory } from '../../../shared/calls/schemas';

export interface CallDraft {
  id: string;
  ownerId: string;
  startedAt: string;
  customerPhone: string;
  customerName: string;
  category: CallCategory | null;
  summary: string;
  outcome: string;
  followUp: boolean;
  /** The phone system's id of the call that popped this log (telephony hook); absent when started by hand. */
  telephonyId?: string;
  /** When the phone system said the call ended: the timer stops there and the log saves that end. */
  endedAt?: string;
}

interface DraftState {
  draft: CallDraft | null;
  /** Replaces the draft outright (the telephony hook's screen pop). */
  set(draft: CallDraft | null): void;
  start(ownerId: string, now?: Date): void;
  update(patch: Partial<Omit<CallDraft, 'id' | 'ownerId' | 'startedAt'>>): void;
  clear(): void;
}

/** The call being logged. Kept in localStorage so a reload mid-call loses neither the text nor the timer. */
export const useCallDraft = create<DraftState>()(
  persist(
    (set) => ({
      draft: null,
      set: (draft) => set({ draft }),
      start: (ownerId, now = new Date()) =>
        set({
          draft: {
            id: crypto.randomUUID(),
            ownerId,
            startedAt: now.toISOString(),
            customerPhone: '',
            customerName: '',
            category: null,
            summary: '',
            outcome: '',
            followUp: false,
          },
        }),
      update: (patch) => set((s) => (s.draft ? { draft: { ...s.draft, ...patch } } : s)),
      clear: () => set({ draft: null }),
    }),
    { name: 'zhiban.callDraft' },
  ),
);

export function isDraftEmpty(d: CallDraft): boolean {
  return !d.customerPhone.trim() && !d.customerName.trim() && !d.summary.trim() && !d.outcome.trim() && d.category === null && !d.followUp;
}
