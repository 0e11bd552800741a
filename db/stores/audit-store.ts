import type { Kysely } from 'kysely';
import type { AuditPort } from '../../shared/audit/port';
import type { AuditEntry } from '../../shared/audit/schemas';
import type { Database } from '../schema';
import { verifyAuditChain } from '../audit/chain';

export function auditStore(db: Kysely<Database>): AuditPort {
  return {
    async list(f) {
      let q = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id').selectAll('audit_log').select('users.display_name');
      if (f.actorId) q = q.where('audit_log.actor_id', '=', f.actorId);
      if (f.action) q = q.where('audit_log.action', '=', f.action);
      if (f.from) q = q.where('audit_log.at', '>=', `${f.from}T00:00:00.000Z`);
      if (f.to) q = q.where('audit_log.at', '<', `${f.to}T23:59:59.999Z`);
      if (f.beforeSeq) q = q.where('audit_log.seq', '<', f.beforeSeq);
      const rows = await q.orderBy('audit_log.seq', 'desc').limit(f.limit).execute();
      return rows.map(
        (r): AuditEntry => ({
          id: r.id,
          seq: Number(r.seq),
          at: r.at,
          actorId: r.actor_id,
          actorName: r.display_name ?? r.actor_id ?? '',
          action: r.action,
          subject: JSON.parse(r.subject) as unknown,
          outcome: r.outcome as AuditEntry['outcome'],
          clientId: r.client_id,
          hash: r.hash,
        }),
      );
    },
    verify: () => verifyAuditChain(db),
  };
}
