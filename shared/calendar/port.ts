import type { CalendarOverride } from './day-kind';

export interface CalendarPort {
  overrides(from: string, to: string): Promise<CalendarOverride[]>;
  put(o: CalendarOverride & { updatedBy: string; updatedAt: string }): Promise<void>;
}
