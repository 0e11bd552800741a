import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type WireResult } from '../../shared/api/errors';
import { HTTP_STATUS } from '../../shared/api/http-status';
import { api as table, type MethodName } from '../../shared/api/table';
import { formatHlc } from '../../shared/sync/hlc';
import { MAX_PUSH_BATCH, PullRequestSchema, PushRequestSchema, stampActTime } from '../../shared/sync/protocol';
import { checkCall } from '../../db/dispatch';
import type { Database } from '../../db/schema';
import { SERVER_BODY_LIMIT } from '../../server/app';
import type { DeskHost } from '../../electron/backend/desk-host';
import { EXAMPLES, type ExampledMethod } from './support/examples';
import { Fixture, FIXED_NOW } from './support/fixture';
import { diff, snapshot, type Snapshot } from './support/snapshot';
import { ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

/**
 * The fuzzing suite (issue #15). Generated bad requests against every method of the table, on both hosts —
 * the central server over HTTP (each database engine available) and a desk through its dispatch — plus the
 * sync endpoints with arbitrary bodies and arbitrary mutations inside a valid envelope. Inputs: arbitrary JSON
 * (deep nesting, huge strings up to and past the body limit, NUL and control characters, lone surrogates,
 * numbers JSON allows at their edges, impossible dates, `__proto__` / `constructor` keys, malformed JSON text)
 * and mutations of each method's valid example (a field dropped, retyped, replaced by an edge string, a date by
 * an impossible one, an unknown key added). Properties: no 5xx and no `internal`; the host still serves; and
 * nothing is written when the answer is `invalid_input` / `bad_request` (synced-table snapshots, compared at
 * every change from refused to possibly-writing input, plus a cheap write counter around every single case).
 *
 * New domains join by being in the method table and having an example (support/examples). Case counts and
 * time go to test-results/fuzz-summary.json for RELIABILITY.md. ZHIBAN_FUZZ_SEED replays a run,
 * ZHIBAN_FUZZ_SCALE (default 1) scales the case counts.
 */

const SCALE = Number(process.env.ZHIBAN_FUZZ_SCALE ?? '1') || 1;
const SEED = Number(process.env.ZHIBAN_FUZZ_SEED ?? Date.now() % 2_147_483_647);
const n = (base: number) => Math.max(1, Math.round(base * SCALE));
/** Every method is called ROUNDS times in turn before the generator picks freely (see `inTurn`). */
const ROUNDS = 2;
const METHOD_COUNT = Object.keys(table).length;
/** Cases per host: a few hundred each, and always enough to call every method in turn and then some. */
const perHost = (base: number) => Math.max(n(base), ROUNDS * METHOD_COUNT + n(50));
const BUDGET = { server: perHost(250), desk: perHost(300), pushBodies: n(40), pushEnvelopes: n(80), pullBodies: n(50) };
/**
 * The server runs on one engine per run — PostgreSQL when DATABASE_URL is set (the central server's own), else
 * the embedded PGlite — so the suite stays within its minute; ZHIBAN_FUZZ_ENGINES=all runs every engine.
 * validation-sync.test.ts covers the fixed cases on both engines.
 */
const AVAILABLE = ENGINE_CASES.filter((e) => !e.skip);
const SERVER_ENGINES = process.env.ZHIBAN_FUZZ_ENGINES === 'all' ? AVAILABLE : AVAILABLE.slice(-1);

const dir = tempDir();
const started = Date.now();
const METHODS = Object.keys(table) as MethodName[];
const EXAMPLED = METHODS.filter((m): m is ExampledMethod => m in EXAMPLES);
const MUTATIONS = METHODS.filter((m) => table[m].kind === 'mutation');
const UNKNOWN_NAMES = ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'calls.log\u0000', 'CALLS.LOG', 'x'.repeat(300)];

// ---------------------------------------------------------------------------------------------- values

const HUGE_OK = 'x'.repeat(SERVER_BODY_LIMIT - 4096);
const HUGE_OVER = '长'.repeat(SERVER_BODY_LIMIT / 2);
const EDGE_STRINGS = ['', ' ', '\t', '\u0000', 'a\u0000b', '\u0001\u001f', '\u007f', '\u0085', '\uD800', '\uDC00x', 'a\uDBFFb', '\u202e', '\uFEFF', '\r\n', '😀', '中'.repeat(70), 'x'.repeat(65), 'x'.repeat(2001), '../../etc/passwd', "'; drop table users; --", '=HYPERLINK("http://x")', '__proto__', 'constructor', 'null', 'NaN', '-0', '1e308', '00000000-0000-4000-8000-000000000000'];
const IMPOSSIBLE_DATES = ['2026-02-30', '2026-02-29', '2026-04-31', '2026-99-99', '2026-13-01', '2026-00-01', '9999-12-31', '0000-01-01', '1999-12-31', '2101-01-01', '2026-3-1', '+02026-03-01'];
const IMPOSSIBLE_INSTANTS = ['2026-02-30T01:00:00.000Z', '9999-12-31T23:59:59.999Z', '2026-03-11T24:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-03-11T02:00:00+08:00', '2026-03-11'];
const IMPOSSIBLE_MONTHS = ['2026-13', '9999-12', '0000-01', '2026-00', '26-03'];
/** Valid but extreme: what a handler must cope with once the schema lets it through. */
const EXTREME_DATES = ['2000-01-01', '2100-12-31', '2024-02-29', '2026-12-31', '2027-01-01'];
const EXTREME_INSTANTS = ['2000-01-01T00:00:00.000Z', '2100-12-31T23:59:59.999Z', '2026-03-11T02:00:00.000Z', '2026-03-11T01:59:59.999Z'];
const EXTREME_MONTHS = ['2000-01', '2100-12', '2026-02', '2024-02'];
const EXTREME_TEXT = ['😀', '中文', 'x', ' padded ', 'a'.repeat(64), '𠀋'];
const EDGE_NUMBERS = [-0, 0, -1, 0.5, 1e308, -1e308, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 5e-324, 1e21];
const WRONG_TYPES: unknown[] = [null, true, false, 0, 1, -1, '', 'x', [], {}, [null], { a: 1 }];

const edgeString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\uD800', '\uDC00', 'a', '中', '\n'), maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES, ...IMPOSSIBLE_INSTANTS, ...IMPOSSIBLE_MONTHS) },
  { weight: 1, arbitrary: fc.constantFrom(HUGE_OK, HUGE_OVER) },
);
const edgeNumber = fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'userId', 'date', 'month', 'args', ''), fc.string({ maxLength: 8 }));
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    edgeNumber,
    edgeString,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(key, tie('json'), { maxKeys: 5 }),
  ),
}));

/** A request body as text: JSON of a value, or text no JSON parser takes, or nesting a recursive walker chokes on. */
const DEEP = 20_000;
const RAW_BODIES = [
  '',
  'null',
  'NaN',
  'Infinity',
  '{',
  '[',
  '{"a":1,}',
  "{'a':1}",
  '1e999',
  '-0',
  '"x"',
  '[]',
  '{"limit": 1e999, "month": -0}',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"a": {"__proto__": {"polluted": true}}}',
  '\uFEFF{}',
  '{"a": "\\u0000", "b": "\\ud800"}',
  '['.repeat(DEEP) + ']'.repeat(DEEP),
  '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP),
  `{"summary": ${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`,
  `{"x": "${'y'.repeat(SERVER_BODY_LIMIT + 10)}"}`,
];
type Body = { text: string; value: unknown; parsed: boolean };
const rawBody = fc.constantFrom(...RAW_BODIES).map((text): Body => {
  try {
    // As the server's parser reads it: a leading byte-order mark is skipped.
    return { text, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown, parsed: true };
  } catch {
    return { text, value: text, parsed: false };
  }
});

// ---------------------------------------------------------------------------------------------- mutations of examples

type Path = (string | number)[];
type Op = { kind: 'drop' | 'retype' | 'string' | 'date' | 'number' | 'extraKey' | 'whole' | 'extreme'; at: number; with: unknown };
const op = fc.record({ kind: fc.constantFrom<Op['kind']>('drop', 'retype', 'string', 'string', 'date', 'date', 'number', 'extraKey', 'whole', 'extreme', 'extreme'), at: fc.nat(), with: json });

function nodes(v: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = { path, value: v };
  if (Array.isArray(v)) return [here, ...v.flatMap((c, i) => nodes(c, [...path, i]))];
  if (v && typeof v === 'object') return [here, ...Object.entries(v).flatMap(([k, c]) => nodes(c, [...path, k]))];
  return [here];
}
/** Puts a copy of `value` at `path` (never a shared object: a later op may write into it). */
function setAt(root: unknown, path: Path, shared: unknown, drop = false): unknown {
  const value = structuredClone(shared);
  if (path.length === 0) return value;
  const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (drop) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  return root;
}
const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
const DATEISH = /^\d{4}-\d{2}(-\d{2}(T.*)?)?$/;

/** A valid input with one to three things wrong with it. */
function mutate(valid: unknown, ops: Op[]): unknown {
  let v = structuredClone(valid);
  for (const o of ops) {
    const all = nodes(v);
    const below = all.filter((x) => x.path.length > 0);
    switch (o.kind) {
      case 'drop': {
        const t = pick(below, o.at);
        if (t) v = setAt(v, t.path, undefined, true);
        break;
      }
      case 'retype': {
        const t = pick(below, o.at);
        if (t) v = setAt(v, t.path, pick(WRONG_TYPES, o.at >> 4));
        break;
      }
      case 'string': {
        const t = pick(below.filter((x) => typeof x.value === 'string'), o.at);
        if (t) v = setAt(v, t.path, typeof o.with === 'string' ? o.with : pick(EDGE_STRINGS, o.at >> 4));
        break;
      }
      case 'date': {
        const t = pick(below.filter((x) => typeof x.value === 'string' && DATEISH.test(x.value)), o.at);
        const s = t?.value as string | undefined;
        if (t && s) v = setAt(v, t.path, pick(s.length === 7 ? IMPOSSIBLE_MONTHS : s.length === 10 ? IMPOSSIBLE_DATES : IMPOSSIBLE_INSTANTS, o.at >> 4));
        break;
      }
      case 'number': {
        const t = pick(below.filter((x) => typeof x.value === 'number'), o.at);
        if (t) v = setAt(v, t.path, pick(EDGE_NUMBERS, o.at >> 4));
        break;
      }
      case 'extraKey': {
        const t = pick(all.filter((x) => x.value && typeof x.value === 'object' && !Array.isArray(x.value)), o.at);
        if (t) setAt(v, [...t.path, pick(['__proto__', 'constructor', 'unexpected', 'prototype'], o.at >> 4)!], o.with);
        break;
      }
      case 'whole':
        v = o.with;
        break;
      case 'extreme': {
        // Still valid, so the handler runs: the first and last days allowed, a leap day, emoji, the longest id.
        const t = pick(below.filter((x) => typeof x.value === 'string'), o.at);
        const s = t?.value as string | undefined;
        if (t && s !== undefined) v = setAt(v, t.path, pick(!DATEISH.test(s) ? EXTREME_TEXT : s.length === 7 ? EXTREME_MONTHS : s.length === 10 ? EXTREME_DATES : EXTREME_INSTANTS, o.at >> 4));
        break;
      }
    }
  }
  return v;
}

// ---------------------------------------------------------------------------------------------- cases

/** One call: which method, what body, whose session. */
interface CallCase {
  method: string;
  source: { kind: 'example'; ops: Op[] } | { kind: 'json'; value: unknown } | { kind: 'raw'; body: Body };
  as: 'example' | 'none' | 'admin';
}
const callCase: fc.Arbitrary<CallCase> = fc.record({
  method: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...METHODS) }, { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_NAMES) }),
  source: fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('example' as const), ops: fc.array(op, { minLength: 1, maxLength: 3 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('json' as const), value: json }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), body: rawBody }) },
  ),
  as: fc.constantFrom<CallCase['as']>('example', 'example', 'example', 'example', 'example', 'example', 'none', 'admin'),
});

/** The first rounds call every method of the table in turn (with the generated body kind and ops), then any. */
function inTurn(c: CallCase, t: Tally): CallCase {
  const k = Object.values(t.methods).reduce((a, b) => a + b, 0);
  const method = k < ROUNDS * METHODS.length ? METHODS[k % METHODS.length]! : c.method;
  t.methods[method] = (t.methods[method] ?? 0) + 1;
  return { ...c, method };
}
const everyMethodCalled = (t: Tally) => expect(METHODS.filter((m) => (t.methods[m] ?? 0) < ROUNDS)).toEqual([]);

/** The body a case sends, given the host's valid example inputs. */
function bodyOf(c: CallCase, examples: ReadonlyMap<string, unknown>): Body {
  if (c.source.kind === 'raw') return c.source.body;
  const value = c.source.kind === 'json' ? c.source.value : examples.has(c.method) ? mutate(examples.get(c.method), c.source.ops) : c.source.ops[0]!.with;
  const text = JSON.stringify(value) ?? 'null';
  return { text, value: JSON.parse(text) as unknown, parsed: true };
}

/** What Fastify's JSON parser refuses (secure-json-parse): a `__proto__` key, or a `constructor` holding a `prototype`. Walked without recursion. */
function poisoned(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    for (const k of Object.keys(v)) {
      const c = (v as Record<string, unknown>)[k];
      if (k === '__proto__' || (k === 'constructor' && c && typeof c === 'object' && Object.prototype.hasOwnProperty.call(c, 'prototype'))) return true;
      stack.push(c);
    }
  }
  return false;
}
/** Whether the server takes the body as JSON at all (it parses, fits the limit, is not poisoned). */
const accepted = (body: Body) => body.parsed && Buffer.byteLength(body.text) <= SERVER_BODY_LIMIT && !poisoned(body.value);
/** Refused before any handler or transaction: the body is not taken, or the method's schema refuses it. */
function refusedUpFront(method: string, body: Body, servesLocal: boolean): boolean {
  return !accepted(body) || !checkCall(method, body.value, servesLocal).ok;
}

// ---------------------------------------------------------------------------------------------- bookkeeping

interface Tally {
  cases: number;
  /** Cases per method of the table (the first rounds go through every method in turn). */
  methods: Record<string, number>;
  refusedUpFront: number;
  snapshotChecks: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  ms: number;
}
const summary: Record<string, Tally> = {};
function tally(name: string): Tally {
  // Null-prototype maps: a method named `constructor` or `__proto__` is a key like any other.
  const map = () => Object.create(null) as Record<string, number>;
  return (summary[name] ??= { cases: 0, methods: map(), refusedUpFront: 0, snapshotChecks: 0, byStatus: map(), byCode: map(), ms: 0 });
}
function count(t: Tally, status: string | number, code: string | undefined): void {
  t.cases++;
  t.byStatus[status] = (t.byStatus[status] ?? 0) + 1;
  if (code) t.byCode[code] = (t.byCode[code] ?? 0) + 1;
}

/**
 * "Nothing written for invalid input", checked without a snapshot per case: the synced tables are snapshotted
 * when a run of up-front refusals begins and compared when it ends (before anything that may write), and every
 * single case is bracketed by a cheap counter of writes (`fingerprint`).
 */
class WriteWatch {
  private base: Snapshot | null = null;
  private run: string[] = [];
  constructor(
    private readonly db: Kysely<Database>,
    private readonly t: Tally,
    readonly fingerprint: () => Promise<string>,
  ) {}
  /** Before a case refused up front: make sure a base snapshot exists. */
  async refusing(): Promise<void> {
    this.base ??= await snapshot(this.db);
  }
  refused(label: string): void {
    this.run.push(label);
  }
  /** Before a case that may write: the run of refusals so far must have left every synced row as it was. */
  async settle(): Promise<void> {
    if (this.base && this.run.length) {
      this.t.snapshotChecks++;
      const changed = diff(this.base, await snapshot(this.db));
      expect({ changed: changed.map((c) => `${c.table}:${c.key}`), after: this.run.slice(-20) }).toEqual({ changed: [], after: this.run.slice(-20) });
    }
    this.base = null;
    this.run = [];
  }
}

const serverFingerprint = (db: Kysely<Database>) => async () => {
  const v = await db.selectFrom('sync_state').select('version').executeTakeFirst();
  const l = await db.selectFrom('mutation_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return `${String(v?.version)}/${String(l?.n)}`;
};
/** A desk's committed writes: every mutation appends to the outbox, every synced-row write to the undo log (both undone by a rollback). */
const deskFingerprint = (db: Kysely<Database>) => async () => {
  const o = await db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const u = await db.selectFrom('undo_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return `${String(o?.n)}/${String(u?.n)}`;
};

/** How a host refuses input itself (`not_found`: no route, e.g. an empty method name in the path). */
const INPUT_REFUSALS = ['invalid_input', 'bad_request', 'unknown_method', 'not_found'];

/**
 * No 5xx, and every answer in our envelope with one of our codes, never `internal`. The one exception is
 * Fastify's router answering 414 (a method name longer than its maxParamLength) in its own shape, before our
 * error handler: a 4xx all the same, noted in the issue.
 */
function checkAnswer(where: string, status: number, body: WireResult<unknown> | undefined): void {
  expect(status, `${where}: 5xx`).toBeLessThan(500);
  if (status === 414) return;
  expect(body && typeof body === 'object' && typeof body.ok === 'boolean', `${where}: not our envelope`).toBe(true);
  if (body && !body.ok) {
    expect(ERROR_CODES, where).toContain(body.error.code);
    expect(body.error.code, `${where}: ${body.error.message}`).not.toBe('internal');
  }
}

/** Push and pull answer their own shape on success, and the error envelope otherwise. */
function checkSyncAnswer(where: string, status: number, body: unknown): string | undefined {
  expect(status, `${where}: 5xx`).toBeLessThan(500);
  if (status === 200) return undefined;
  checkAnswer(where, status, body as WireResult<unknown>);
  return (body as { error?: { code?: string } } | undefined)?.error?.code;
}

async function post(url: string, path: string, text: string, token?: string): Promise<{ status: number; body: WireResult<unknown> | undefined }> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: text });
  const raw = await res.text();
  let body: WireResult<unknown> | undefined;
  try {
    body = JSON.parse(raw) as WireResult<unknown>;
  } catch {
    body = undefined;
  }
  return { status: res.status, body };
}

const label = (m: string, text: string) => `${m.slice(0, 40)} ${text.slice(0, 80)}`;

/**
 * Where the counts go: test-results/ as a reliability report expects, and out/reliability/, which survives the
 * Playwright run `npm test` starts next (Playwright empties test-results/, its output folder, first).
 */
const SUMMARY_FILES = ['test-results/fuzz-summary.json', 'out/reliability/fuzz-summary.json'];

afterAll(() => {
  const totalCases = Object.values(summary).reduce((a, t) => a + t.cases, 0);
  const report = { suite: 'tests/unit/fuzz.test.ts', generatedAt: new Date().toISOString(), seed: SEED, scale: SCALE, serverEngines: SERVER_ENGINES.map((e) => e.name), methods: METHODS.length, withExamples: EXAMPLED.length, totalCases, durationMs: Date.now() - started, hosts: summary };
  for (const file of SUMMARY_FILES) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  }
  dir.remove();
});

// ---------------------------------------------------------------------------------------------- the server

describe.each(SERVER_ENGINES)('central server over HTTP on $name', (engine) => {
  let central: RunningCentral;
  const examples = new Map<string, unknown>();
  const tokens = new Map<string, string>();
  const tokenFor = async (username: string) => tokens.get(username) ?? (tokens.set(username, await serverLogin(central.url, username)), tokens.get(username)!);
  const as = (c: CallCase) => (table[c.method as MethodName]?.kind === 'session' || c.as === 'none' ? undefined : c.as === 'admin' ? 'admin' : (EXAMPLES[c.method as ExampledMethod]?.as ?? 'agent01'));

  beforeAll(async () => {
    central = await startCentral(engine, `${dir.path}/server-${engine.name.slice(0, 6)}`, { clock: () => FIXED_NOW });
    const fx = new Fixture(central.server.dispatch);
    for (const m of EXAMPLED) examples.set(m, await EXAMPLES[m].input(fx));
    for (const u of new Set([...EXAMPLED.map((m) => EXAMPLES[m].as), 'admin', 'agent01'])) await tokenFor(u);
  }, 120_000);
  afterAll(() => central.stop());

  it(`every method, ${BUDGET.server} generated requests: no 5xx, nothing written when refused`, async () => {
    const t = tally(`server/${engine.name}`);
    const t0 = Date.now();
    const watch = new WriteWatch(central.store.db, t, serverFingerprint(central.store.db));
    await fc.assert(
      fc.asyncProperty(callCase, async (generated) => {
        const c = inTurn(generated, t);
        const body = bodyOf(c, examples);
        const user = as(c);
        const upFront = refusedUpFront(c.method, body, false);
        if (upFront) await watch.refusing();
        else await watch.settle();
        const before = await watch.fingerprint();
        const r = await post(central.url, `/api/v1/${encodeURIComponent(c.method)}`, body.text, user ? await tokenFor(user) : undefined);
        const code = r.body && !r.body.ok ? r.body.error.code : undefined;
        count(t, r.status, code);
        checkAnswer(label(c.method, body.text), r.status, r.body);
        if (code && code in HTTP_STATUS && r.status !== 413 && r.status !== 415) expect(r.status, label(c.method, body.text)).toBe(HTTP_STATUS[code as keyof typeof HTTP_STATUS]);
        if (code && INPUT_REFUSALS.includes(code)) expect(await watch.fingerprint(), `wrote: ${label(c.method, body.text)}`).toBe(before);
        if (upFront) {
          t.refusedUpFront++;
          // Refused before the handler: an input refusal (or the sign-in throttle, which reads the username first;
          // or the router's own 414 for a method name past its maxParamLength).
          if (r.status !== 414) expect(INPUT_REFUSALS.concat(c.method === 'session.login' ? ['rate_limited'] : []), label(c.method, body.text)).toContain(code);
          watch.refused(label(c.method, body.text));
        }
      }),
      { numRuns: BUDGET.server, seed: SEED, endOnFailure: true },
    );
    await watch.settle();
    everyMethodCalled(t);
    // Still alive and serving.
    expect((await fetch(`${central.url}/api/health`)).status).toBe(200);
    expect((await post(central.url, '/api/v1/org.teams', '{}', await tokenFor('agent01'))).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    t.ms += Date.now() - t0;
  }, 180_000);

  it(`/api/sync/push: ${BUDGET.pushBodies} arbitrary bodies and ${BUDGET.pushEnvelopes} valid envelopes of arbitrary mutations`, async () => {
    const t = tally(`push/${engine.name}`);
    const t0 = Date.now();
    const watch = new WriteWatch(central.store.db, t, serverFingerprint(central.store.db));
    const token = await tokenFor('agent01');
    await fc.assert(
      fc.asyncProperty(fc.oneof(rawBody, json.map((v): Body => ({ text: JSON.stringify(v) ?? 'null', value: v, parsed: true }))), async (body) => {
        const valid = accepted(body) && PushRequestSchema.safeParse(body.value).success;
        if (!valid) await watch.refusing();
        else await watch.settle();
        const r = await post(central.url, '/api/sync/push', body.text, token);
        count(t, r.status, checkSyncAnswer(`push ${body.text.slice(0, 80)}`, r.status, r.body));
        if (!valid) {
          t.refusedUpFront++;
          expect(r.status, body.text.slice(0, 80)).toBeGreaterThanOrEqual(400);
          watch.refused(`push ${body.text.slice(0, 80)}`);
        }
      }),
      { numRuns: BUDGET.pushBodies, seed: SEED, endOnFailure: true },
    );

    // Valid envelopes: a fresh client each, ids in order (now and then a gap), any names, args and act times.
    const mutation = fc.record({
      name: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...MUTATIONS) }, { weight: 2, arbitrary: fc.constantFrom(...METHODS) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...UNKNOWN_NAMES), edgeString.map((s) => s.slice(0, 64))) }),
      args: fc.oneof({ weight: 3, arbitrary: fc.array(op, { minLength: 0, maxLength: 2 }).map((ops) => ({ ops })) }, { weight: 1, arbitrary: json.map((value) => ({ value })) }),
      actedAt: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: -3 * 86_400_000, max: 60_000 }).map((d) => formatHlc({ wall: FIXED_NOW.getTime() + d, counter: 0, node: 'fuzz-desk' })) },
        { weight: 2, arbitrary: fc.constantFrom(...IMPOSSIBLE_INSTANTS, ...IMPOSSIBLE_DATES).map((d) => `${d.length === 10 ? `${d}T00:00:00.000Z` : d}#0000#fuzz-desk`) },
        { weight: 1, arbitrary: edgeString.map((s) => s.slice(0, 200)) },
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom(0, 0, 0, 0, 1, -1), async (ms, gap) => {
        const mutations = ms.map((m, i) => {
          const args = 'ops' in m.args ? (examples.has(m.name) ? mutate(examples.get(m.name), m.args.ops) : (m.args.ops[0]?.with ?? {})) : m.args.value;
          return { id: i + 1 + (i === ms.length - 1 ? gap : 0), name: m.name, args: JSON.parse(JSON.stringify(args) ?? 'null') as unknown, actedAt: m.actedAt };
        });
        const text = JSON.stringify({ clientId: randomUUID(), mutations });
        // Every mutation refused before its handler: unknown, not a mutation, wrong input or an impossible act time.
        const allRefused = mutations.every((m) => !checkCall(m.name, m.args).ok || table[m.name as MethodName]?.kind !== 'mutation' || stampActTime(m.actedAt) === null);
        const envelope = accepted({ text, value: JSON.parse(text) as unknown, parsed: true }) && PushRequestSchema.safeParse(JSON.parse(text)).success && mutations.length <= MAX_PUSH_BATCH;
        if (allRefused || !envelope) await watch.refusing();
        else await watch.settle();
        const user = EXAMPLES[mutations[0]!.name as ExampledMethod]?.as ?? 'agent01';
        const r = await post(central.url, '/api/sync/push', text, await tokenFor(user));
        count(t, r.status, checkSyncAnswer(`push envelope ${text.slice(0, 120)}`, r.status, r.body));
        if (r.status === 200) {
          const out = r.body as unknown as { lastMutationId: number; results: { status: string; error?: { code: string } }[] };
          expect(out.results.length).toBeGreaterThan(0);
          for (const x of out.results) {
            expect(['applied', 'rejected', 'skipped']).toContain(x.status);
            expect(x.error?.code, text.slice(0, 200)).not.toBe('internal');
          }
        } else expect([400, 409, 413]).toContain(r.status); // a malformed or too large envelope, or a gap in the ids
        if (allRefused || !envelope) {
          t.refusedUpFront++;
          watch.refused(`push envelope ${text.slice(0, 120)}`);
        }
      }),
      { numRuns: BUDGET.pushEnvelopes, seed: SEED, endOnFailure: true },
    );
    await watch.settle();
    expect((await fetch(`${central.url}/api/health`)).status).toBe(200);
    t.ms += Date.now() - t0;
  }, 180_000);

  it(`/api/sync/pull: ${BUDGET.pullBodies} arbitrary bodies and envelopes with edge cookies, ids and limits`, async () => {
    const t = tally(`pull/${engine.name}`);
    const t0 = Date.now();
    const token = await tokenFor('agent01');
    const envelope = fc.record({
      clientId: fc.oneof({ weight: 4, arbitrary: fc.uuid().map(String) }, { weight: 1, arbitrary: edgeString }),
      cookie: fc.oneof(fc.constant(null), edgeString, fc.constantFrom('1e300|agent:x', '99999999999999999999|agent:x', '-1|x', '0|', '5|agent:abc', '|||')),
      sinceMutationId: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(0, 1, 2 ** 31 - 1) }, { weight: 1, arbitrary: edgeNumber }),
      limit: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 5000 }) }, { weight: 1, arbitrary: edgeNumber }),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(rawBody, json.map((v): Body => ({ text: JSON.stringify(v) ?? 'null', value: v, parsed: true })), envelope.map((v): Body => ({ text: JSON.stringify(v), value: v, parsed: true }))), async (body) => {
        const r = await post(central.url, '/api/sync/pull', body.text, token);
        count(t, r.status, checkSyncAnswer(`pull ${body.text.slice(0, 120)}`, r.status, r.body));
        const valid = accepted(body) && PullRequestSchema.safeParse(body.value).success;
        if (!valid) {
          t.refusedUpFront++;
          expect(r.status, body.text.slice(0, 120)).toBeGreaterThanOrEqual(400);
        } else expect([200, 403]).toContain(r.status); // 403: a client id another person pushed with
      }),
      { numRuns: BUDGET.pullBodies, seed: SEED, endOnFailure: true },
    );
    expect((await fetch(`${central.url}/api/health`)).status).toBe(200);
    t.ms += Date.now() - t0;
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------- a desk

describe('a desk through its dispatch', () => {
  let host: DeskHost;
  let fx: Fixture;
  const examples = new Map<string, unknown>();
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: `${dir.path}/desk`, clock: () => FIXED_NOW });
    fx = new Fixture(host.dispatch);
    for (const m of EXAMPLED) examples.set(m, await EXAMPLES[m].input(fx));
  }, 120_000);
  afterAll(() => host.close());

  it(`every method, desk-only ones included, ${BUDGET.desk} generated calls: no internal error, nothing written when refused`, async () => {
    const t = tally('desk');
    const t0 = Date.now();
    const watch = new WriteWatch(host.db, t, deskFingerprint(host.db));
    await fc.assert(
      fc.asyncProperty(callCase, async (generated) => {
        const c = inTurn(generated, t);
        const body = bodyOf(c, examples);
        // The bridge hands the dispatch what JSON.parse made of the body; text no parser takes arrives as text.
        const args = body.value;
        // Pointing this desk at a server would make it a different host for the rest of the run (and go to the network).
        if (c.method === 'sync.setServer' && checkCall(c.method, args, true).ok && (args as { url?: unknown }).url !== null) return;
        const upFront = !checkCall(c.method, args, true).ok;
        const user = table[c.method as MethodName]?.kind === 'session' || c.as === 'none' ? undefined : c.as === 'admin' ? 'admin' : (EXAMPLES[c.method as ExampledMethod]?.as ?? 'agent01');
        // A first sign-in writes (the desk audits it): the run of refusals ends before it, like before any write.
        if (user && !fx.signedIn(user)) await watch.settle();
        const token = user ? await fx.token(user) : undefined;
        if (upFront) await watch.refusing();
        else await watch.settle();
        const before = await watch.fingerprint();
        const r = await host.dispatch(c.method, args, token);
        const code = r.ok ? undefined : r.error.code;
        count(t, r.ok ? 'ok' : 'error', code);
        checkAnswer(label(c.method, body.text), 200, r);
        if (code && INPUT_REFUSALS.includes(code)) expect(await watch.fingerprint(), `wrote: ${label(c.method, body.text)}`).toBe(before);
        if (upFront) {
          t.refusedUpFront++;
          expect(INPUT_REFUSALS, label(c.method, body.text)).toContain(code);
          watch.refused(label(c.method, body.text));
        }
      }),
      { numRuns: BUDGET.desk, seed: SEED, endOnFailure: true },
    );
    await watch.settle();
    everyMethodCalled(t);
    expect(await host.dispatch('org.teams', {}, await fx.token('agent01'))).toMatchObject({ ok: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    t.ms += Date.now() - t0;
  }, 180_000);
});
