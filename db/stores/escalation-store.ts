import { sql, type Kysely } from 'kysely';
import type { EscalationPort } from '../../shared/escalation/port';
import type { Escalation, EscalationCategory, EscalationLevel, EscalationStatus, FollowUp, TimelineEvent } from '../../shared/escalation/schemas';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';

export function escalationStore(db: Kysely<Database>, w: Writer): EscalationPort {
  const base = () => db.selectFrom('escalations').leftJoin('users as r', 'r.id', 'escalations.reporter_id').selectAll('escalations').select(['r.display_name as reporter_name']);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toEscalation = (r: Row): Escalation => ({
    id: r.id,
    reporterId: r.reporter_id,
    reporterName: r.reporter_name ?? r.reporter_id,
    reporterRole: r.reporter_role,
    teamId: r.team_id,
    category: r.category as EscalationCategory,
    summary: r.summary,
    proposal: r.proposal,
    callId: r.call_id,
    emergency: Number(r.emergency) === 1,
    status: r.status as EscalationStatus,
    holderLevel: r.holder_level as EscalationLevel,
    holderId: r.holder_id,
    levelSince: r.level_since,
    timeline: JSON.parse(r.timeline) as TimelineEvent[],
    followUps: JSON.parse(r.follow_ups) as FollowUp[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    actedOfflineAt: r.acted_offline_at ?? null,
    synced: Number(r.version) > 0,
  });
  return {
    async get(id) {
      const r = await base().where('escalations.id', '=', id).executeTakeFirst();
      return r ? toEscalation(r) : null;
    },
    async put(e) {
      await w.put('escalations', {
        id: e.id,
        reporter_id: e.reporterId,
        reporter_role: e.reporterRole,
        team_id: e.teamId,
        category: e.category,
        summary: e.summary,
        proposal: e.proposal,
        call_id: e.callId,
        emergency: e.emergency ? 1 : 0,
        status: e.status,
        holder_level: e.holderLevel,
        holder_id: e.holderId,
        level_since: e.levelSince,
        timeline: JSON.stringify(e.timeline),
        follow_ups: JSON.stringify(e.followUps),
        created_at: e.createdAt,
        updated_at: e.updatedAt,
        acted_offline_at: e.actedOfflineAt,
      });
    },
    async list(scope) {
      return (await whereInScope(base(), scope, 'escalations').orderBy('escalations.created_at', 'desc').orderBy('escalations.id').execute()).map(toEscalation);
    },
    async page(scope, o) {
      // Live = open, or a follow-up not yet recorded (stored as JSON text; JSON.stringify writes "done":null).
      const live = sql<boolean>`(escalations.status = 'open' or escalations.follow_ups like '%"done":null%')`;
      let q = whereInScope(base(), scope, 'escalations');
      if (o.status !== 'any') q = q.where('escalations.status', '=', o.status);
      const newest = <T extends typeof q>(x: T) => x.orderBy('escalations.created_at', 'desc').orderBy('escalations.id');
      const settled = q.where(sql<boolean>`not ${live}`);
      const after = o.after;
      const rest = await newest(after ? settled.where((eb) => eb.or([eb('escalations.created_at', '<', after.createdAt), eb.and([eb('escalations.created_at', '=', after.createdAt), eb('escalations.id', '>', after.id)])])) : settled)
        .limit(o.limit)
        .execute();
      const first = after ? [] : await newest(q.where(live)).execute();
      return [...first, ...rest].map(toEscalation);
    },
  };
}
