import { create } from 'zustand';

/** The unified-answers panel on the call screen: F4 opens it and puts the cursor in its search box. */
export const ANSWERS_KEY = 'F4';

interface PanelState {
  open: boolean;
  /** Bumped on every F4, so the panel takes the focus again even when already open. */
  seq: number;
  show(): void;
  close(): void;
}

export const useAnswersPanel = create<PanelState>((set) => ({
  open: false,
  seq: 0,
  show: () => set((s) => ({ open: true, seq: s.seq + 1 })),
  close: () => set({ open: false }),
}));
