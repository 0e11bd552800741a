import { create } from 'zustand';

/** The area the shell shows; any screen may open another (the inbox's "open the request"). */
interface NavState {
  area: string | null;
  show(area: string): void;
}

export const useNav = create<NavState>((set) => ({ area: null, show: (area) => set({ area }) }));
