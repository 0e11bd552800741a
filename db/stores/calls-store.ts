import { sql, type Kysely, type Selectable } from 'kysely';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';
import type { CallsPort } from '../../shared/calls/port';
import type { CallCategory, CallRecord } from '../../shared/calls/schemas';
import type { Database } from '../schema';

type CallRow = Selectable<Database['calls']> & { agent_name: string };

function toRecord(r: CallRow): CallRecord {
  return {
    id: r.id,
    agentId: r.agent_id,
    agentName: r.agent_name,
    teamId: r.team_id,
    customerPhone: r.customer_phone,
    customerName: r.customer_name,
    category: r.category as CallCategory,
    summary: r.summary,
    outcome: r.outcome,
    followUp: Number(r.follow_up) === 1,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    durationSec: Number(r.duration_sec),
    synced: Number(r.version) > 0,
  };
}

/** LIKE with the user's text taken literally (%, _ and \ escaped). */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function callsStore(db: Kysely<Database>, w: Writer): CallsPort {
  const withAgent = () =>
    db
      .selectFrom('calls')
      .leftJoin('users', 'users.id', 'calls.agent_id')
      .selectAll('calls')
      .select((eb) => eb.fn.coalesce('users.display_name', eb.val('')).as('agent_name'));

  return {
    async exists(id) {
      const row = await db.selectFrom('calls').select('id').where('id', '=', id).executeTakeFirst();
      return row !== undefined;
    },
    async insert(c) {
      await w.put('calls', {
          id: c.id,
          agent_id: c.agentId,
          team_id: c.teamId,
          customer_phone: c.customerPhone,
          customer_name: c.customerName,
          category: c.category,
          summary: c.summary,
          outcome: c.outcome,
          follow_up: c.followUp ? 1 : 0,
          started_at: c.startedAt,
          ended_at: c.endedAt,
          duration_sec: c.durationSec,
          created_at: c.createdAt,
      });
    },
    async get(id) {
      const row = await withAgent().where('calls.id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async list(query) {
      let qb = whereInScope(withAgent(), query.scope, 'calls')
        .where('calls.started_at', '>=', query.from)
        .where('calls.started_at', '<', query.to);
      if (query.q) {
        const p = likePattern(query.q.toLowerCase());
        // ESCAPE spelled out: PostgreSQL defaults to backslash, SQLite has no default escape.
        const like = (col: string) => sql<boolean>`lower(${sql.ref(col)}) like ${p} escape '\\'`;
        qb = qb.where((eb) =>
          eb.or([like('calls.customer_phone'), like('calls.customer_name'), like('calls.summary'), like('calls.outcome')]),
        );
      }
      const rows = await qb.orderBy('calls.started_at', 'desc').limit(query.limit).execute();
      return rows.map(toRecord);
    },
  };
}
