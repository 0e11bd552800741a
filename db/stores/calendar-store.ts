import type { Kysely } from 'kysely';
import type { CalendarPort } from '../../shared/calendar/port';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';

export function calendarStore(db: Kysely<Database>, w: Writer): CalendarPort {
  return {
    async overrides(from, to) {
      const rows = await db.selectFrom('calendar_overrides').select(['date', 'kind', 'name']).where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
      return rows;
    },
    async put(o) {
      await w.put('calendar_overrides', { date: o.date, kind: o.kind, name: o.name, updated_by: o.updatedBy, updated_at: o.updatedAt });
    },
  };
}
