import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { sql } from 'kysely';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api as table, type MethodName } from '../../shared/api/table';
import { addDays } from '../../shared/calendar/day-kind';
import { formatHlc } from '../../shared/sync/hlc';
import type { InboxItem } from '../../shared/sync/methods';
import { MAX_STORED_ARGS_BYTES } from '../../db/sync/logged-error';
import { addToInbox, listInbox } from '../../db/stores/inbox-store';
import type { DeskHost } from '../../electron/backend/desk-host';
import { EXAMPLES, type ExampledMethod } from './support/examples';
import { Fixture, FIXED_NOW } from './support/fixture';
import { diff, snapshot } from './support/snapshot';
import { api, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { startDemoDesk } from './support/desks';
import { aCall } from './support/calls';
import { tempDir } from './support/tmp';

/**
 * Issue #15 through the real hosts: the central server over HTTP on each database engine (PGlite, and
 * PostgreSQL when DATABASE_URL is set) and a desk through its dispatch. Every test here failed before its fix.
 */
const dir = tempDir();
afterAll(() => dir.remove());

const NOW = FIXED_NOW.getTime();
const stamp = (ms = NOW - 60_000, counter = 0) => formatHlc({ wall: ms, counter, node: 'desk-v' });
/** A call log of a minute ago at the fixed clock (aCall is relative to the real one). */
const call = (over: Record<string, unknown> = {}) => aCall({ startedAt: new Date(NOW - 5 * 60_000).toISOString(), endedAt: new Date(NOW - 60_000).toISOString(), ...over });
const SERVED = (Object.keys(table) as MethodName[]).filter((m): m is ExampledMethod => table[m].kind !== 'local' && table[m].kind !== 'session');

/** Every string in a JSON value, with its path. */
function strings(v: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: string }[] {
  if (typeof v === 'string') return [{ path, value: v }];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, c]) => strings(c, [...path, Array.isArray(v) ? Number(k) : k]));
  return [];
}
function put(v: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1]!] = value;
  return copy;
}
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;
/** What a field holding `example` is refused with, by what it looks like. */
function badValuesFor(example: string): string[] {
  const text = [`${example}\u0000`, `\u0001${example}`, `${example}\uD800`, `${example}\u007F`];
  if (DAY.test(example)) return [...text, '2026-02-30', '2026-99-99', '9999-12-31', '0000-01-01'];
  if (MONTH.test(example)) return [...text, '9999-12', '0000-01', '2026-13'];
  if (INSTANT.test(example)) return [...text, '2026-02-30T01:00:00.000Z', '9999-12-31T00:00:00.000Z', '2026-99-99T00:00:00.000Z'];
  return text;
}

/** console.error and console.warn as one text, nested objects in full (where a pg error keeps `detail` and `params`). */
function captureLogs(): { text(): string; restore(): void } {
  const lines: string[] = [];
  const take = (...a: unknown[]) => void lines.push(a.map((x) => (typeof x === 'string' ? x : inspect(x, { depth: 12, showHidden: true }))).join(' '));
  const e = vi.spyOn(console, 'error').mockImplementation(take);
  const w = vi.spyOn(console, 'warn').mockImplementation(take);
  return {
    text: () => lines.join('\n'),
    restore: () => {
      e.mockRestore();
      w.mockRestore();
    },
  };
}

describe.each(ENGINE_CASES)('central server on $name', (engine) => {
  if (engine.skip) return it.skip(engine.skip, () => {});
  let central: RunningCentral;
  let fx: Fixture;
  const inputs = new Map<ExampledMethod, unknown>();
  beforeAll(async () => {
    central = await startCentral(engine, `${dir.path}/server-${engine.name.slice(0, 6)}`, { clock: () => FIXED_NOW });
    fx = new Fixture(central.server.dispatch);
    for (const m of SERVED) inputs.set(m, await EXAMPLES[m].input(fx));
  }, 120_000);
  afterAll(() => central.stop());
  afterEach(() => vi.restoreAllMocks());

  it('item 1: control characters, lone surrogates and impossible or far dates in any field of any method are invalid_input, never 500, never stored', async () => {
    // Signing in is audited: sign everyone in first, so the snapshot holds the harness's own sign-ins.
    const tokens = new Map<string, string>();
    for (const m of SERVED) if (!tokens.has(EXAMPLES[m].as)) tokens.set(EXAMPLES[m].as, await serverLogin(central.url, EXAMPLES[m].as));
    const before = await snapshot(central.store.db);
    const log = captureLogs();
    let sent = 0;
    const wrong: string[] = [];
    try {
      for (const m of SERVED) {
        const token = tokens.get(EXAMPLES[m].as)!;
        // Passwords are never stored as text (only their scrypt hash): their rules are the password policy's.
        for (const { path, value } of strings(inputs.get(m)).filter((s) => !/password/i.test(String(s.path[s.path.length - 1])))) {
          for (const bad of badValuesFor(value)) {
            const r = await api(central.url, `/api/v1/${m}`, put(inputs.get(m), path, bad), token);
            sent++;
            if (r.status !== 400 || r.body.error?.code !== 'invalid_input') wrong.push(`${m} ${path.join('.')}=${JSON.stringify(bad)} → ${r.status} ${r.body.error?.code ?? 'ok'}`);
          }
        }
      }
    } finally {
      log.restore();
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(300);
    expect(diff(before, await snapshot(central.store.db))).toEqual([]);
    expect(log.text()).not.toMatch(/dispatch .* failed/);
  });

  it('item 2: one mutation with an impossible or malformed act time is refused on its own, with a rule; the others apply and the client advances', async () => {
    const token = await serverLogin(central.url, 'agent02');
    const clientId = randomUUID();
    const [a, b, c, d] = [call(), call(), call(), call()];
    const r = await api(central.url, '/api/sync/push', {
      clientId,
      mutations: [
        { id: 1, name: 'calls.log', args: a, actedAt: stamp() },
        { id: 2, name: 'calls.log', args: b, actedAt: '2026-99-99T00:00:00.000Z#0000#desk-v' },
        { id: 3, name: 'calls.log', args: c, actedAt: '2026-02-30T01:00:00.000Z#0000#desk-v' },
        { id: 4, name: 'calls.log', args: d, actedAt: 'yesterday' },
        { id: 5, name: 'calls.log', args: call(), actedAt: stamp(NOW - 30_000) },
      ],
    }, token);
    expect(r.status).toBe(200);
    expect(r.body.lastMutationId).toBe(5);
    expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'applied']);
    for (const x of r.body.results.slice(1, 4)) expect(x.error).toMatchObject({ code: 'rule_violation', ruleIds: ['sync.clock-drift'], fields: [{ path: 'actedAt' }] });
    const stored = await central.store.db.selectFrom('calls').select('id').where('id', 'in', [a.id, b.id, c.id, d.id]).execute();
    expect(stored.map((s) => s.id)).toEqual([a.id]);
    const pulled = await api(central.url, '/api/sync/pull', { clientId, cookie: null, sinceMutationId: 0, limit: 1 }, token);
    expect(pulled.body.rejections.map((x: { mutationId: number }) => x.mutationId)).toEqual([2, 3, 4]);
  });

  it('items 1 and 2: a pushed mutation whose name, act time or refusal message carries NUL is refused and stored cleaned, never a 500 (found by the fuzzer)', async () => {
    const token = await serverLogin(central.url, 'lead01');
    const clientId = randomUUID();
    const r = await api(central.url, '/api/sync/push', {
      clientId,
      mutations: [
        { id: 1, name: 'calls.log\u0000', args: call(), actedAt: stamp() },
        { id: 2, name: 'roster.saveShiftType', args: { code: 'M', name: '早班', start: '06:00', end: '14:00', night: false, minCoverage: { 'team\u0000': 1 } }, actedAt: stamp() },
        { id: 3, name: 'calls.log', args: call(), actedAt: '2026-03-11T02:00:00.000Z\u0000#0000#d' },
        { id: 4, name: 'roster.import', args: { month: '2026-05', rows: Array.from({ length: 3000 }, () => ['\u0000', '\u0000']) }, actedAt: stamp() },
      ],
    }, token);
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    const rows = await central.store.db.selectFrom('mutation_log').select(['name', 'message', 'acted_at']).where('client_id', '=', clientId).orderBy('id').execute();
    expect(rows.map((x) => x.name)).toEqual(['calls.log\uFFFD', 'roster.saveShiftType', 'calls.log', 'roster.import']);
    for (const x of rows) expect(`${x.name}${x.message}${x.acted_at}`).not.toMatch(/\u0000/);
    expect(Math.max(...rows.map((x) => x.message!.length))).toBeLessThanOrEqual(2000);
  });

  it('item 3: a refused push keeps at most 16 KiB of its arguments (marked truncated) in the log, the inbox and the pull', async () => {
    const token = await serverLogin(central.url, 'agent03');
    const clientId = randomUUID();
    const huge = { ...call(), summary: '长'.repeat(600_000) }; // ~1.8 MB of JSON: over the summary limit, refused
    const r = await api(central.url, '/api/sync/push', { clientId, mutations: [{ id: 1, name: 'calls.log', args: huge, actedAt: stamp() }] }, token);
    expect(r.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid_input' } });
    const row = await central.store.db.selectFrom('mutation_log').select('args').where('client_id', '=', clientId).executeTakeFirstOrThrow();
    expect(Buffer.byteLength(row.args)).toBeLessThanOrEqual(MAX_STORED_ARGS_BYTES);
    expect(JSON.parse(row.args)).toMatchObject({ $truncated: true, bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const inbox = await api(central.url, '/api/v1/sync.inbox', {}, token);
    expect(inbox.body.value[0]).toMatchObject({ clientId, mutationId: 1, args: { $truncated: true } });
    const pulled = await api(central.url, '/api/sync/pull', { clientId, cookie: null, sinceMutationId: 0, limit: 1 }, token);
    expect(JSON.stringify(pulled.body.rejections).length).toBeLessThan(MAX_STORED_ARGS_BYTES + 2000);
  });

  it('item 3: sync.inbox pages ({ limit, before }), newest first, never skipping or repeating refusals of one instant; {} still works', async () => {
    const token = await serverLogin(central.url, 'agent04');
    const clientId = randomUUID();
    // Seven refusals received at the same instant (the fixed clock): only the tie-breakers order them.
    const mutations = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, name: 'calls.log', args: { nope: i }, actedAt: stamp() }));
    expect((await api(central.url, '/api/sync/push', { clientId, mutations }, token)).body.lastMutationId).toBe(7);
    const all = (await api(central.url, '/api/v1/sync.inbox', {}, token)).body.value as InboxItem[];
    expect(all.filter((x) => x.clientId === clientId).map((x) => x.mutationId)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const seen: number[] = [];
    let before: { createdAt: string; clientId: string; mutationId: number } | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = (await api(central.url, '/api/v1/sync.inbox', { limit: 3, ...(before ? { before } : {}) }, token)).body.value as InboxItem[];
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page.filter((x) => x.clientId === clientId).map((x) => x.mutationId));
      if (page.length < 3) break;
      const last = page[page.length - 1]!;
      before = { createdAt: last.createdAt, clientId: last.clientId, mutationId: last.mutationId };
    }
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect((await api(central.url, '/api/v1/sync.inbox', { limit: 5000 }, token)).status).toBe(400);
  });

  it('item 4: a database error never puts its parameters, query or failing row in the log (dispatch, push, and the HTTP layer)', async () => {
    const MARK = `MARK${randomUUID().slice(0, 8)}`;
    const phone = '139 0000 7777';
    await sql.raw(`alter table calls add constraint zb_test_marker check (customer_name not like '%MARK%')`).execute(central.store.db);
    await sql.raw(`alter table mutation_log add constraint zb_test_marker_log check (args not like '%${MARK}-LOG%')`).execute(central.store.db);
    const log = captureLogs();
    try {
      const token = await serverLogin(central.url, 'agent05');
      // 1. An integrator call: the dispatch logs the failure.
      const viaApi = await api(central.url, '/api/v1/calls.log', call({ customerName: `${MARK}张三`, customerPhone: phone }), token);
      expect(viaApi.body.error.code).toBe('internal');
      // 2. A pushed mutation: push.ts logs the handler's failure and refuses that one.
      const clientId = randomUUID();
      const viaPush = await api(central.url, '/api/sync/push', { clientId, mutations: [{ id: 1, name: 'calls.log', args: call({ customerName: `${MARK}李四`, customerPhone: phone }), actedAt: stamp() }] }, token);
      expect(viaPush.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'internal' } });
      // 3. The log row itself cannot be written: the push fails as a whole and the HTTP layer logs it too.
      const viaLog = await api(central.url, '/api/sync/push', { clientId, mutations: [{ id: 2, name: 'calls.log', args: { note: `${MARK}-LOG ${phone}` }, actedAt: stamp() }] }, token);
      expect(viaLog.status).toBe(500);
    } finally {
      log.restore();
      await sql.raw('alter table calls drop constraint zb_test_marker').execute(central.store.db);
      await sql.raw('alter table mutation_log drop constraint zb_test_marker_log').execute(central.store.db);
    }
    const text = log.text();
    // Something was logged each time (a check violation, 23514, and where), but no value of the row or query.
    expect(text).toContain('23514');
    expect(text).toMatch(/dispatch calls\.log failed/);
    expect(text).toMatch(/push calls\.log failed/);
    expect(text).not.toContain(MARK);
    expect(text).not.toContain(phone);
    expect(text).not.toContain('0000 7777');
  });

  it('item 7: a replayed mutation id with different content is refused and logged; the earlier outcome stands; an identical replay is a duplicate', async () => {
    const token = await serverLogin(central.url, 'agent06');
    const clientId = randomUUID();
    const first = call();
    const other = call();
    const huge = { ...call(), summary: 'x'.repeat(100_000) }; // refused, and kept truncated
    const push = (mutations: unknown[]) => api(central.url, '/api/sync/push', { clientId, mutations }, token);
    expect((await push([{ id: 1, name: 'calls.log', args: first, actedAt: stamp() }, { id: 2, name: 'calls.log', args: huge, actedAt: stamp() }])).body.results.map((x: { status: string }) => x.status)).toEqual(['applied', 'rejected']);
    const logRow = () => central.store.db.selectFrom('mutation_log').select(['args', 'status']).where('client_id', '=', clientId).orderBy('id').execute();
    const rowsBefore = await logRow();
    const log = captureLogs();
    let replay;
    try {
      replay = await push([
        { id: 1, name: 'calls.log', args: first, actedAt: stamp() }, // the same: a duplicate
        { id: 1, name: 'calls.log', args: other, actedAt: stamp() }, // other arguments
        { id: 1, name: 'calls.log', args: first, actedAt: stamp(NOW - 1000) }, // another act time
        { id: 2, name: 'calls.log', args: huge, actedAt: stamp() }, // the same refused one (compared by digest)
        { id: 2, name: 'calls.log', args: { ...huge, summary: `${huge.summary}y` }, actedAt: stamp() }, // differs past the kept 16 KiB
        { id: 2, name: 'swap.cancel', args: huge, actedAt: stamp() }, // another method
      ]);
    } finally {
      log.restore();
    }
    expect(replay.status).toBe(200);
    expect(replay.body.results).toMatchObject([
      { id: 1, status: 'applied', duplicate: true },
      { id: 1, status: 'rejected', error: { code: 'conflict', params: { mutationId: 1 } } },
      { id: 1, status: 'rejected', error: { code: 'conflict' } },
      { id: 2, status: 'rejected', duplicate: true, error: { code: 'invalid_input' } },
      { id: 2, status: 'rejected', error: { code: 'conflict' } },
      { id: 2, status: 'rejected', error: { code: 'conflict' } },
    ]);
    expect(replay.body.results[1].duplicate).toBeUndefined();
    expect(await logRow()).toEqual(rowsBefore);
    expect(await central.store.db.selectFrom('calls').select('id').where('id', '=', other.id).executeTakeFirst()).toBeUndefined();
    expect(log.text().match(/sent mutation \d+ again with different content/g)?.length).toBe(4);
  });

  it('item 5: swap.check, swap.options and leave.check tell a team-A agent about a team-B colleague only that colleague, near the asked days (property)', async () => {
    const token = await serverLogin(central.url, 'agent01');
    const people = (await fx.call('admin', 'org.people', {})).filter((p) => p.userId !== 'user-agent01' && p.userId !== 'user-agent07');
    const others = people.flatMap((p) => [p.userId, p.username, p.displayName]);
    const b = await fx.shifts('agent07');
    const datesIn = (v: unknown) => strings(v).map((s) => s.value).filter((s) => DAY.test(s));
    const within = (d: string, anchors: string[], days: number) => anchors.some((x) => d >= addDays(x, -days) && d <= addDays(x, days));
    let asked = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -5, max: 30 }), fc.integer({ min: -5, max: 30 }), fc.integer({ min: 0, max: 6 }), async (g, t, span) => {
        const giveDate = fx.day(g);
        const takeDate = fx.day(t);
        const answers = {
          check: await api(central.url, '/api/v1/swap.check', { partnerId: 'user-agent07', giveDate, takeDate }, token),
          options: await api(central.url, '/api/v1/swap.options', { partnerId: 'user-agent07', giveDate }, token),
          leave: await api(central.url, '/api/v1/leave.check', { userId: 'user-agent07', type: 'sick', fromDate: giveDate, toDate: addDays(giveDate, span) }, token),
        };
        asked += 3;
        for (const [what, r] of Object.entries(answers)) {
          expect({ what, status: r.status }).toEqual({ what, status: 200 });
          // Nobody else is named: no id, username or name of a third person (coverage is a count, not a list).
          const said = strings(r.body.value).map((s) => s.value);
          expect({ what, others: said.filter((s) => others.includes(s)) }).toEqual({ what, others: [] });
        }
        // swap.options: the colleague's own shifts, 7 days before to 14 after the day given away, as the roster has them.
        const o = answers.options.body.value as { partnerShifts: { date: string; code: string }[]; mineFree: string[]; suggestions: { takeDate: string; takeShift: string }[] };
        expect(o.partnerShifts.length).toBeLessThanOrEqual(22);
        for (const s of o.partnerShifts) {
          expect(s.date >= addDays(giveDate, -7) && s.date <= addDays(giveDate, 14), s.date).toBe(true);
          expect(s.code).toBe(b.get(s.date) ?? '');
        }
        for (const s of o.suggestions) expect(o.partnerShifts).toContainEqual({ date: s.takeDate, code: s.takeShift });
        // swap.check and leave.check: verdicts naming at most a date near the asked ones, a shift code, a count.
        const c = answers.check.body.value as { giveShift: string | null; takeShift: string | null; checks: unknown[] };
        expect(c.takeShift).toBe(b.get(takeDate) ?? null);
        for (const d of datesIn(c.checks)) expect(within(d, [giveDate, takeDate], 21), `swap.check named ${d}`).toBe(true);
        for (const d of datesIn(answers.leave.body.value)) expect(within(d, [giveDate, addDays(giveDate, span)], 21), `leave.check named ${d}`).toBe(true);
        for (const v of [answers.check.body.value, answers.leave.body.value]) for (const x of Object.values(v as object)) if (Array.isArray(x)) for (const e of x) expect(typeof e === 'string' || (e as { ruleId?: unknown }).ruleId !== undefined).toBe(true);
      }),
      { numRuns: 12 },
    );
    expect(asked).toBeGreaterThanOrEqual(36);
  });
});

describe('a desk: its attention inbox keeps at most 16 KiB of arguments, and pages', () => {
  let host: DeskHost;
  let fx: Fixture;
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: `${dir.path}/desk`, clock: () => FIXED_NOW });
    fx = new Fixture(host.dispatch);
  });
  afterAll(() => host.close());

  it('item 3: a refused multi-megabyte mutation is kept truncated, and sync.inbox pages through dispatch', async () => {
    const clientId = randomUUID();
    const error = { code: 'rule_violation' as const, message: 'refused', ruleIds: ['swap.monthly-limit'], params: {} };
    const at = FIXED_NOW.toISOString();
    await addToInbox(host.db, { clientId, mutationId: 1, actorId: 'user-agent01', name: 'roster.import', args: { rows: Array.from({ length: 40_000 }, () => ['agent01', 'D']) }, actedAt: stamp(), error, now: at });
    for (let i = 2; i <= 7; i++) await addToInbox(host.db, { clientId, mutationId: i, actorId: 'user-agent01', name: 'calls.log', args: call(), actedAt: stamp(), error, now: at });
    const row = await host.db.selectFrom('attention_inbox').select('args').where('client_id', '=', clientId).where('mutation_id', '=', 1).executeTakeFirstOrThrow();
    expect(Buffer.byteLength(row.args)).toBeLessThanOrEqual(MAX_STORED_ARGS_BYTES);
    expect((await listInbox(host.db, 'user-agent01')).find((x) => x.mutationId === 1)!.args).toMatchObject({ $truncated: true });

    const token = await fx.token('agent01');
    const page = async (input: object) => {
      const r = await host.dispatch('sync.inbox', input, token);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as InboxItem[];
    };
    expect((await page({})).map((x) => x.mutationId)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const first = await page({ limit: 3 });
    const last = first[2]!;
    const second = await page({ limit: 3, before: { createdAt: last.createdAt, clientId: last.clientId, mutationId: last.mutationId } });
    const l2 = second[2]!;
    const third = await page({ limit: 3, before: { createdAt: l2.createdAt, clientId: l2.clientId, mutationId: l2.mutationId } });
    expect([first, second, third].map((p) => p.map((x) => x.mutationId))).toEqual([[7, 6, 5], [4, 3, 2], [1]]);
  });
});
