import type { Kysely } from 'kysely';
import type { HelpPort } from '../../shared/escalation/port';
import type { Help, HelpStatus } from '../../shared/escalation/help';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';

export function helpStore(db: Kysely<Database>, w: Writer): HelpPort {
  const base = () => db.selectFrom('help_requests').leftJoin('users as a', 'a.id', 'help_requests.agent_id').selectAll('help_requests').select(['a.display_name as agent_name']);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toHelp = (r: Row): Help => ({
    id: r.id,
    agentId: r.agent_id,
    agentName: r.agent_name ?? r.agent_id,
    teamId: r.team_id,
    callId: r.call_id,
    note: r.note,
    status: r.status as HelpStatus,
    leadId: r.lead_id,
    answeredAt: r.answered_at,
    closedNote: r.closed_note,
    reportId: r.report_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    synced: Number(r.version) > 0,
  });
  return {
    async get(id) {
      const r = await base().where('help_requests.id', '=', id).executeTakeFirst();
      return r ? toHelp(r) : null;
    },
    async put(h) {
      await w.put('help_requests', {
        id: h.id,
        agent_id: h.agentId,
        team_id: h.teamId,
        call_id: h.callId,
        note: h.note,
        status: h.status,
        lead_id: h.leadId,
        answered_at: h.answeredAt,
        closed_note: h.closedNote,
        report_id: h.reportId,
        created_at: h.createdAt,
        updated_at: h.updatedAt,
      });
    },
    async list(scope) {
      return (await whereInScope(base(), scope, 'help_requests').orderBy('help_requests.created_at', 'desc').orderBy('help_requests.id').execute()).map(toHelp);
    },
  };
}
