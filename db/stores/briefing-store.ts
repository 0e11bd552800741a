import type { Kysely } from 'kysely';
import type { BriefingPort, MeetingRow } from '../../shared/briefing/port';
import type { Criterion, DutyCounts, DutyEntry, Mark, Meeting, MeetingItems, RollCall, RollCallEntry, Summary } from '../../shared/briefing/schemas';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';

export function briefingStore(db: Kysely<Database>, w: Writer): BriefingPort {
  /** Display names of the people a set of rows names, in one query. */
  const namesOf = async (ids: Iterable<string>): Promise<(id: string) => string> => {
    const list = [...new Set(ids)];
    const names = new Map(list.length ? (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', list).execute()).map((u) => [u.id, u.display_name]) : []);
    return (id) => names.get(id) ?? id;
  };

  const issueQ = () => db.selectFrom('qa_issues').leftJoin('users', 'users.id', 'qa_issues.published_by').selectAll('qa_issues').select('users.display_name');
  type IRow = Awaited<ReturnType<ReturnType<typeof issueQ>['executeTakeFirstOrThrow']>>;
  const toIssue = (r: IRow) => ({
    id: r.id,
    title: r.title,
    seen: r.seen,
    sayInstead: r.say_instead,
    criterion: r.criterion as Criterion | null,
    publishedBy: r.published_by,
    publishedByName: r.display_name ?? r.published_by,
    publishedAt: r.published_at,
    withdrawnBy: r.withdrawn_by,
    withdrawnAt: r.withdrawn_at,
  });

  const callQ = () => db.selectFrom('roll_calls').selectAll();
  type CRow = Awaited<ReturnType<ReturnType<typeof callQ>['executeTakeFirstOrThrow']>>;
  const toCalls = async (rows: CRow[]): Promise<RollCall[]> => {
    const name = await namesOf(rows.flatMap((r) => [r.taken_by, r.revised_by]));
    return rows.map((r) => ({
      id: r.id,
      teamId: r.team_id,
      date: r.date,
      shiftCode: r.shift_code,
      remarks: r.remarks,
      briefed: JSON.parse(r.briefed) as string[],
      takenBy: r.taken_by,
      takenByName: name(r.taken_by),
      takenAt: r.taken_at,
      revision: Number(r.revision),
      revisedBy: r.revised_by,
      revisedByName: name(r.revised_by),
      revisedAt: r.revised_at,
      synced: Number(r.version) > 0,
    }));
  };

  const entryQ = () => db.selectFrom('roll_call_entries').leftJoin('users', 'users.id', 'roll_call_entries.user_id').selectAll('roll_call_entries').select('users.display_name');
  type ERow = Awaited<ReturnType<ReturnType<typeof entryQ>['executeTakeFirstOrThrow']>>;
  const toEntry = (r: ERow): RollCallEntry => ({ id: r.id, rollCallId: r.roll_call_id, teamId: r.team_id, date: r.date, shiftCode: r.shift_code, userId: r.user_id, userName: r.display_name ?? r.user_id, mark: r.mark as Mark, remark: r.remark });

  const meetingQ = () => db.selectFrom('handover_meetings').selectAll();
  type MRow = Awaited<ReturnType<ReturnType<typeof meetingQ>['executeTakeFirstOrThrow']>>;
  const toMeetings = async (rows: MRow[]): Promise<(Meeting & { row: MeetingRow })[]> => {
    const parsed = rows.map((r) => {
      const row: MeetingRow = {
        id: r.id,
        teamId: r.team_id,
        date: r.date,
        fromShift: r.from_shift,
        toShift: r.to_shift,
        toDate: r.to_date,
        attendees: JSON.parse(r.attendees) as MeetingRow['attendees'],
        items: JSON.parse(r.items) as MeetingItems,
        heldBy: r.held_by,
        heldAt: r.held_at,
        corrections: JSON.parse(r.corrections) as MeetingRow['corrections'],
      };
      return { row, synced: Number(r.version) > 0 };
    });
    const name = await namesOf(parsed.flatMap(({ row }) => [row.heldBy, ...row.corrections.map((c) => c.by)]));
    return parsed.map(({ row, synced }) => ({ ...row, heldByName: name(row.heldBy), corrections: row.corrections.map((c) => ({ ...c, byName: name(c.by) })), synced, row }));
  };

  const dutyQ = () => db.selectFrom('duty_log').leftJoin('users', 'users.id', 'duty_log.written_by').selectAll('duty_log').select('users.display_name');
  type DRow = Awaited<ReturnType<ReturnType<typeof dutyQ>['executeTakeFirstOrThrow']>>;
  const toDuty = (r: DRow): DutyEntry => ({
    id: r.id,
    teamId: r.team_id,
    date: r.date,
    shiftCode: r.shift_code,
    time: r.time,
    kind: r.kind as DutyEntry['kind'],
    text: r.text,
    figure: r.figure === null ? null : Number(r.figure),
    writtenBy: r.written_by,
    writtenByName: r.display_name ?? r.written_by,
    writtenAt: r.written_at,
    synced: Number(r.version) > 0,
  });

  const summaryQ = () => db.selectFrom('duty_summaries').leftJoin('users', 'users.id', 'duty_summaries.written_by').selectAll('duty_summaries').select('users.display_name');
  type SRow = Awaited<ReturnType<ReturnType<typeof summaryQ>['executeTakeFirstOrThrow']>>;
  const toSummary = (r: SRow): Summary => ({
    id: r.id,
    teamId: r.team_id,
    month: r.month,
    text: r.text,
    counts: JSON.parse(r.counts) as DutyCounts,
    writtenBy: r.written_by,
    writtenByName: r.display_name ?? r.written_by,
    writtenAt: r.written_at,
    revision: Number(r.revision),
    synced: Number(r.version) > 0,
  });

  return {
    async issue(id) {
      const r = await issueQ().where('qa_issues.id', '=', id).executeTakeFirst();
      return r ? toIssue(r) : null;
    },
    async putIssue(i) {
      await w.put('qa_issues', { id: i.id, title: i.title, seen: i.seen, say_instead: i.sayInstead, criterion: i.criterion, published_by: i.publishedBy, published_at: i.publishedAt, withdrawn_by: i.withdrawnBy, withdrawn_at: i.withdrawnAt });
    },
    async issues() {
      return (await issueQ().orderBy('qa_issues.published_at', 'desc').orderBy('qa_issues.id').limit(1000).execute()).map(toIssue);
    },

    async rollCall(id) {
      const r = await callQ().where('id', '=', id).executeTakeFirst();
      return r ? (await toCalls([r]))[0]! : null;
    },
    async putRollCall(c) {
      await w.put('roll_calls', { id: c.id, team_id: c.teamId, date: c.date, shift_code: c.shiftCode, remarks: c.remarks, briefed: JSON.stringify(c.briefed), taken_by: c.takenBy, taken_at: c.takenAt, revision: c.revision, revised_by: c.revisedBy, revised_at: c.revisedAt });
    },
    async rollCallEntries(rollCallId) {
      return (await entryQ().where('roll_call_entries.roll_call_id', '=', rollCallId).orderBy('roll_call_entries.id').execute()).map(toEntry);
    },
    async putRollCallEntry(e) {
      await w.put('roll_call_entries', { id: e.id, roll_call_id: e.rollCallId, team_id: e.teamId, date: e.date, shift_code: e.shiftCode, user_id: e.userId, mark: e.mark, remark: e.remark });
    },
    async listRollCalls(o) {
      return toCalls(await whereInScope(callQ().where('date', '>=', o.from), o.scope).orderBy('date', 'desc').orderBy('shift_code').orderBy('id').limit(2000).execute());
    },
    async listRollCallEntries(o) {
      return (await whereInScope(entryQ().where('roll_call_entries.date', '>=', o.from), o.scope, 'roll_call_entries').orderBy('roll_call_entries.date', 'desc').orderBy('roll_call_entries.id').limit(5000).execute()).map(toEntry);
    },

    async meeting(id) {
      const r = await meetingQ().where('id', '=', id).executeTakeFirst();
      return r ? (await toMeetings([r]))[0]! : null;
    },
    async putMeeting(m) {
      await w.put('handover_meetings', { id: m.id, team_id: m.teamId, date: m.date, from_shift: m.fromShift, to_shift: m.toShift, to_date: m.toDate, attendees: JSON.stringify(m.attendees), items: JSON.stringify(m.items), held_by: m.heldBy, held_at: m.heldAt, corrections: JSON.stringify(m.corrections) });
    },
    async listMeetings(o) {
      const rows = await whereInScope(meetingQ().where('date', '>=', o.from), o.scope).orderBy('date', 'desc').orderBy('held_at', 'desc').limit(500).execute();
      return (await toMeetings(rows)).map(({ row: _r, ...m }) => m);
    },

    async putDutyEntry(e) {
      await w.put('duty_log', { id: e.id, team_id: e.teamId, date: e.date, shift_code: e.shiftCode, time: e.time, kind: e.kind, text: e.text, figure: e.figure, written_by: e.writtenBy, written_at: e.writtenAt });
    },
    async dutyEntry(id) {
      const r = await dutyQ().where('duty_log.id', '=', id).executeTakeFirst();
      return r ? toDuty(r) : null;
    },
    async dutyEntries(o) {
      let q = dutyQ().where('duty_log.team_id', '=', o.teamId).where('duty_log.date', '>=', o.from).where('duty_log.date', '<=', o.to);
      if (o.shiftCode !== undefined) q = q.where('duty_log.shift_code', '=', o.shiftCode);
      return (await q.orderBy('duty_log.date').orderBy('duty_log.time').orderBy('duty_log.written_at').orderBy('duty_log.id').execute()).map(toDuty);
    },
    async listDutyEntries(o) {
      return (await whereInScope(dutyQ().where('duty_log.date', '>=', o.from), o.scope, 'duty_log').orderBy('duty_log.date', 'desc').orderBy('duty_log.time', 'desc').orderBy('duty_log.id').limit(5000).execute()).map(toDuty);
    },

    async summary(id) {
      const r = await summaryQ().where('duty_summaries.id', '=', id).executeTakeFirst();
      return r ? toSummary(r) : null;
    },
    async putSummary(s) {
      await w.put('duty_summaries', { id: s.id, team_id: s.teamId, month: s.month, text: s.text, counts: JSON.stringify(s.counts), written_by: s.writtenBy, written_at: s.writtenAt, revision: s.revision });
    },
    async listSummaries(o) {
      return (await whereInScope(summaryQ().where('duty_summaries.month', '>=', o.from.slice(0, 7)), o.scope, 'duty_summaries').orderBy('duty_summaries.month', 'desc').orderBy('duty_summaries.id').limit(1000).execute()).map(toSummary);
    },
  };
}
