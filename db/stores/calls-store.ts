import { sql, type Kysely, type Selectable } from 'kysely';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';
import type { CallsPort } from '../../shared/calls/port';
import type { CallCategory, CallRecord } from '../../shared/calls/schemas';
import type { Database } from '../schema';
import type { CallFilterQuery } from '../../shared/calls/port';
import { callAllPg, callGramsPg, callNotesPg, callWhoPg, isPostgres, MAX_GRAM_CHARS, MIN_INDEXED_CHARS } from '../search/call-text';

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

  const pg = isPostgres(db);
  /**
   * Whether a one- or two-character query goes through the grams index (migration 035): the index exists, and
   * the search is narrowed (scope, filters) or the planner's statistics do not call the text common
   * (COMMON_GRAM_SHARE of calls or more). A common one, unfiltered over the whole center,
   * fills a page and the capped count within a few thousand calls walked newest first, which beat the index's
   * bitmap and sort over a million calls (128 vs 258 ms p95 for a word in 8 %; docs/BENCHMARKS.md). One
   * catalog query per such search (the store is made per transaction); a database without the index walks.
   */
  const gramsFor = async (f: CallFilterQuery) => {
    const lq = f.q ? f.q.toLowerCase() : '';
    const n = [...lq].length;
    if (!pg || n === 0 || n > MAX_GRAM_CHARS) return false;
    const index = f.textOnly === true ? 'calls_notes_grams' : 'calls_text_grams';
    const r = await sql<{ ok: boolean; share: number | null }>`
      select to_regclass(${index}) is not null as ok,
             (select u.f from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u(e, f)
              where s.schemaname = current_schema() and s.tablename = ${index} and u.e = ${lq} limit 1) as share`.execute(db);
    const row = r.rows[0];
    if (row?.ok !== true) return false;
    // Only an unfiltered walk over the whole center finds a common text that fast: a team's scope or a filter
    // thins the matches out (team + complaint + follow-up + 投诉: 1 056 ms walked, 201 ms through the index).
    const narrowed = f.scope.kind !== 'all' || f.agentId || f.teamId || f.category || f.followUp !== 'any' || f.outcome;
    return Boolean(narrowed) || Number(row.share ?? 0) < COMMON_GRAM_SHARE;
  };
  /** The history's filters over the reader's scope, and after a cursor when paging by keys. */
  const filtered = (f: CallFilterQuery, grams = false) => {
    let qb = whereInScope(withAgent(), f.scope, 'calls').where('calls.started_at', '>=', f.from).where('calls.started_at', '<', f.to);
    if (f.after) {
      const a = f.after;
      // The bound on started_at alone lets the (started_at, id) index range-scan; the OR settles ties.
      qb = qb.where('calls.started_at', '<=', a.startedAt).where((eb) => eb.or([eb('calls.started_at', '<', a.startedAt), eb.and([eb('calls.started_at', '=', a.startedAt), eb('calls.id', '<', a.id)])]));
    }
    if (f.agentId) qb = qb.where('calls.agent_id', '=', f.agentId);
    if (f.teamId) qb = qb.where('calls.team_id', '=', f.teamId);
    if (f.category) qb = qb.where('calls.category', '=', f.category);
    if (f.followUp !== 'any') qb = qb.where('calls.follow_up', '=', f.followUp === 'yes' ? 1 : 0);
    if (f.outcome) qb = qb.where(like('calls.outcome', f.outcome));
    if (f.q) {
      const q = f.q;
      if (pg) qb = qb.where(textPg(q, f.textOnly === true, grams));
      else {
        const indexed = ftsCandidates(q);
        if (indexed) qb = qb.where(indexed);
        // The exact test decides: FTS5 folds case wider than lower(), and a masked reader's words skip number and name.
        qb = qb.where((eb) => eb.or((f.textOnly ? TEXT_ONLY : SEARCHED).map((col) => like(col, q))));
      }
    }
    return qb;
  };

  return {
    async exists(id) {
      const row = await db.selectFrom('calls').select('id').where('id', '=', id).executeTakeFirst();
      return row !== undefined;
    },
    async insert(c) {
      // One statement: a pushed calls.log was exists + insert, under the server's version lock (#16).
      return w.insertNew('calls', {
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
          phone_key: c.phoneKey,
      });
    },
    async get(id, scope) {
      const row = await (scope ? whereInScope(withAgent(), scope, 'calls') : withAgent()).where('calls.id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async list(query) {
      let qb = whereInScope(withAgent(), query.scope, 'calls')
        .where('calls.started_at', '>=', query.from)
        .where('calls.started_at', '<', query.to);
      if (query.q) qb = qb.where((eb) => eb.or((query.textOnly ? TEXT_ONLY : SEARCHED).map((col) => like(col, query.q))));
      const rows = await qb.orderBy('calls.started_at', 'desc').limit(query.limit).execute();
      return rows.map(toRecord);
    },
    async page(f) {
      const qb = filtered(f, await gramsFor(f));
      const [rows, count] = await Promise.all([
        // id breaks ties, so pages never repeat or skip a call that shares its start second with another.
        qb.orderBy('calls.started_at', 'desc').orderBy('calls.id', 'desc').limit(f.limit).offset(f.offset).execute(),
        qb.clearSelect().select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirst(),
      ]);
      return { items: rows.map(toRecord), total: Number(count?.n ?? 0) };
    },
    async search(f) {
      const qb = filtered(f, await gramsFor(f));
      // One more than a page tells whether another follows; the count stops at a cap (a count of every match
      // of a common word over a million calls is the slow part, and "more than 1 000" is all a reader needs).
      const [rows, count] = await Promise.all([
        qb.orderBy('calls.started_at', 'desc').orderBy('calls.id', 'desc').limit(f.limit + 1).execute(),
        db
          // In time order: the walk stays inside the date range on its index instead of scanning the table.
          .selectFrom(qb.clearSelect().select('calls.id').orderBy('calls.started_at', 'desc').orderBy('calls.id', 'desc').limit(f.countCap + 1).as('m'))
          .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
          .executeTakeFirst(),
      ]);
      const items = rows.slice(0, f.limit).map(toRecord);
      const last = items[items.length - 1];
      const n = Number(count?.n ?? 0);
      return { items, next: rows.length > f.limit && last ? { startedAt: last.startedAt, id: last.id } : null, total: Math.min(n, f.countCap), capped: n > f.countCap };
    },
    async facts(o) {
      const rows = await whereInScope(db.selectFrom('calls'), o.scope, 'calls')
        .select(['calls.category', 'calls.started_at', 'calls.follow_up'])
        .where('calls.started_at', '>=', o.from)
        .where('calls.started_at', '<', o.to)
        .execute();
      return rows.map((r) => ({ category: r.category as CallCategory, startedAt: r.started_at, followUp: Number(r.follow_up) === 1 }));
    },
    async byPhoneKey(o) {
      let qb = whereInScope(withAgent(), o.scope, 'calls').where('calls.phone_key', '=', o.key);
      if (o.excludeId) qb = qb.where('calls.id', '!=', o.excludeId);
      const [rows, count] = await Promise.all([
        qb.orderBy('calls.started_at', 'desc').limit(o.limit).execute(),
        qb.clearSelect().select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirst(),
      ]);
      return { items: rows.map(toRecord), total: Number(count?.n ?? 0) };
    },
  };
}

/** A one- or two-character text in this share of calls or more is walked by date, not looked up (gramsFor). */
const COMMON_GRAM_SHARE = 0.05;

const SEARCHED = ['calls.customer_phone', 'calls.customer_name', 'calls.summary', 'calls.outcome'] as const;
const TEXT_ONLY = ['calls.summary', 'calls.outcome'] as const;

/** Case-insensitive contains, the user's text taken literally. */
function like(col: string, text: string) {
  // ESCAPE spelled out: PostgreSQL defaults to backslash, SQLite has no default escape.
  return sql<boolean>`lower(${sql.ref(col)}) like ${likePattern(text.toLowerCase())} escape '\\'`;
}

/**
 * PostgreSQL: the text test over the indexed expressions (pg_trgm's GIN indexes serve three characters or more).
 * Exactly the per-field test: a field-joined text holds the query when one of its fields does.
 */
function textPg(q: string, textOnly: boolean, grams: boolean) {
  const lq = q.toLowerCase();
  const p = likePattern(lq);
  // Under three characters pg_trgm has no trigram to look up and its GIN scan reads the whole index (7 s over a
  // million calls). One or two characters are one key of a grams index (migration 035). strpos() beside it is
  // the same test and cheap: a walk by date runs it first and the costly function only on rows it keeps. Spelled
  // `<> 0`, not `> 0`: the planner guesses a `>` at 1/3 and then took a common word for rare.
  // Without the index strpos() alone decides and the date range is walked newest first.
  const short = [...q].length < MIN_INDEXED_CHARS;
  if (grams) {
    const expr = textOnly ? callNotesPg('calls.') : callAllPg('calls.');
    return sql<boolean>`(strpos(${sql.raw(expr)}, ${lq}) <> 0 and ${sql.raw(callGramsPg(expr))} @> array[${lq}]::text[])`;
  }
  const test = (expr: string) => (short ? sql<boolean>`strpos(${sql.raw(expr)}, ${lq}) > 0` : sql<boolean>`${sql.raw(expr)} like ${p} escape '\\'`);
  const notes = test(callNotesPg('calls.'));
  return textOnly ? notes : sql<boolean>`(${notes} or ${test(callWhoPg('calls.'))})`;
}

/**
 * SQLite: the calls whose FTS5 trigram row holds the query (a phrase of its trigrams is a substring match);
 * null under three characters, where no trigram exists and the exact test walks the range alone.
 */
function ftsCandidates(q: string) {
  if ([...q].length < MIN_INDEXED_CHARS) return null;
  return sql<boolean>`calls.rowid in (select rowid from calls_fts where calls_fts match ${`"${q.replaceAll('"', '""')}"`})`;
}
