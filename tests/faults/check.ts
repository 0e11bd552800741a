import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { SYNCED_TABLES, SYNCED_TABLE_NAMES, type SyncedTable } from '../../shared/sync/registry';
import { syncScopeOf } from '../../shared/sync/scope';
import type { Actor } from '../../shared/auth/roles';
import { whereInScope } from '../../db/sync/scope-sql';
import type { Database } from '../../db/schema';
import { findActiveActor } from '../../db/stores/users-store';
import type { Central } from './central';

/** One synced table's rows by primary key, each as canonical JSON of its public columns. */
export type TableRows = Map<string, string>;
export type Replica = Record<SyncedTable, TableRows>;

function norm(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  // Numeric text from a bigint column on one side and a number on the other are the same value.
  return v;
}

export function canon(table: SyncedTable, row: Record<string, unknown>): string {
  const hidden: readonly string[] = SYNCED_TABLES[table].privateColumns;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(row).sort()) if (!hidden.includes(k)) out[k] = k === 'version' ? Number(row[k]) : norm(row[k]);
  return JSON.stringify(out);
}

function emptyReplica(): Replica {
  return Object.fromEntries(SYNCED_TABLE_NAMES.map((t) => [t, new Map()])) as unknown as Replica;
}

/** What a desk's database holds now, read from its file beside the running desk (WAL: readers do not block it). */
export function readDeskReplica(dbFile: string): Replica {
  const raw = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  try {
    raw.pragma('busy_timeout = 5000');
    const out = emptyReplica();
    for (const t of SYNCED_TABLE_NAMES) {
      const pk = SYNCED_TABLES[t].pk;
      for (const row of raw.prepare(`select * from ${t}`).all() as Record<string, unknown>[]) out[t].set(String(row[pk]), canon(t, row));
    }
    return out;
  } finally {
    raw.close();
  }
}

export interface DeskLedger {
  outbox: number;
  inbox: { clientId: string; mutationId: number; name: string; args: Record<string, unknown>; ruleIds: string[]; code: string; dismissed: boolean }[];
  clientIds: Record<string, string>;
}

/** The desk's own sync bookkeeping: what waits, what the server refused. */
export function readDeskLedger(dbFile: string): DeskLedger {
  const raw = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  try {
    raw.pragma('busy_timeout = 5000');
    const outbox = (raw.prepare('select count(*) as n from outbox').get() as { n: number }).n;
    const inbox = (raw.prepare('select * from attention_inbox').all() as Record<string, unknown>[]).map((r) => ({
      clientId: String(r.client_id),
      mutationId: Number(r.mutation_id),
      name: String(r.name),
      args: JSON.parse(String(r.args)) as Record<string, unknown>,
      ruleIds: r.rule_ids ? (JSON.parse(String(r.rule_ids)) as string[]) : [],
      code: String(r.code),
      dismissed: r.dismissed_at !== null,
    }));
    const clientIds = Object.fromEntries(
      (raw.prepare("select key, value from zb_meta where key like 'client:%'").all() as { key: string; value: string }[]).map((r) => [r.key.slice('client:'.length), r.value]),
    );
    return { outbox, inbox, clientIds };
  } finally {
    raw.close();
  }
}

/**
 * The person's scope as the running server gives it to a desk that starts from nothing: a pull with no cookie,
 * page by page, under a client id of the harness's own (one per person, so it never touches a desk's).
 */
const harnessClients = new Map<string, string>();
export async function freshPull(central: Central, token: string, who: string): Promise<Replica> {
  let clientId = harnessClients.get(who);
  if (!clientId) harnessClients.set(who, (clientId = randomUUID()));
  const out = emptyReplica();
  let cookie: string | null = null;
  for (let page = 0; page < 100; page++) {
    const r = await central.post('/api/sync/pull', { clientId, cookie, sinceMutationId: 0, limit: 5000 }, token);
    if (r.status !== 200) throw new Error(`fresh pull for ${who}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    const body = r.body as { cookie: string; more: boolean; patch: Record<SyncedTable, Record<string, unknown>[]> };
    for (const t of SYNCED_TABLE_NAMES) for (const row of body.patch[t] ?? []) out[t].set(String(row[SYNCED_TABLES[t].pk]), canon(t, row));
    if (!body.more || body.cookie === cookie) break;
    cookie = body.cookie;
  }
  return out;
}

/** The person's scope read straight from the server's tables with shared/sync/scope.ts and db/sync/scope-sql.ts. */
export async function scopeFromDb(db: Kysely<Database>, userId: string): Promise<{ actor: Actor; rows: Replica }> {
  const actor = await findActiveActor(db, userId);
  if (!actor) throw new Error(`no active ${userId} on the server`);
  const scope = syncScopeOf(actor);
  const out = emptyReplica();
  for (const t of SYNCED_TABLE_NAMES) {
    const pk = SYNCED_TABLES[t].pk;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic over every synced table
    const rows = (await whereInScope((db as unknown as Kysely<any>).selectFrom(t).selectAll(), scope[t]).execute()) as Record<string, unknown>[];
    for (const row of rows) out[t].set(String(row[pk]), canon(t, row));
  }
  return { actor, rows: out };
}

export interface ReplicaDiff {
  table: SyncedTable;
  missing: string[];
  extra: string[];
  differ: { pk: string; desk: string; server: string }[];
}

export function diffReplicas(desk: Replica, server: Replica): ReplicaDiff[] {
  const out: ReplicaDiff[] = [];
  for (const t of SYNCED_TABLE_NAMES) {
    const d = desk[t];
    const s = server[t];
    const missing = [...s.keys()].filter((k) => !d.has(k));
    const extra = [...d.keys()].filter((k) => !s.has(k));
    const differ = [...s.keys()].filter((k) => d.has(k) && d.get(k) !== s.get(k)).map((pk) => ({ pk, desk: d.get(pk)!, server: s.get(pk)! }));
    if (missing.length || extra.length || differ.length) out.push({ table: t, missing, extra, differ });
  }
  return out;
}

export function describeDiff(diffs: ReplicaDiff[]): string {
  return diffs
    .map((d) => {
      const parts = [`${d.table}:`];
      if (d.missing.length) parts.push(`${d.missing.length} missing on the desk (${d.missing.slice(0, 3).join(', ')})`);
      if (d.extra.length) parts.push(`${d.extra.length} only on the desk (${d.extra.slice(0, 3).join(', ')})`);
      for (const x of d.differ.slice(0, 2)) parts.push(`row ${x.pk} differs: desk ${x.desk.slice(0, 400)} server ${x.server.slice(0, 400)}`);
      if (d.differ.length > 2) parts.push(`…${d.differ.length} rows differ`);
      return parts.join(' ');
    })
    .join('; ');
}
