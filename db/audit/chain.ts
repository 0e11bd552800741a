import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';

export interface AuditEvent {
  at: string;
  actorId: string | null;
  action: string;
  subject: unknown;
  outcome: 'applied' | 'success' | 'failure';
  clientId: string | null;
}

/** Inputs keep what was acted on; secrets never enter the log, and a huge input is cut (it stays in its own tables). */
const SECRET = /password|token|certificate|dataBase64/i;
const MAX_SUBJECT = 4096;
export function auditSubject(input: unknown): string {
  const text = JSON.stringify(input ?? null, (k, v) => (SECRET.test(k) ? '[redacted]' : v));
  return text.length <= MAX_SUBJECT ? text : JSON.stringify({ truncated: true, head: text.slice(0, MAX_SUBJECT - 64) });
}

/** The hash of one entry: SHA-256 over the previous hash and the entry's fields in a fixed order. */
export function entryHash(prevHash: string, e: { seq: number; at: string; actor_id: string | null; action: string; subject: string; outcome: string; client_id: string | null }): string {
  const canonical = JSON.stringify([e.seq, e.at, e.actor_id, e.action, e.subject, e.outcome, e.client_id]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * Appends one entry at the end of the chain, inside the caller's transaction and through its writer (so it is
 * versioned and reaches the directors' desks). Server writers are serialised by the version row lock and a
 * standalone desk has one connection, so "the last entry" is stable for the transaction.
 */
export async function appendAudit(db: Kysely<Database>, w: Writer, e: AuditEvent): Promise<void> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const row = { seq, at: e.at, actor_id: e.actorId, action: e.action, subject: auditSubject(e.subject), outcome: e.outcome, client_id: e.clientId };
  const prev = last?.hash ?? '';
  await w.put('audit_log', { id: randomUUID(), ...row, prev_hash: prev, hash: entryHash(prev, row) });
}

/** Walks the chain held here in order: a changed entry fails its hash, a removed or reordered one its link. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<{ ok: boolean; checked: number; broken: { seq: number; reason: 'hash' | 'link' | 'gap' } | null }> {
  let prev = '';
  let expected = 1;
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(1000).execute();
    if (rows.length === 0) return { ok: true, checked, broken: null };
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) return { ok: false, checked, broken: { seq: expected, reason: 'gap' } };
      if (r.prev_hash !== prev) return { ok: false, checked, broken: { seq, reason: 'link' } };
      if (entryHash(prev, { ...r, seq }) !== r.hash) return { ok: false, checked, broken: { seq, reason: 'hash' } };
      prev = r.hash;
      expected++;
      checked++;
      after = seq;
    }
  }
}
