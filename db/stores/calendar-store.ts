import type { Kysely } from 'kysely';
import type { CalendarPort } from '../../shared/calendar/port';
import type { Database } from '../schema';
import type { WriteContext } from '../sync/write-context';

export function calendarStore(db: Kysely<Database>, write: WriteContext): CalendarPort {
  return {
    async overrides(from, to) {
      const rows = await db.selectFrom('calendar_overrides').select(['date', 'kind', 'name']).where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
      return rows;
    },
    async put(o) {
      await write.undo?.capture('calendar_overrides', o.date);
      const row = { kind: o.kind, name: o.name, updated_by: o.updatedBy, updated_at: o.updatedAt, version: write.version };
      const exists = await db.selectFrom('calendar_overrides').select('date').where('date', '=', o.date).executeTakeFirst();
      if (exists) await db.updateTable('calendar_overrides').set(row).where('date', '=', o.date).execute();
      else await db.insertInto('calendar_overrides').values({ date: o.date, ...row }).execute();
    },
  };
}
