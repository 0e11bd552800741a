import { create } from 'zustand';

/** Which report's detail is open: a notification can open one from anywhere in the desk. */
export const useOpenReport = create<{ openId: string | null; open(id: string | null): void }>((set) => ({
  openId: null,
  open: (openId) => set({ openId }),
}));
