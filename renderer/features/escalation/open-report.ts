import { create } from 'zustand';

/** Which report's detail is open: a notification can open one from anywhere in the desk. */
export const useOpenReport = create<{ openId: string | null; open(id: string | null): void }>((set) => ({
  openId: null,
  open: (openId) => set({ openId }),
}));

/** A raised hand being written up as a formal report: the form takes it over once. */
export interface ReportSeed {
  helpId: string;
  callId: string | null;
  summary: string;
}
export const useReportSeed = create<{ seed: ReportSeed | null; set(seed: ReportSeed | null): void }>((set) => ({ seed: null, set: (seed) => set({ seed }) }));
