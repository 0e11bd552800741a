import { createHash } from 'node:crypto';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Actor } from '../../shared/auth/roles';
import { emptyPatch, MAX_COOKIE_CHARS, type PullResponse } from '../../shared/sync/protocol';
import { syncScopeOf } from '../../shared/sync/scope';
import { syncWindows, WINDOW_POLICY_KEY } from '../../shared/sync/windows';
import { whereInScope } from '../../db/sync/scope-sql';
import type { Database } from '../../db/schema';
import { publicRow } from '../../db/sync/rows';
import { storedError } from '../../db/sync/logged-error';
import { SYNCED_TABLES, SYNCED_TABLE_NAMES, type Row, type SyncedTable } from '../../db/sync/synced-tables';
import { PushRefused } from './push';
import { currentVersion } from './versions';

type AnyDb = Kysely<Record<string, Row>>;

/**
 * `<version>|<scope key>`, and while a sequence of pages is under way `|<total>|<floors>`: the rows the sequence
 * was counted to deliver on its first page, so later pages cost O(page) instead of counting the rest again, and
 * per table (by its index in SYNCED_TABLE_NAMES, `i.v,…` in base 36) the version of its next row as the last page
 * found it, after a tag of the table list (`<tag>:`): table indexes shift when a table is added, so floors from a
 * server with another list (an upgrade or a rolling deploy in mid-sequence) are ignored, never applied to the
 * wrong table. Floors only save work, so they are cut to keep the cookie within what a pull request may carry.
 */
const TABLES_TAG = createHash('sha256').update(SYNCED_TABLE_NAMES.join(',')).digest('hex').slice(0, 6);

export interface PullCookie {
  version: number;
  scopeKey: string;
  total: number | null;
  floors: ReadonlyMap<number, number>;
}

export function parseCookie(cookie: string | null): PullCookie | null {
  if (!cookie) return null;
  const [v, scopeKey, t, f] = cookie.split('|');
  const version = Number(v);
  const total = t === undefined ? null : Number(t);
  if (!scopeKey || !Number.isInteger(version) || version < 0) return null;
  const floors = new Map<number, number>();
  const tagged = f?.startsWith(`${TABLES_TAG}:`) ? f.slice(TABLES_TAG.length + 1) : '';
  for (const pair of tagged ? tagged.split(',') : []) {
    const [i, fv] = pair.split('.').map((x) => (/^[0-9a-z]{1,11}$/.test(x) ? parseInt(x, 36) : NaN));
    if (i! < SYNCED_TABLE_NAMES.length && Number.isSafeInteger(fv)) floors.set(i!, fv!);
  }
  return { version, scopeKey, total: total !== null && Number.isInteger(total) && total >= 0 ? total : null, floors };
}

/** The floors still ahead of the page, furthest first (they skip the most), as many as the cookie has room for. */
export function withFloors(prefix: string, floors: ReadonlyMap<number, number>, upTo: number): string {
  let out = `${prefix}${TABLES_TAG}:`;
  for (const [i, v] of [...floors].filter(([, v]) => v > upTo + 1).sort((a, b) => b[1] - a[1])) {
    const pair = `${out.endsWith(':') ? '' : ','}${i.toString(36)}.${v.toString(36)}`;
    if (out.length + pair.length > MAX_COOKIE_CHARS) break;
    out += pair;
  }
  return out;
}

/**
 * The synced tables with any row (anyone's) written in (since, head], in one statement of index probes: a
 * desk's pull after its own push would otherwise ask all ~40 tables (#16); the others would answer nothing.
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
      // A table's floor: its next row in scope and window as an earlier page of this sequence found it. Nothing of
      // it lay between that page's cookie and the floor, and everything written since is newer than that page's
      // head, so reading starts there instead of walking again, page after page, past the versions of rows
      // outside the window (the eleven months of calls before the month a desk holds).
      const floors = new Map(reset ? [] : parsed.floors);
      const after = (i: number) => Math.max(since, (floors.get(i) ?? 0) - 1);
      const base = (table: SyncedTable, i = SYNCED_TABLE_NAMES.indexOf(table)) =>
        inWindow(table, whereInScope((tx as unknown as AnyDb).selectFrom(table).where('version', '>', after(i)).where('version', '<=', head), scope[table]));
      // Counted once per sequence (its first page), in one statement, then carried in the cookie: counting the
      // rest on every page made a large first sync O(N²). Commits landing mid-sequence are not in it (the desk clamps).
      // Only tables with any row written in (since, head] can have something for this page (a desk's pull
      // after its own push finds one or two): one statement of index probes, and nothing at all when up to date.
      const written = await tablesWritten(tx, since, head);
      let total = !reset && parsed.total !== null ? parsed.total : 0;
      if ((reset || parsed.total === null) && written.length > 0) {
        const counts = (await tx
          .selectNoFrom((eb) => written.map((t) => base(t).select(eb.fn.countAll().as('n')).as(t)))
          .executeTakeFirstOrThrow()) as Record<string, unknown>;
        for (const t of written) total += Number(counts[t] ?? 0);
      }
      // Every table's next version, in one statement: a table with none is left out of the page's read (one round
      // trip per synced table before, most of them empty), one whose next row lies beyond the page keeps it as floor.
      const nextOf =
        written.length === 0
          ? {}
          : ((await tx
              .selectNoFrom(() => written.map((t) => base(t).select('version').orderBy('version').limit(1).as(t)))
              .executeTakeFirstOrThrow()) as Record<string, unknown>);
      floors.clear();
      const live = SYNCED_TABLE_NAMES.flatMap((t, i) => {
        if (nextOf[t] === null || nextOf[t] === undefined) return [];
        floors.set(i, Number(nextOf[t]));
        return [{ t, i }];
      });
      // The page's keys in one statement: those tables' next keys by version (each on its own index), merged in
      // version order; then the rows themselves, only of the tables in the page (not limit rows from each).
      const heads = live.map(
        ({ t, i }) => sql`(${base(t, i).select([sql.lit(i).as('t'), sql<string>`cast(${sql.ref(SYNCED_TABLES[t].pk)} as text)`.as('k'), 'version']).orderBy('version').limit(req.limit + 1)})`,
      );
      const next =
        heads.length === 0
          ? []
          : (
              await sql<{ t: number; k: string; version: number | string }>`select t, k, version from (${sql.join(heads, sql` union all `)}) next order by version limit ${req.limit + 1}`.execute(tx)
            ).rows.map((r) => ({ table: SYNCED_TABLE_NAMES[Number(r.t)]!, key: r.k, version: Number(r.version) }));
      let chosen = next.slice(0, req.limit);
      let more = next.length > req.limit;
      let upTo = head;
      const page: { table: SyncedTable; row: Row; version: number }[] = [];
      if (more) {
        const lastVersion = chosen[chosen.length - 1]!.version;
        chosen = chosen.filter((c) => c.version < lastVersion);
        if (chosen.length === 0) {
          // A single commit larger than the page is sent whole rather than split: fetch all of it.
          for (const table of SYNCED_TABLE_NAMES) {
            const rows = await inWindow(table, whereInScope((tx as unknown as AnyDb).selectFrom(table).where('version', '=', lastVersion), scope[table])).selectAll().execute();
            for (const row of rows) page.push({ table, row, version: lastVersion });
          }
        }
        upTo = chosen.length > 0 ? chosen[chosen.length - 1]!.version : lastVersion;
        more = upTo < head;
      }
      const byTable = new Map<SyncedTable, string[]>();
      for (const c of chosen) {
        const keys = byTable.get(c.table);
        if (keys) keys.push(c.key);
        else byTable.set(c.table, [c.key]);
      }
      for (const [table, keys] of byTable) {
        // Scope and window again, so a key can never bring in a row the person may not hold.
        const rows = await base(table).selectAll().where(SYNCED_TABLES[table].pk, 'in', keys).orderBy('version').execute();
        for (const row of rows) page.push({ table, row, version: Number(row.version) });
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
        cookie: more ? withFloors(`${upTo}|${scopeKey}|${total}|`, floors, upTo) : `${upTo}|${scopeKey}`,
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
