import { EVERYONE } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/** The center's own holidays and make-up working days: every desk judges days by them. */
export const calendarTables = syncedTables({
  calendar_overrides: { pk: 'date', privateColumns: [], scope: EVERYONE },
});
