import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Actor } from '../../shared/auth/roles';
import { emptyPatch, type PullResponse } from '../../shared/sync/protocol';
import { syncScopeOf } from '../../shared/sync/scope';
import { syncWindows, WINDOW_POLICY_KEY } from '../../shared/sync/windows';
import { whereInScope } from '../../db/sync/scope-sql';
import type { Database } from '../../db/schema';
import { publicRow } from '../../db/sync/rows';
import { storedError } from '../../db/sync/logged-error';
import { SYNCED_TABLE_NAMES, type Row, type SyncedTable } from '../../db/sync/synced-tables';
import { PushRefused } from './push';
import { currentVersion } from './versions';

type AnyDb = Kysely<Record<string, Row>>;

/**
 * `<version>|<scope key>`, and while a sequence of pages is under way `|<total>`: the rows the sequence was
 * counted to deliver on its first page, so later pages cost O(page) instead of counting the rest again.
 */
export function parseCookie(cookie: string | null): { version: number; scopeKey: string; total: number | null } | null {
  if (!cookie) return null;
  const [v, scopeKey, t] = cookie.split('|');
  const version = Number(v);
  const total = t === undefined ? null : Number(t);
  if (!scopeKey || !Number.isInteger(version) || version < 0) return null;
  return { version, scopeKey, total: total !== null && Number.isInteger(total) && total >= 0 ? total : null };
}

/**
 * The synced tables with any row (anyone's) written in (since, head], in one statement of index probes: a
 * desk's pull after its own push asked all ~40 tables for rows and counts (~80 statements, the server's
 * busiest work under many desks, #16); the others would answer nothing, so they are not asked.
 */
async function tablesWritten(tx: Kysely<Database>, since: number, head: number): Promise<SyncedTable[]> {
  if (since >= head) return [];
  const probes = SYNCED_TABLE_NAMES.map((t) => sql`select ${t}::text as t where exists (select 1 from ${sql.table(t)} where version > ${since} and version <= ${head})`);
  const found = await sql<{ t: string }>`${sql.join(probes, sql` union all `)}`.execute(tx);
  const written = new Set(found.rows.map((r) => r.t));
  return SYNCED_TABLE_NAMES.filter((t) => written.has(t));
}

/**
 * Everything in the user's scope written after the cookie's version, oldest first, at most `limit`
 * rows but never splitting one commit's rows across pages, and of the tables that grow with history only the
 * rows inside their time window (shared/sync/windows.ts). A cookie from another scope (the user
 * changed team or role) starts over with `reset`, so rows that left the scope leave the desk too.
 */
export async function processPull(
  db: Kysely<Database>,
  actor: Actor,
  req: { clientId: string; cookie: string | null; sinceMutationId: number; limit: number },
  now: Date,
): Promise<PullResponse> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const client = await tx.selectFrom('sync_clients').select(['user_id', 'last_mutation_id']).where('client_id', '=', req.clientId).executeTakeFirst();
      if (client && client.user_id !== actor.userId) throw new PushRefused(403, { code: 'forbidden', message: 'This client id belongs to another user' });
      // From now on this desk knows the server's state and clock: its acts cannot be judged as earlier.
      await tx
        .insertInto('sync_clients')
        .values({ client_id: req.clientId, user_id: actor.userId, last_mutation_id: 0, updated_at: now.toISOString(), last_pull_at: now.toISOString() })
        .onConflict((oc) => oc.column('client_id').doUpdateSet({ last_pull_at: now.toISOString() }))
        .execute();
      const scope = syncScopeOf(actor);
      // The window policy is part of what a desk holds: a cookie from another policy starts over.
      const scopeKey = `${scope.key}~${WINDOW_POLICY_KEY}`;
      const windows = syncWindows(now);
      const windowOf = new Map(windows.map((w) => [w.table, w]));
      const parsed = parseCookie(req.cookie);
      const reset = !parsed || parsed.scopeKey !== scopeKey;
      const since = reset ? 0 : parsed.version;
      const head = await currentVersion(tx);

      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table's query builder
      const inWindow = <Q extends SelectQueryBuilder<any, any, any>>(table: SyncedTable, qb: Q): Q => {
        const w = windowOf.get(table);
        return (w ? qb.where(w.column, '>=', w.from) : qb) as Q;
      };
      const base = (table: SyncedTable) => inWindow(table, whereInScope((tx as unknown as AnyDb).selectFrom(table).where('version', '>', since).where('version', '<=', head), scope[table]));
      const tables = await tablesWritten(tx, since, head);
      const candidates: { table: SyncedTable; row: Row; version: number }[] = [];
      for (const table of tables) {
        const rows = await base(table).selectAll().orderBy('version').limit(req.limit + 1).execute();
        for (const row of rows) candidates.push({ table, row, version: Number(row.version) });
      }
      // Counted once per sequence (its first page), then carried in the cookie: counting the rest on every
      // page made a large first sync O(N²). Commits landing mid-sequence are not in it (the desk clamps).
      let total = !reset && parsed.total !== null ? parsed.total : 0;
      if (reset || parsed.total === null)
        for (const table of tables) {
          const counted = await base(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
          total += Number(counted?.n ?? 0);
        }
      candidates.sort((a, b) => a.version - b.version);
      let page = candidates.slice(0, req.limit);
      let more = candidates.length > req.limit;
      let upTo = head;
      if (more) {
        const lastVersion = page[page.length - 1]!.version;
        const whole = page.filter((c) => c.version < lastVersion);
        if (whole.length > 0) page = whole;
        else {
          // A single commit larger than the page is sent whole rather than split: fetch all of it.
          page = [];
          for (const table of tables) {
            const rows = await inWindow(table, whereInScope((tx as unknown as AnyDb).selectFrom(table).where('version', '=', lastVersion), scope[table])).selectAll().execute();
            for (const row of rows) page.push({ table, row, version: lastVersion });
          }
        }
        upTo = page[page.length - 1]!.version;
        more = upTo < head;
      }
      const patch = emptyPatch();
      for (const c of page) patch[c.table].push(publicRow(c.table, c.row));

      const rejected = await tx
        .selectFrom('mutation_log')
        .selectAll()
        .where('client_id', '=', req.clientId)
        .where('status', '=', 'rejected')
        .where('id', '>', req.sinceMutationId)
        .orderBy('id')
        .execute();
      return {
        cookie: more ? `${upTo}|${scopeKey}|${total}` : `${upTo}|${scopeKey}`,
        reset,
        lastMutationId: Number(client?.last_mutation_id ?? 0),
        patch,
        rejections: rejected.map((r) => ({
          mutationId: Number(r.id),
          name: r.name,
          args: JSON.parse(r.args) as unknown,
          actedAt: r.acted_at,
          error: storedError(r),
        })),
        more,
        total,
        windows,
        serverTime: now.toISOString(),
      };
    });
}
