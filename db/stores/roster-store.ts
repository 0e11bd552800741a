import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../search/call-text';
import type { RosterPort } from '../../shared/roster/port';
import { ShiftTypeSchema } from '../../shared/roster/schemas';
import type { LocalNames } from '../../shared/i18n/local-names';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';

/** Separators of the folded month (ids and codes hold no control characters): within a cell, and between cells. */
const UNIT = '\u001f';
const RECORD = '\u001e';

export function rosterStore(db: Kysely<Database>, w: Writer): RosterPort {
  const person = (r: { id: string; username: string; display_name: string; team_id: string | null; job_type: string; skill_level: number }) => ({
    userId: r.id,
    username: r.username,
    name: r.display_name,
    teamId: r.team_id,
    jobType: r.job_type,
    skillLevel: Number(r.skill_level),
  });
  return {
    async shiftTypes() {
      const rows = await db.selectFrom('shift_types').selectAll().where('active', '=', 1).orderBy('start_time').execute();
      return rows.map((r) =>
        ShiftTypeSchema.parse({ code: r.code, name: r.name, start: r.start_time, end: r.end_time, night: Number(r.night) === 1, minCoverage: JSON.parse(r.min_coverage), names: JSON.parse(r.names), shortNames: JSON.parse(r.short_names) }),
      );
    },
    async putShiftType(t) {
      await w.put('shift_types', { code: t.code, name: t.name, start_time: t.start, end_time: t.end, night: t.night ? 1 : 0, min_coverage: JSON.stringify(t.minCoverage), names: JSON.stringify(t.names ?? {}), short_names: JSON.stringify(t.shortNames ?? {}), active: 1 });
    },
    async teams() {
      return (await db.selectFrom('teams').select(['id', 'name', 'names']).orderBy('id').execute()).map((t) => ({ id: t.id, name: t.name, names: JSON.parse(t.names) as LocalNames }));
    },
    async people(teamId) {
      let q = db.selectFrom('users').select(['id', 'username', 'display_name', 'team_id', 'job_type', 'skill_level']).where('active', '=', 1).where('role', 'in', ['agent', 'team_lead']);
      if (teamId) q = q.where('team_id', '=', teamId);
      return (await q.orderBy('team_id').orderBy('role').orderBy('username').execute()).map(person);
    },
    async person(userId) {
      const r = await db.selectFrom('users').select(['id', 'username', 'display_name', 'team_id', 'job_type', 'skill_level']).where('id', '=', userId).where('active', '=', 1).where('role', 'in', ['agent', 'team_lead']).executeTakeFirst();
      return r ? person(r) : null;
    },
    async entries(o) {
      let q = db
        .selectFrom('roster')
        .leftJoin('users', 'users.id', 'roster.user_id')
        .select(['roster.id', 'roster.user_id', 'roster.team_id', 'roster.date', 'roster.shift_code', 'roster.version', 'users.display_name'])
        .where('roster.shift_code', '!=', '')
        .where('roster.date', '>=', o.from)
        .where('roster.date', '<=', o.to);
      if (o.teamId) q = q.where('roster.team_id', '=', o.teamId);
      if (o.userId) q = q.where('roster.user_id', '=', o.userId);
      const rows = await q.orderBy('roster.date').execute();
      return rows.map((r) => ({ id: r.id, userId: r.user_id, userName: r.display_name ?? '', teamId: r.team_id, date: r.date, shiftCode: r.shift_code, synced: Number(r.version) > 0 }));
    },
    async monthCells(o) {
      // Folded in SQL (group_concat / string_agg): materialising one JS object per cell was most of roster.month.
      // Grouped by day, not by person: the (date, user_id, …) index hands the rows over in that order, so the
      // database folds them as they come instead of sorting 60 000 cells into people first (half the query).
      const cell = sql<string>`roster.user_id || cast(${UNIT} as text) || roster.shift_code || case when roster.version > 0 then '' else '*' end`;
      const folded = isPostgres(db) ? sql<string>`string_agg(${cell}, cast(${RECORD} as text))` : sql<string>`group_concat(${cell}, ${RECORD})`;
      let q = db.selectFrom('roster').select(['roster.date', folded.as('cells')]).where('roster.shift_code', '!=', '').where('roster.date', '>=', o.from).where('roster.date', '<=', o.to);
      if (o.teamId) q = q.where('roster.team_id', '=', o.teamId);
      return (await q.groupBy('roster.date').orderBy('roster.date').execute()).map((r) => ({ date: r.date, cells: r.cells }));
    },
    async put(e) {
      // One row per person and day: an existing day keeps its row id (desks already hold it).
      const existing = await db.selectFrom('roster').select('id').where('user_id', '=', e.userId).where('date', '=', e.date).executeTakeFirst();
      await w.put('roster', { id: existing?.id ?? e.id, user_id: e.userId, team_id: e.teamId, date: e.date, shift_code: e.shiftCode, updated_by: e.updatedBy, updated_at: e.updatedAt });
    },
    async clear(e) {
      // A rest day is a row with no shift, not a missing row: a deletion would never reach other desks by pull.
      await this.put({ ...e, shiftCode: '' });
    },
    async cells(o) {
      const out = new Map<string, { id: string; shiftCode: string; updatedAt: string }>();
      for (let i = 0; i < o.userIds.length; i += 500) {
        const rows = await db.selectFrom('roster').select(['id', 'user_id', 'date', 'shift_code', 'updated_at']).where('user_id', 'in', o.userIds.slice(i, i + 500)).where('date', '>=', o.from).where('date', '<=', o.to).execute();
        for (const r of rows) out.set(`${r.user_id}|${r.date}`, { id: r.id, shiftCode: r.shift_code, updatedAt: r.updated_at });
      }
      return out;
    },
    async putCells(rows) {
      await w.putMany(
        'roster',
        rows.map((e) => ({ id: e.id, user_id: e.userId, team_id: e.teamId, date: e.date, shift_code: e.shiftCode, updated_by: e.updatedBy, updated_at: e.updatedAt })),
      );
    },
    async cell(userId, date) {
      const r = await db.selectFrom('roster').select(['id', 'shift_code', 'updated_by', 'updated_at']).where('user_id', '=', userId).where('date', '=', date).executeTakeFirst();
      return r ? { id: r.id, shiftCode: r.shift_code, updatedBy: r.updated_by, updatedAt: r.updated_at } : null;
    },
  };
}
