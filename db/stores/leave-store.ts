import type { Kysely } from 'kysely';
import type { LeavePort, LeaveRow } from '../../shared/leave/port';
import type { Certificate, Leave, LeaveStatus, LeaveType } from '../../shared/leave/schemas';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';

export function leaveStore(db: Kysely<Database>, w: Writer): LeavePort {
  const base = () =>
    db
      .selectFrom('leave_requests')
      .leftJoin('users as u', 'u.id', 'leave_requests.user_id')
      .leftJoin('users as f', 'f.id', 'leave_requests.filed_by')
      .selectAll('leave_requests')
      .select(['u.display_name as user_name', 'f.display_name as filed_by_name']);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toRow = (r: Row): LeaveRow => ({
    id: r.id,
    userId: r.user_id,
    teamId: r.team_id,
    type: r.type as LeaveType,
    fromDate: r.from_date,
    toDate: r.to_date,
    reason: r.reason,
    filedBy: r.filed_by,
    status: r.status as LeaveStatus,
    approvals: JSON.parse(r.approvals) as LeaveRow['approvals'],
    flags: JSON.parse(r.flags) as string[],
    certificate: r.certificate ? (JSON.parse(r.certificate) as Certificate) : null,
    decisionRules: JSON.parse(r.decision_rules) as string[],
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    actedOfflineAt: r.acted_offline_at ?? null,
  });
  const toLeave = (r: Row): Leave & { row: LeaveRow } => {
    const row = toRow(r);
    const { updatedAt: _u, certificate, ...rest } = row;
    return { ...rest, certificate: certificate ? { name: certificate.name, mime: certificate.mime, from: certificate.from, to: certificate.to } : null, userName: r.user_name ?? r.user_id, filedByName: r.filed_by_name ?? r.filed_by, synced: Number(r.version) > 0, row };
  };
  const open = ['requested', 'approved'];
  return {
    async addViolation(v) {
      await w.put('violations', { id: v.id, user_id: v.userId, team_id: v.teamId, date: v.date, kind: v.kind, minutes: v.minutes, note: v.note, rule_ids: JSON.stringify(v.ruleIds), recorded_by: v.recordedBy, created_at: v.createdAt });
    },
    async violations(o) {
      const q = whereInScope(db.selectFrom('violations').leftJoin('users', 'users.id', 'violations.user_id').selectAll('violations').select('users.display_name').where('violations.date', '>=', o.from), o.scope, 'violations');
      const rows = await q.orderBy('violations.date', 'desc').limit(500).execute();
      return rows.map((r) => ({ id: r.id, userId: r.user_id, userName: r.display_name ?? r.user_id, teamId: r.team_id, date: r.date, kind: r.kind as 'late' | 'away', minutes: Number(r.minutes), note: r.note, ruleIds: JSON.parse(r.rule_ids) as string[], recordedBy: r.recorded_by, createdAt: r.created_at }));
    },
    async get(id) {
      const r = await base().where('leave_requests.id', '=', id).executeTakeFirst();
      return r ? toLeave(r) : null;
    },
    async put(l) {
      await w.put('leave_requests', {
        id: l.id,
        user_id: l.userId,
        team_id: l.teamId,
        type: l.type,
        from_date: l.fromDate,
        to_date: l.toDate,
        reason: l.reason,
        filed_by: l.filedBy,
        status: l.status,
        approvals: JSON.stringify(l.approvals),
        flags: JSON.stringify(l.flags),
        certificate: l.certificate ? JSON.stringify(l.certificate) : null,
        decision_rules: JSON.stringify(l.decisionRules),
        note: l.note,
        created_at: l.createdAt,
        updated_at: l.updatedAt,
        acted_offline_at: l.actedOfflineAt,
      });
    },
    async overlapping(userId, from, to) {
      const rows = await db.selectFrom('leave_requests').select(['id', 'from_date', 'to_date']).where('user_id', '=', userId).where('status', 'in', open).where('from_date', '<=', to).where('to_date', '>=', from).execute();
      return rows.map((r) => ({ id: r.id, fromDate: r.from_date, toDate: r.to_date }));
    },
    async approvedBetween(o) {
      let q = db.selectFrom('leave_requests').select(['user_id', 'from_date', 'to_date']).where('status', '=', 'approved').where('from_date', '<=', o.to).where('to_date', '>=', o.from);
      if (o.teamId) q = q.where('team_id', '=', o.teamId);
      return (await q.execute()).map((r) => ({ userId: r.user_id, fromDate: r.from_date, toDate: r.to_date }));
    },
    async approvedOn(userId, date) {
      const r = await db.selectFrom('leave_requests').select('id').where('user_id', '=', userId).where('status', '=', 'approved').where('from_date', '<=', date).where('to_date', '>=', date).executeTakeFirst();
      return r !== undefined;
    },
    async list(o) {
      // The month's requests whole, then open ones outside it a page at a time (keyset on from_date, id): a
      // single capped list ordered by date let far-future requests push the month's out (#16 item 8).
      const month = o.after
        ? []
        : await whereInScope(base(), o.scope, 'leave_requests')
            .where((eb) => eb.and([eb('leave_requests.from_date', '<=', o.to), eb('leave_requests.to_date', '>=', o.from)]))
            .orderBy('leave_requests.from_date', 'desc').orderBy('leave_requests.id').execute();
      let open = whereInScope(base(), o.scope, 'leave_requests')
        .where('leave_requests.status', '=', 'requested')
        .where((eb) => eb.or([eb('leave_requests.from_date', '>', o.to), eb('leave_requests.to_date', '<', o.from)]));
      const after = o.after;
      if (after) open = open.where((eb) => eb.or([eb('leave_requests.from_date', '>', after.fromDate), eb.and([eb('leave_requests.from_date', '=', after.fromDate), eb('leave_requests.id', '>', after.id)])]));
      const rest = await open.orderBy('leave_requests.from_date').orderBy('leave_requests.id').limit(o.limit).execute();
      return [...month, ...rest].map(toLeave);
    },
  };
}
