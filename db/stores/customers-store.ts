import { sql, type Kysely } from 'kysely';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';
import type { CustomersPort } from '../../shared/customers/port';
import type { ValueTag } from '../../shared/customers/schemas';
import type { Database } from '../schema';

/** LIKE with the user's text taken literally (%, _ and \ escaped). */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function customersStore(db: Kysely<Database>, w: Writer): CustomersPort {
  const tagOf = (r: { id: string; value_tag: string; tagged_by: string; tagged_at: string }) => ({ key: r.id, tag: r.value_tag as ValueTag, taggedBy: r.tagged_by, taggedAt: r.tagged_at });
  return {
    async directory(o) {
      let calls = whereInScope(db.selectFrom('calls'), o.callScope, 'calls').where('calls.phone_key', '!=', '');
      if (o.q) {
        const p = likePattern(o.q);
        calls = calls.where((eb) => eb.or([sql<boolean>`lower(calls.customer_phone) like ${p} escape '\\'`, sql<boolean>`lower(calls.customer_name) like ${p} escape '\\'`]));
      }
      const grouped = calls.select((eb) => ['calls.phone_key as key', eb.fn.countAll<number | string | bigint>().as('n'), eb.fn.max('calls.started_at').as('last')]).groupBy('calls.phone_key');
      const [page, count] = await Promise.all([
        grouped.orderBy('last', 'desc').orderBy('key').limit(o.limit).offset(o.offset).execute(),
        db.selectFrom(grouped.as('g')).select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirst(),
      ]);
      const items = [];
      // A page is at most 200 customers: one look-up each for the latest call and tag keeps the SQL portable.
      for (const g of page) {
        const latest = await whereInScope(db.selectFrom('calls'), o.callScope, 'calls')
          .select(['calls.id', 'calls.customer_phone', 'calls.customer_name'])
          .where('calls.phone_key', '=', g.key)
          .orderBy('calls.started_at', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow();
        const named = latest.customer_name
          ? latest.customer_name
          : ((await whereInScope(db.selectFrom('calls'), o.callScope, 'calls').select('calls.customer_name').where('calls.phone_key', '=', g.key).where('calls.customer_name', '!=', '').orderBy('calls.started_at', 'desc').limit(1).executeTakeFirst())?.customer_name ?? '');
        const tag = await db.selectFrom('customers').select('value_tag').where('id', '=', g.key).executeTakeFirst();
        items.push({ key: g.key, calls: Number(g.n), lastCallAt: String(g.last), ref: latest.id, phone: latest.customer_phone, name: named, valueTag: (tag?.value_tag as ValueTag | undefined) ?? null });
      }
      return { items, total: Number(count?.n ?? 0) };
    },
    async known(scope, key) {
      return (await whereInScope(db.selectFrom('calls'), scope, 'calls').select('calls.id').where('calls.phone_key', '=', key).limit(1).executeTakeFirst()) !== undefined;
    },
    async tag(key) {
      const r = await db.selectFrom('customers').selectAll().where('id', '=', key).executeTakeFirst();
      return r ? tagOf(r) : null;
    },
    async putTag(t) {
      await w.put('customers', { id: t.key, value_tag: t.tag, tagged_by: t.taggedBy, tagged_at: t.taggedAt });
    },
    async tags() {
      return (await db.selectFrom('customers').selectAll().orderBy('id').execute()).map(tagOf);
    },
    async putReveal(r) {
      await w.put('customer_reveals', { id: r.id, call_id: r.callId, actor_id: r.actorId, reason: r.reason, at: r.at });
    },
    async reveals(scope) {
      const rows = await whereInScope(db.selectFrom('customer_reveals').selectAll(), scope, 'customer_reveals').orderBy('at', 'desc').limit(1000).execute();
      return rows.map((r) => ({ id: r.id, callId: r.call_id, actorId: r.actor_id, reason: r.reason, at: r.at }));
    },
  };
}
