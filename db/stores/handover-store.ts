import type { Kysely } from 'kysely';
import type { HandoverPort, HandoverLogRow, NoticeRow } from '../../shared/handover/port';
import type { NoticeRead } from '../../shared/handover/notices';
import type { Away } from '../../shared/handover/away';
import type { Attendance, HandoverLog, Release, Sections } from '../../shared/handover/schemas';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';

export function handoverStore(db: Kysely<Database>, w: Writer): HandoverPort {
  const attendanceQ = () => db.selectFrom('attendance').leftJoin('users', 'users.id', 'attendance.user_id').selectAll('attendance').select('users.display_name');
  type ARow = Awaited<ReturnType<ReturnType<typeof attendanceQ>['executeTakeFirstOrThrow']>>;
  const toAttendance = (r: ARow): Attendance => ({
    id: r.id,
    userId: r.user_id,
    userName: r.display_name ?? r.user_id,
    teamId: r.team_id,
    date: r.date,
    shiftCode: r.shift_code,
    checkedInAt: r.checked_in_at,
    lateMinutes: Number(r.late_minutes),
    violationId: r.violation_id,
    checkedOutAt: r.checked_out_at,
    ruleIds: JSON.parse(r.rule_ids) as string[],
    synced: Number(r.version) > 0,
  });
  const releaseQ = () => db.selectFrom('duty_releases').leftJoin('users', 'users.id', 'duty_releases.released_by').selectAll('duty_releases').select('users.display_name');
  type RRow = Awaited<ReturnType<ReturnType<typeof releaseQ>['executeTakeFirstOrThrow']>>;
  const toRelease = (r: RRow): Release => ({ id: r.id, userId: r.user_id, teamId: r.team_id, date: r.date, reason: r.reason, releasedBy: r.released_by, releasedByName: r.display_name ?? r.released_by, createdAt: r.created_at });
  const logQ = () => db.selectFrom('handover_logs').selectAll('handover_logs');
  type LRow = Awaited<ReturnType<ReturnType<typeof logQ>['executeTakeFirstOrThrow']>>;
  const toLogs = async (rows: LRow[]): Promise<(HandoverLog & { row: HandoverLogRow })[]> => {
    const ids = new Set(rows.flatMap((r) => [r.written_by, ...(r.acked_by ? [r.acked_by] : []), ...(JSON.parse(r.corrections) as { by: string }[]).map((c) => c.by)]));
    const names = new Map(ids.size ? (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute()).map((u) => [u.id, u.display_name]) : []);
    const name = (id: string) => names.get(id) ?? id;
    return rows.map((r) => {
      const row: HandoverLogRow = { id: r.id, teamId: r.team_id, date: r.date, fromShift: r.from_shift, toShift: r.to_shift, toDate: r.to_date, writtenBy: r.written_by, writtenAt: r.written_at, sections: JSON.parse(r.sections) as Sections, ackedBy: r.acked_by, ackedAt: r.acked_at, corrections: JSON.parse(r.corrections) as HandoverLogRow['corrections'] };
      return { ...row, writtenByName: name(row.writtenBy), ackedByName: row.ackedBy ? name(row.ackedBy) : null, corrections: row.corrections.map((c) => ({ ...c, byName: name(c.by) })), synced: Number(r.version) > 0, row };
    });
  };
  const noticeQ = () => db.selectFrom('notices').leftJoin('users', 'users.id', 'notices.published_by').selectAll('notices').select('users.display_name');
  type NRow = Awaited<ReturnType<ReturnType<typeof noticeQ>['executeTakeFirstOrThrow']>>;
  const toNotice = (r: NRow): NoticeRow & { publishedByName: string } => ({ id: r.id, kind: r.kind as NoticeRow['kind'], title: r.title, body: r.body, publishedBy: r.published_by, publishedAt: r.published_at, publishedByName: r.display_name ?? r.published_by });
  const readQ = () => db.selectFrom('notice_reads').leftJoin('users', 'users.id', 'notice_reads.user_id').selectAll('notice_reads').select('users.display_name');
  type RdRow = Awaited<ReturnType<ReturnType<typeof readQ>['executeTakeFirstOrThrow']>>;
  const toRead = (r: RdRow): NoticeRead => ({ id: r.id, noticeId: r.notice_id, userId: r.user_id, userName: r.display_name ?? r.user_id, teamId: r.team_id, readAt: r.read_at });
  const awayQ = () => db.selectFrom('away_periods').leftJoin('users', 'users.id', 'away_periods.user_id').selectAll('away_periods').select('users.display_name');
  type AwRow = Awaited<ReturnType<ReturnType<typeof awayQ>['executeTakeFirstOrThrow']>>;
  const toAway = (r: AwRow): Away => ({
    id: r.id,
    userId: r.user_id,
    userName: r.display_name ?? r.user_id,
    teamId: r.team_id,
    date: r.date,
    reason: r.reason,
    requestedAt: r.requested_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    limitMinutes: Number(r.limit_minutes),
    backAt: r.back_at,
    awayMinutes: r.away_minutes === null ? null : Number(r.away_minutes),
    violationId: r.violation_id,
  });
  return {
    async away(id) {
      const r = await awayQ().where('away_periods.id', '=', id).executeTakeFirst();
      return r ? toAway(r) : null;
    },
    async putAway(a) {
      await w.put('away_periods', { id: a.id, user_id: a.userId, team_id: a.teamId, date: a.date, reason: a.reason, requested_at: a.requestedAt, approved_by: a.approvedBy, approved_at: a.approvedAt, limit_minutes: a.limitMinutes, back_at: a.backAt, away_minutes: a.awayMinutes, violation_id: a.violationId });
    },
    async awayOn(date, userId) {
      let q = awayQ().where('away_periods.date', '=', date);
      if (userId) q = q.where('away_periods.user_id', '=', userId);
      return (await q.orderBy('away_periods.requested_at').execute()).map(toAway);
    },
    async openAway(userId) {
      const r = await awayQ().where('away_periods.user_id', '=', userId).where('away_periods.back_at', 'is', null).executeTakeFirst();
      return r ? toAway(r) : null;
    },
    async listAway(o) {
      return (await whereInScope(awayQ().where('away_periods.date', '>=', o.from), o.scope, 'away_periods').orderBy('away_periods.date', 'desc').limit(2000).execute()).map(toAway);
    },
    async notice(id) {
      const r = await noticeQ().where('notices.id', '=', id).executeTakeFirst();
      return r ? toNotice(r) : null;
    },
    async putNotice(n) {
      await w.put('notices', { id: n.id, kind: n.kind, title: n.title, body: n.body, published_by: n.publishedBy, published_at: n.publishedAt });
    },
    async notices(from) {
      return (await noticeQ().where('notices.published_at', '>=', from).orderBy('notices.published_at', 'desc').limit(500).execute()).map(toNotice);
    },
    async noticeReads(noticeId) {
      return (await readQ().where('notice_reads.notice_id', '=', noticeId).execute()).map(toRead);
    },
    async addNoticeRead(r) {
      await w.put('notice_reads', { id: r.id, notice_id: r.noticeId, user_id: r.userId, team_id: r.teamId, read_at: r.readAt });
    },
    async listNoticeReads(o) {
      return (await whereInScope(readQ(), o.scope, 'notice_reads').orderBy('notice_reads.read_at', 'desc').limit(5000).execute()).map(toRead);
    },
    async attendance(userId, date) {
      const r = await attendanceQ().where('attendance.user_id', '=', userId).where('attendance.date', '=', date).executeTakeFirst();
      return r ? toAttendance(r) : null;
    },
    async putAttendance(a) {
      await w.put('attendance', { id: a.id, user_id: a.userId, team_id: a.teamId, date: a.date, shift_code: a.shiftCode, checked_in_at: a.checkedInAt, late_minutes: a.lateMinutes, violation_id: a.violationId, checked_out_at: a.checkedOutAt, rule_ids: JSON.stringify(a.ruleIds) });
    },
    async attendanceOn(date) {
      return (await attendanceQ().where('attendance.date', '=', date).execute()).map(toAttendance);
    },
    async addRelease(r) {
      await w.put('duty_releases', { id: r.id, user_id: r.userId, team_id: r.teamId, date: r.date, reason: r.reason, released_by: r.releasedBy, created_at: r.createdAt });
    },
    async releasesOn(date, userId) {
      let q = releaseQ().where('duty_releases.date', '=', date);
      if (userId) q = q.where('duty_releases.user_id', '=', userId);
      return (await q.orderBy('duty_releases.created_at').execute()).map(toRelease);
    },
    async log(id) {
      const r = await logQ().where('id', '=', id).executeTakeFirst();
      return r ? (await toLogs([r]))[0]! : null;
    },
    async putLog(l) {
      await w.put('handover_logs', { id: l.id, team_id: l.teamId, date: l.date, from_shift: l.fromShift, to_shift: l.toShift, to_date: l.toDate, written_by: l.writtenBy, written_at: l.writtenAt, sections: JSON.stringify(l.sections), acked_by: l.ackedBy, acked_at: l.ackedAt, corrections: JSON.stringify(l.corrections) });
    },
    async listAttendance(o) {
      const rows = await whereInScope(attendanceQ().where('attendance.date', '>=', o.from), o.scope, 'attendance').orderBy('attendance.date', 'desc').limit(2000).execute();
      return rows.map(toAttendance);
    },
    async listReleases(o) {
      const rows = await whereInScope(releaseQ().where('duty_releases.date', '>=', o.from), o.scope, 'duty_releases').orderBy('duty_releases.date', 'desc').limit(2000).execute();
      return rows.map(toRelease);
    },
    async listLogs(o) {
      const rows = await whereInScope(logQ().where('date', '>=', o.from), o.scope, 'handover_logs').orderBy('date', 'desc').orderBy('written_at', 'desc').limit(500).execute();
      return (await toLogs(rows)).map(({ row: _r, ...l }) => l);
    },
  };
}
