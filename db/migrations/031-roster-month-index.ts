import type { Migration } from './types';

/**
 * #16: a month grid of the whole center reads one month's cells out of years of roster. The (date, user_id,
 * shift_code, version) index answers it from the index alone, by date range, instead of scanning every row
 * (or every row of each person). Open leave outside a month is paged by (from_date, id) among requests.
 */
export const m031RosterMonthIndex: Migration = {
  version: 31,
  name: 'roster-month-index',
  async up(db) {
    await db.schema.createIndex('roster_date_user').on('roster').columns(['date', 'user_id', 'shift_code', 'version']).execute();
    await db.schema.createIndex('leave_requests_status_from').on('leave_requests').columns(['status', 'from_date', 'id']).execute();
  },
};
