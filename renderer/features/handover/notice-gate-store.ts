import { create } from 'zustand';
import type { Notice } from '../../../shared/handover/notices';

interface NoticeGateState {
  /** The signed-in person's unread notices, oldest first (handover.read-notices), from the desk's replica. */
  toRead: Notice[];
  /** A call was asked for (F2, the new-call button) while notices were unread: the call log waits for them. */
  holding: boolean;
  setToRead(toRead: Notice[]): void;
  hold(): void;
  release(): void;
}

/**
 * The gate in front of the call log, shared by the shell's F2, the new-call button, the phone system's screen
 * pop and the call screen. Kept in memory only: on a new sign-in the notices are loaded afresh.
 */
export const useNoticeGate = create<NoticeGateState>((set) => ({
  toRead: [],
  holding: false,
  setToRead: (toRead) => set({ toRead }),
  hold: () => set({ holding: true }),
  release: () => set({ holding: false }),
}));
