import type { Store } from '../store/store';
import type { DutyEntry } from './schemas';

/**
 * A shift's duty log (值班日志), in time order: the read the lead's daily report (report.daily) builds on. A port
 * read, not a method, so a report handler inside the same transaction gets exactly the rows this desk holds.
 */
export function dutyLogOf(store: Pick<Store, 'briefing'>, o: { teamId: string; date: string; shiftCode: string }): Promise<DutyEntry[]> {
  return store.briefing.dutyEntries({ teamId: o.teamId, from: o.date, to: o.date, shiftCode: o.shiftCode });
}
