import { create } from 'zustand';

/** The area the shell shows; any screen may open another (the inbox's "open the request"). */
interface NavState {
  area: string | null;
  /** Areas opened, the latest first, each once: a group tab reopens the area last used in it. */
  visited: readonly string[];
  show(area: string): void;
}

export const useNav = create<NavState>((set) => ({
  area: null,
  visited: [],
  show: (area) => set((s) => ({ area, visited: [area, ...s.visited.filter((a) => a !== area)].slice(0, 40) })),
}));
