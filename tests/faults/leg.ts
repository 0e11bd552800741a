import { execFileSync } from 'node:child_process';
import { appendFileSync, closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { api, type MethodName } from '../../shared/api/table';
import { CALL_CATEGORIES } from '../../shared/calls/schemas';
import { addDays } from '../../shared/calendar/day-kind';
import { monthOf } from '../../shared/calendar/month';
import { dateInZone } from '../../shared/policy/zoned-date';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { DB_FILE_NAME } from '../../electron/backend/desk-host';
import { createScratchDatabase } from '../../server/store';
import { Central } from './central';
import { describeDiff, diffReplicas, freshPull, readDeskLedger, readDeskReplica, scopeFromDb, type DeskLedger } from './check';
import { Desk, isTransport, type RpcResult } from './desk';
import type { PgCluster } from './postgres';
import type { Prng } from './prng';
import { FaultProxy } from './proxy';

/** The instant every process of the run is pinned to (NODE_ENV=test + ZHIBAN_FIXED_CLOCK): a Tuesday, mid-month. */
export const NOW = '2026-03-17T02:30:00.000Z';
const NOW_MS = Date.parse(NOW);
const ZONE = 'Asia/Shanghai';
const TODAY = dateInZone(NOW, ZONE);
const MONTH = monthOf(TODAY);
const DAY_MS = 86_400_000;

/** Who sits at the three desks: two agents of different teams and the lead of the first. */
const PEOPLE = ['agent01', 'agent07', 'lead01'] as const;
const TEAM_A = ['agent01', 'agent02', 'agent03', 'agent04', 'agent05', 'agent06', 'lead01'];
/** Acts whose input carries the id of the row they create: applied means that row exists. */
const CREATES: Partial<Record<MethodName, 'calls' | 'swaps' | 'leave_requests'>> = { 'calls.log': 'calls', 'swap.request': 'swaps', 'leave.request': 'leave_requests' };

export const FAULT_KINDS = [
  'desk kill -9 mid-write',
  'desk kill -9 mid-sync',
  'server kill -9 mid-push',
  'network cut',
  'dropped response',
  'duplicated push (concurrent)',
  'duplicated push (replayed)',
  'desk clock +24 h',
  'desk clock -24 h',
  'disk full (desk)',
  'PostgreSQL restart',
  'pg_terminate_backend',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type Severity = 'critical' | 'major' | 'minor' | 'info';
export interface Finding {
  severity: Severity;
  title: string;
  detail: string;
  leg: string;
  iteration: number;
}

export interface Ack {
  n: number;
  desk: number | null;
  actor: string;
  name: MethodName;
  args: Record<string, unknown>;
  /** JSON of the parsed input: what the desk's outbox and the server's mutation_log hold. */
  key: string;
  skewMs: number;
  iteration: number;
}

export interface LegResult {
  name: string;
  engine: string;
  skipped: string | null;
  iterations: number;
  steps: number;
  faults: Record<string, number>;
  acks: number;
  acksByName: Record<string, number>;
  applied: number;
  rejected: number;
  rejectedByRule: Record<string, number>;
  refusedAtOnce: Record<string, number>;
  noAnswer: number;
  lost: number;
  divergent: number;
  duplicates: number;
  serverUpAtEnd: boolean;
  unacknowledgedApplied: number;
  proxy: { forwarded: number; repliesDropped: number; duplicated: number };
  notes: string[];
  findings: Finding[];
  wallMs: number;
  diskFull: string;
}

export interface LegOptions {
  name: string;
  engine: 'pglite' | 'postgres';
  rng: Prng;
  root: string;
  logDir: string;
  deadline: number;
  maxIterations: number;
  minIterations: number;
  stepsPerIteration: [number, number];
  pg: PgCluster | null;
  /** Plant a divergence and a lost ack in the first iteration (the run must fail). */
  plant?: boolean;
  /** Only these fault kinds (a run that chases one fault); all when absent. */
  onlyFaults?: readonly string[];
  log(line: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return true;
    if (Date.now() > deadline) return false;
    await sleep(intervalMs);
  }
}

function canonicalArgs(name: MethodName, args: unknown): string {
  return JSON.stringify(api[name].input.parse(args));
}

/**
 * One leg: a central server process (PGlite or PostgreSQL), three desk processes each behind its own fault
 * proxy, and iterations of seeded actions and faults, each ending healed, quiet and checked.
 */
export class Leg {
  private central!: Central;
  private desks: Desk[] = [];
  private proxies: FaultProxy[] = [];
  private scratch: { url: string; drop(): Promise<void> } | null = null;
  private tmpfs: { desk: number; dir: string; filler: string; full: boolean } | null = null;
  private diskFullHow = 'not injected';
  private serverTokens = new Map<string, string>();
  private background: Promise<unknown>[] = [];
  private acks: Ack[] = [];
  private iteration = 0;
  private steps = 0;
  private stepLog: string[] = [];
  private readonly faults: Record<string, number> = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0]));
  private readonly refusedAtOnce: Record<string, number> = {};
  private noAnswer = 0;
  private readonly findings: Finding[] = [];
  private readonly notes: string[] = [];
  /** Counted once each, whichever checks see them: acks lost, desks that diverged, things done twice. */
  private readonly lostAcks = new Set<number>();
  private readonly divergentDesks = new Set<string>();
  private readonly duplicateKeys = new Set<string>();
  private applied = 0;
  private rejected = 0;
  private unacknowledgedApplied = 0;
  private readonly rejectedByRule: Record<string, number> = {};
  private finalChecked = false;
  /** Acks already accounted for (each is judged once, in the first check that sees it quiet). */
  private readonly createsChecked = new Set<number>();
  private readonly ledgerChecked = new Set<number>();
  private readonly dupReported = new Set<string>();
  private serverUpAtEnd = false;
  private callNo = 0;

  constructor(private readonly o: LegOptions) {}

  private get rng(): Prng {
    return this.o.rng;
  }

  private env(): NodeJS.ProcessEnv {
    const { DATABASE_URL: _shared, ...env } = process.env;
    return { ...env, NODE_ENV: 'test', ZHIBAN_FIXED_CLOCK: NOW };
  }

  private find(severity: Severity, title: string, detail: string): void {
    this.findings.push({ severity, title, detail, leg: this.o.name, iteration: this.iteration });
    this.o.log(`  !! ${severity}: ${title} — ${detail.slice(0, 600)}`);
  }

  private trace(line: string): void {
    this.stepLog.push(`[it ${this.iteration}] ${line}`);
    appendFileSync(join(this.o.logDir, 'steps.log'), `${new Date().toISOString()} [it ${this.iteration}] ${line}\n`);
    if (this.stepLog.length > 400) this.stepLog.shift();
  }

  // ---------------------------------------------------------------- set-up and tear-down

  async setUp(): Promise<void> {
    mkdirSync(this.o.logDir, { recursive: true });
    let databaseUrl: string | null = null;
    if (this.o.engine === 'postgres') {
      this.scratch = await createScratchDatabase(this.o.pg!.baseUrl, 'zb_faults');
      databaseUrl = this.scratch.url;
    }
    this.central = new Central(this.o.engine, join(this.o.root, 'server'), databaseUrl, this.env(), this.o.logDir, () => this.proxies);
    this.central.onCrash = (how, tail) => this.find('critical', `the server process died on its own (${how})`, tail.slice(-2000));
    await this.central.start();
    const port = Number(new URL(this.central.url).port);
    this.proxies = await Promise.all(PEOPLE.map(() => FaultProxy.start(port)));
    this.mountTmpfs(this.rng.int(0, PEOPLE.length - 1));
    this.desks = PEOPLE.map((who, i) => new Desk(i, who, join(this.o.root, `desk${i}`), this.proxies[i]!, () => this.env(), this.o.logDir, NOW_MS));
    for (const d of this.desks) {
      mkdirSync(d.dataDir, { recursive: true });
      d.onCrash = (how, tail) => this.find('critical', `${d.label} died on its own (${how})`, tail.slice(-2000));
    }
    await Promise.all(this.desks.map((d) => d.start(0)));
    for (const d of this.desks) await d.signIn();
    for (const who of [...PEOPLE, 'center01', 'lead02']) this.serverTokens.set(who, await this.serverLogin(who));
    if (!(await this.quiesce('set-up'))) throw new Error('the desks did not finish their first sync');
  }

  private async serverLogin(username: string): Promise<string> {
    const r = await this.central.post('/api/v1/session.login', { username, password: DEMO_PASSWORD });
    if (r.status !== 200) throw new Error(`server login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return (r.body as { value: { token: string } }).value.token;
  }

  /** The disk-full desk keeps its data on a small tmpfs of its own (root only); else disk-full is not injected. */
  private mountTmpfs(desk: number): void {
    const dir = join(this.o.root, `desk${desk}`);
    mkdirSync(dir, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', dir], { stdio: 'pipe' });
      this.tmpfs = { desk, dir, filler: join(dir, 'filler.bin'), full: false };
      this.diskFullHow = `desk${desk} (${PEOPLE[desk]}) data dir on its own 24 MB tmpfs, filled by a file up to ENOSPC`;
      mountedTmpfs.add(dir);
    } catch (err) {
      this.diskFullHow = `not injected: mount -t tmpfs refused (${(err as Error).message.split('\n')[0]})`;
      this.notes.push(`Disk full was not injected: ${this.diskFullHow}.`);
    }
  }

  async tearDown(): Promise<void> {
    for (const d of this.desks) await d.stop().catch(() => undefined);
    await this.central?.stop().catch(() => undefined);
    for (const p of this.proxies) await p.close().catch(() => undefined);
    if (this.tmpfs) {
      unmount(this.tmpfs.dir);
      this.tmpfs = null;
    }
    await this.scratch?.drop().catch((err: unknown) => this.notes.push(`scratch database not dropped: ${(err as Error).message}`));
  }

  // ---------------------------------------------------------------- the loop

  async run(): Promise<LegResult> {
    const started = Date.now();
    let avg = 40_000;
    const reserve = this.o.engine === 'pglite' ? 15_000 : 8_000; // the final heal and check (PGlite: stop, open, read)
    try {
      await this.setUp();
      this.o.log(`  [${this.o.name}] set up in ${((Date.now() - started) / 1000).toFixed(1)} s (server ${this.central.url}, desks ${this.desks.map((d) => d.label).join(', ')}; disk full: ${this.diskFullHow})`);
      while (this.iteration < this.o.maxIterations) {
        const left = this.o.deadline - Date.now();
        if (this.iteration >= this.o.minIterations && left < avg + reserve) break;
        this.iteration++;
        const t0 = Date.now();
        const ok = await this.iterate();
        const took = Date.now() - t0;
        avg = this.iteration === 1 ? took : (avg * (this.iteration - 1) + took) / this.iteration;
        this.o.log(
          `  [${this.o.name}] iteration ${this.iteration} ${ok ? 'ok' : 'FAILED'} in ${(took / 1000).toFixed(1)} s — acks ${this.acks.length}, faults ${Object.values(this.faults).reduce((a, b) => a + b, 0)}, lost ${this.lostAcks.size}, divergent ${this.divergentDesks.size}, duplicates ${this.duplicateKeys.size}`,
        );
        if (!ok) break;
      }
      await this.finalCheck();
    } catch (err) {
      this.find('critical', 'the leg could not go on', `${(err as Error).stack ?? String(err)}\nlast steps:\n${this.stepLog.slice(-25).join('\n')}`);
      if (!this.finalChecked) await this.finalCheck().catch((e: unknown) => this.find('critical', 'final check failed', String((e as Error).stack ?? e)));
    } finally {
      await this.tearDown();
    }
    return this.result(Date.now() - started);
  }

  private async iterate(): Promise<boolean> {
    const n = this.rng.int(this.o.stepsPerIteration[0], this.o.stepsPerIteration[1]);
    for (let i = 0; i < n; i++) {
      this.steps++;
      if (this.rng.bool(0.35)) await this.fault();
      else await this.action(this.rng.pick(this.desks));
      await sleep(this.rng.int(0, 200));
    }
    await this.heal();
    if (!(await this.quiesce(`iteration ${this.iteration}`))) return false;
    if (this.o.plant && this.iteration === 1) this.plant();
    const converged = await this.checkConvergence();
    await this.checkCreates();
    if (this.o.engine === 'postgres') await this.checkLedger(false);
    const health = await this.central.health();
    if (health !== 200) {
      this.find('critical', 'server not healthy after healing', `GET /api/health answered ${health}`);
      return false;
    }
    return converged;
  }

  // ---------------------------------------------------------------- actions

  private record(d: Desk | null, actor: string, name: MethodName, args: Record<string, unknown>, r: RpcResult): boolean {
    if (r.ok) {
      this.acks.push({ n: this.acks.length + 1, desk: d?.index ?? null, actor, name, args, key: canonicalArgs(name, args), skewMs: d?.skewMs ?? 0, iteration: this.iteration });
      this.trace(`${d?.label ?? 'api'} ${name} ${String(args.id ?? '')} acknowledged`);
      return true;
    }
    if (isTransport(r)) {
      this.noAnswer++;
      this.trace(`${d?.label ?? 'api'} ${name} no answer (${r.transport})`);
    } else {
      this.refusedAtOnce[r.error.code] = (this.refusedAtOnce[r.error.code] ?? 0) + 1;
      this.trace(`${d?.label ?? 'api'} ${name} refused at once: ${r.error.code} ${r.error.message.slice(0, 120)}`);
      if (r.error.code === 'internal') this.find('major', `desk answered internal to ${name}`, `${d?.label}: ${JSON.stringify(r.error)}`);
    }
    return false;
  }

  private async call(d: Desk, name: MethodName, args: Record<string, unknown>): Promise<boolean> {
    return this.record(d, d.userId, name, args, await d.rpc(name, args));
  }

  private callArgs(d: Desk): Record<string, unknown> {
    // Started 3–180 minutes ago by the desk's own clock, ended at least a minute ago (never "in the future").
    const agoS = this.rng.int(3, 180) * 60;
    const started = d.clockMs - agoS * 1000;
    const ended = started + this.rng.int(20, Math.min(900, agoS - 60)) * 1000;
    this.callNo++;
    return {
      id: this.rng.uuid(),
      customerPhone: `138 ${this.rng.int(1000, 9999)} ${this.rng.int(1000, 9999)}`,
      customerName: this.rng.pick(['', '赵先生', '钱女士', '孙先生']),
      category: this.rng.pick(CALL_CATEGORIES),
      summary: `故障演练 ${this.o.name} #${this.callNo}`,
      outcome: '已处理',
      followUp: this.rng.bool(0.2),
      startedAt: new Date(started).toISOString(),
      endedAt: new Date(ended).toISOString(),
    };
  }

  private async action(d: Desk): Promise<void> {
    if (!d.running()) return;
    const lead = d.username.startsWith('lead');
    const kind = lead
      ? this.rng.weighted({ log: 35, assign: 30, swapDecide: 14, leaveDecide: 10, leaveRequest: 5, apiDecide: 6 })
      : this.rng.weighted({ log: 55, swapRequest: 14, swapRespond: 10, swapCancel: 3, leaveRequest: 12, apiDecide: 6 });
    switch (kind) {
      case 'log':
        await this.call(d, 'calls.log', this.callArgs(d));
        return;
      case 'assign':
        await this.call(d, 'roster.assign', {
          id: this.rng.uuid(),
          userId: `user-${this.rng.pick(TEAM_A)}`,
          date: addDays(TODAY, this.rng.int(1, 20)),
          shiftCode: this.rng.pick(['D', 'E', 'N', null]),
        });
        return;
      case 'swapRequest':
        return this.swapRequest(d);
      case 'swapRespond':
      case 'swapCancel':
      case 'swapDecide': {
        // Every draw comes before the desk answers, so the seed's stream does not depend on what the lists hold.
        const accept = this.rng.bool(0.8);
        const pickAt = this.rng.next();
        const r = await d.rpc('swap.list', { month: MONTH, checks: false });
        if (!r.ok) return;
        const swaps = (r.value as { swaps: { id: string; status: string; requesterId: string; partnerId: string }[] }).swaps;
        const open =
          kind === 'swapRespond'
            ? swaps.filter((s) => s.partnerId === d.userId && s.status === 'requested')
            : kind === 'swapCancel'
              ? swaps.filter((s) => s.requesterId === d.userId && (s.status === 'requested' || s.status === 'accepted'))
              : swaps.filter((s) => s.status === 'accepted');
        const s = open[Math.floor(pickAt * open.length)];
        if (!s) return;
        if (kind === 'swapRespond') await this.call(d, 'swap.respond', { id: s.id, accept });
        else if (kind === 'swapCancel') await this.call(d, 'swap.cancel', { id: s.id });
        else await this.call(d, 'swap.decide', { id: s.id, approve: accept, note: '' });
        return;
      }
      case 'leaveRequest': {
        const from = addDays(TODAY, this.rng.int(1, 14));
        await this.call(d, 'leave.request', {
          id: this.rng.uuid(),
          userId: d.userId,
          type: this.rng.pick(['personal', 'personal', 'personal_special', 'sick', 'business']),
          fromDate: from,
          toDate: addDays(from, this.rng.int(0, 2)),
          reason: '家中有事',
          certificate: null,
        });
        return;
      }
      case 'leaveDecide': {
        const approve = this.rng.bool(0.75);
        const pickAt = this.rng.next();
        const r = await d.rpc('leave.list', { month: MONTH, checks: false });
        if (!r.ok) return;
        const open = (r.value as { id: string; status: string; userId: string }[]).filter((l) => l.status === 'requested' && l.userId !== d.userId);
        const l = open[Math.floor(pickAt * open.length)];
        if (l) await this.call(d, 'leave.decide', { id: l.id, approve, note: '' });
        return;
      }
      case 'apiDecide':
        return this.apiDecide();
    }
  }

  private async swapRequest(d: Desk): Promise<void> {
    const other = this.desks.find((x) => x !== d && !x.username.startsWith('lead'));
    const partner = other && this.rng.bool(0.85) ? other.userId : `user-${this.rng.pick(['agent02', 'agent03', 'agent08', 'agent09'])}`;
    const id = this.rng.uuid();
    const pickGive = this.rng.next();
    const pickTake = this.rng.next();
    const fallback = this.rng.int(1, 6);
    const mine = await d.rpc('roster.mine', { from: addDays(TODAY, 2), days: 21 });
    if (!mine.ok) return;
    const shifts = mine.value as { date: string }[];
    if (shifts.length === 0) return;
    // A day the colleague is free to take over (the server's swap.options says which pay-back days every rule
    // allows): up to five of my shifts are tried, from a seeded starting point, before one is guessed.
    const start = Math.floor(pickGive * shifts.length);
    let give = shifts[start]!.date;
    let take: string | null = null;
    for (let k = 0; k < Math.min(5, shifts.length) && take === null; k++) {
      const date = shifts[(start + k) % shifts.length]!.date;
      const opts = await d.rpc('swap.options', { partnerId: partner, giveDate: date });
      const suggestions = opts.ok ? (opts.value as { suggestions: { takeDate: string }[] }).suggestions : [];
      if (suggestions.length) {
        give = date;
        take = suggestions[Math.floor(pickTake * suggestions.length)]!.takeDate;
      }
    }
    await this.call(d, 'swap.request', { id, partnerId: partner, giveDate: give, takeDate: take ?? addDays(give, fallback), reason: '家中有事' });
  }

  /** The other team's lead has no desk here: they approve through the server's API, as an integrator would. */
  private async apiDecide(): Promise<void> {
    const approve = this.rng.bool(0.8);
    const pickAt = this.rng.next();
    if (!this.central.running()) return;
    const token = this.serverTokens.get('lead02')!;
    try {
      const list = await this.central.post('/api/v1/swap.list', { month: MONTH, checks: false }, token);
      if (list.status !== 200) return;
      const swaps = (list.body as { value: { swaps: { id: string; status: string; leadB: unknown; leadA: unknown; requesterTeam: string; partnerTeam: string }[] } }).value.swaps;
      const open = swaps.filter((s) => s.status === 'accepted');
      const s = open[Math.floor(pickAt * open.length)];
      if (!s) return;
      const args = { id: s.id, approve, note: '' };
      const r = await this.central.post('/api/v1/swap.decide', args, token);
      this.record(null, 'user-lead02', 'swap.decide', args, r.status === 200 ? (r.body as RpcResult) : r.status >= 500 ? { ok: false, transport: `HTTP ${r.status}` } : (r.body as RpcResult));
    } catch (err) {
      this.trace(`api swap.decide: no answer (${(err as Error).message})`);
    }
  }

  // ---------------------------------------------------------------- faults

  private count(kind: FaultKind): void {
    this.faults[kind]!++;
    this.trace(`FAULT ${kind}`);
  }

  private async fault(): Promise<void> {
    const pgLeg = this.o.engine === 'postgres';
    const weights: Record<FaultKind, number> = {
      'desk kill -9 mid-write': 10,
      'desk kill -9 mid-sync': 8,
      'server kill -9 mid-push': 7,
      'network cut': 10,
      'dropped response': 10,
      'duplicated push (concurrent)': 8,
      'duplicated push (replayed)': 8,
      'desk clock +24 h': 3,
      'desk clock -24 h': 3,
      'disk full (desk)': this.tmpfs ? 6 : 0,
      'PostgreSQL restart': pgLeg && this.o.pg?.restartSkip === null ? 6 : 0,
      'pg_terminate_backend': pgLeg ? 7 : 0,
    };
    const only = this.o.onlyFaults;
    if (only) for (const k of FAULT_KINDS) if (!only.includes(k)) weights[k] = 0;
    if (Object.values(weights).every((w) => w <= 0)) return this.action(this.rng.pick(this.desks));
    const kind = this.rng.weighted<FaultKind>(weights);
    const d = this.rng.pick(this.desks);
    switch (kind) {
      case 'desk kill -9 mid-write':
        return this.killMidWrite(d);
      case 'desk kill -9 mid-sync':
        return this.killMidSync(d);
      case 'server kill -9 mid-push':
        return this.killServerMidPush(d);
      case 'network cut':
        if (d.proxy.cut) {
          d.proxy.restore();
          this.trace(`${d.label} cable back`);
        } else {
          this.count(kind);
          d.proxy.cutCable();
        }
        return;
      case 'dropped response': {
        const route = this.rng.bool(0.7) ? 'push' : 'pull';
        this.count(kind);
        d.proxy.dropNextReply(route);
        await this.action(d);
        return;
      }
      case 'duplicated push (concurrent)':
        this.count(kind);
        d.proxy.duplicateNextPush();
        await this.action(d);
        return;
      case 'duplicated push (replayed)':
        return this.replayPush(d);
      case 'desk clock +24 h':
      case 'desk clock -24 h': {
        if (d.skewMs !== 0) return;
        this.count(kind);
        await this.restartDesk(d, 'stop', kind === 'desk clock +24 h' ? DAY_MS : -DAY_MS);
        return;
      }
      case 'disk full (desk)':
        return this.toggleDiskFull();
      case 'PostgreSQL restart':
      case 'pg_terminate_backend':
        return this.postgresFault(kind, d);
    }
  }

  /** Restarts a desk on the same data dir and signs its person in again (offline if need be). */
  private async restartDesk(d: Desk, how: 'kill9' | 'stop', skewMs = d.skewMs): Promise<void> {
    if (how === 'kill9') await d.kill9();
    else await d.stop();
    try {
      await d.start(skewMs);
    } catch (err) {
      if (this.tmpfs?.desk === d.index && this.tmpfs.full) {
        this.notes.push(`A desk whose disk was full did not start (expected): ${(err as Error).message.split('\n')[0]}`);
        this.freeDisk();
        await d.start(skewMs);
      } else throw err;
    }
    try {
      await d.signIn();
    } catch (err) {
      if (this.tmpfs?.desk === d.index && this.tmpfs.full) {
        this.freeDisk();
        await d.signIn();
      } else throw err;
    }
  }

  private async killMidWrite(d: Desk): Promise<void> {
    if (!d.running()) return;
    this.count('desk kill -9 mid-write');
    const k = this.rng.int(1, 3);
    const delay = this.rng.int(0, 40);
    const writes = Array.from({ length: k }, () => {
      const args = this.callArgs(d);
      return d.rpc('calls.log', args).then((r) => this.record(d, d.userId, 'calls.log', args, r));
    });
    await sleep(delay);
    await d.kill9();
    await Promise.all(writes);
    await this.restartDesk(d, 'kill9');
  }

  /** Work piles up behind a cut cable; the cable comes back and the desk dies as its push (or pull) passes. */
  private async killMidSync(d: Desk): Promise<void> {
    if (!d.running()) return;
    this.count('desk kill -9 mid-sync');
    const k = this.rng.int(2, 6);
    const delay = this.rng.int(0, 30);
    const wasCut = d.proxy.cut;
    d.proxy.cutCable();
    for (let i = 0; i < k; i++) await this.call(d, 'calls.log', this.callArgs(d));
    let fired = false;
    d.proxy.onNext(['push', 'pull'], (route) => {
      fired = true;
      setTimeout(() => {
        this.trace(`${d.label} killed ${delay} ms after its ${route} passed (${d.proxy.inflight} request(s) in flight)`);
        void d.kill9();
      }, delay);
    });
    d.proxy.restore();
    if (!(await until(() => fired, 15_000))) {
      d.proxy.disarm();
      this.trace(`${d.label}: no sync within 15 s, killed anyway`);
    }
    await d.kill9();
    if (wasCut) d.proxy.cutCable();
    await this.restartDesk(d, 'kill9');
  }

  /** A desk comes back with a batch; the server is killed -9 while it applies it, then restarted on its storage. */
  private async killServerMidPush(d: Desk): Promise<void> {
    await this.central.ready();
    if (!d.running()) return;
    this.count('server kill -9 mid-push');
    const k = this.rng.int(3, 10);
    const delay = this.rng.int(0, 60);
    const wasCut = d.proxy.cut;
    d.proxy.cutCable();
    for (let i = 0; i < k; i++) await this.call(d, 'calls.log', this.callArgs(d));
    let fired = false;
    d.proxy.onNext(['push'], () => {
      fired = true;
      setTimeout(() => {
        this.trace(`server killed ${delay} ms after ${d.label}'s push arrived (${d.proxy.inflight} request(s) in flight)`);
        void this.central.kill9();
      }, delay);
    });
    d.proxy.restore();
    if (!(await until(() => fired, 15_000))) {
      d.proxy.disarm();
      this.trace('no push within 15 s: server killed anyway');
    }
    await sleep(delay + 5);
    await this.central.kill9();
    if (wasCut) d.proxy.cutCable();
    this.trace('server killed; restarting in the background');
    this.background.push(this.central.start().catch((err: unknown) => this.find('critical', 'the server did not restart after kill -9', String((err as Error).message))));
  }

  /** A push the desk already sent, sent again by someone else on the wire (straight to the server). */
  private async replayPush(d: Desk): Promise<void> {
    const pick = this.rng.next();
    const captured = d.proxy.captured;
    if (captured.length === 0 || !this.central.running()) return;
    this.count('duplicated push (replayed)');
    const c = captured[Math.floor(pick * captured.length)]!;
    try {
      const r = await fetch(`${this.central.url}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: c.authorization },
        body: new Uint8Array(c.body),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await r.text();
      this.trace(`replayed a push of ${d.label}: HTTP ${r.status}`);
      if (r.status >= 500 && r.status !== 503) this.find('major', 'a replayed push answered 5xx', `HTTP ${r.status}: ${text.slice(0, 400)}`);
      if (r.status === 200) {
        const body = JSON.parse(text) as { results: { id: number; status: string; duplicate?: boolean }[] };
        const fresh = body.results.filter((x) => !x.duplicate);
        if (fresh.length) this.trace(`  (${fresh.length} of the replayed mutations had not reached the server before)`);
      }
    } catch (err) {
      this.trace(`replay: no answer (${(err as Error).message})`);
    }
  }

  private toggleDiskFull(): void {
    const t = this.tmpfs!;
    if (t.full) {
      this.freeDisk();
      return;
    }
    this.count('disk full (desk)');
    const leave = this.rng.int(0, 48) * 1024;
    const fd = openSync(t.filler, 'a');
    try {
      for (const size of [1 << 20, 64 << 10, 4 << 10, 512]) {
        const buf = Buffer.alloc(size, 0x5a);
        try {
          for (;;) writeSync(fd, buf);
        } catch {
          // ENOSPC at this chunk size: go on with a smaller one
        }
      }
      const len = statSync(t.filler).size;
      ftruncateSync(fd, Math.max(0, len - leave));
    } finally {
      closeSync(fd);
    }
    t.full = true;
    this.trace(`disk of desk${t.desk} full (${leave} bytes left)`);
  }

  private freeDisk(): void {
    if (!this.tmpfs?.full) return;
    rmSync(this.tmpfs.filler, { force: true });
    this.tmpfs.full = false;
    this.trace(`disk of desk${this.tmpfs.desk} freed`);
  }

  private async postgresFault(kind: 'PostgreSQL restart' | 'pg_terminate_backend', d: Desk): Promise<void> {
    const pg = this.o.pg!;
    await this.central.ready();
    const atPush = this.rng.bool(0.6);
    const k = this.rng.int(2, 8);
    this.count(kind);
    const hit = () => {
      const p =
        kind === 'PostgreSQL restart'
          ? pg.restart().then(() => this.trace('PostgreSQL restarted'))
          : pg.terminate(this.central.database!).then((n) => this.trace(`terminated ${n} server connections`));
      this.background.push(p.catch((err: unknown) => this.find('critical', `${kind} failed`, String((err as Error).message))));
    };
    if (!atPush || !d.running()) return hit();
    const wasCut = d.proxy.cut;
    d.proxy.cutCable();
    for (let i = 0; i < k; i++) await this.call(d, 'calls.log', this.callArgs(d));
    let fired = false;
    d.proxy.onNext(['push'], () => {
      fired = true;
      setTimeout(hit, 5);
    });
    d.proxy.restore();
    if (!(await until(() => fired, 15_000))) {
      d.proxy.disarm();
      hit();
    }
    await sleep(200);
    if (wasCut) d.proxy.cutCable();
  }

  /**
   * --plant: proof that the checks are not vacuous. Behind the first desk's back, one of its calls is edited in
   * its database (a divergence no sync will undo), and an action that was never sent is recorded as
   * acknowledged (a loss). The run must then FAIL, naming both.
   */
  private plant(): void {
    const d = this.desks[0]!;
    const raw = new BetterSqlite3(this.dbFile(d));
    try {
      raw.pragma('busy_timeout = 5000');
      raw.prepare("update calls set summary = summary || ' (planted)' where rowid = (select max(rowid) from calls)").run();
    } finally {
      raw.close();
    }
    const args = this.callArgs(d);
    this.acks.push({ n: this.acks.length + 1, desk: d.index, actor: d.userId, name: 'calls.log', args, key: canonicalArgs('calls.log', args), skewMs: 0, iteration: this.iteration });
    this.o.log(`  [${this.o.name}] planted: an edited call on ${d.label} and a never-sent calls.log ${String(args.id)} recorded as acknowledged`);
  }

  // ---------------------------------------------------------------- heal, quiet, check

  private async heal(): Promise<void> {
    const pending = this.background.splice(0);
    await Promise.all(pending);
    await this.central.ready();
    this.freeDisk();
    for (const p of this.proxies) {
      p.disarm();
      p.restore();
    }
    for (const d of this.desks) {
      if (d.skewMs !== 0) await this.restartDesk(d, 'stop', 0);
      else if (!d.running()) await this.restartDesk(d, 'kill9', 0);
    }
  }

  /** Waits until every desk has pushed everything and is online, with nothing in flight on any wire. */
  private async quiesce(what: string, timeoutMs = 150_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown[] = [];
    while (Date.now() < deadline) {
      const st = await Promise.all(this.desks.map((d) => d.rpc('sync.now', {}, 60_000)));
      last = st.map((r) => (r.ok ? r.value : r));
      for (const [i, r] of st.entries()) {
        if (r.ok && (r.value as { state: string }).state === 'signedOut') {
          this.notes.push(`${this.desks[i]!.label} was signed out by the server and signed in again`);
          await this.desks[i]!.signIn();
        }
        if (!r.ok && !isTransport(r) && r.error.code === 'unauthenticated') await this.desks[i]!.signIn();
      }
      const quiet = st.every((r) => r.ok && (r.value as { pending: number }).pending === 0 && (r.value as { state: string }).state === 'online');
      if (quiet && this.proxies.every((p) => p.inflight === 0)) return true;
      await sleep(300);
    }
    this.find('critical', `sync did not go quiet (${what})`, `after ${timeoutMs / 1000} s the desks said ${JSON.stringify(last)}\nlast steps:\n${this.stepLog.slice(-20).join('\n')}`);
    for (const [i, d] of this.desks.entries()) {
      const v = last[i] as { pending?: number; state?: string };
      if (v?.pending !== 0 || v?.state !== 'online') this.divergentDesks.add(d.label);
    }
    return false;
  }

  private dbFile(d: Desk): string {
    return join(d.dataDir, DB_FILE_NAME);
  }

  /** Each desk's synced tables against a from-scratch pull of its person's scope on the running server. */
  private async checkConvergence(): Promise<boolean> {
    let diffs: string[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      diffs = [];
      for (const d of this.desks) {
        const server = await freshPull(this.central, this.serverTokens.get(d.username)!, d.username);
        const desk = readDeskReplica(this.dbFile(d));
        const diff = diffReplicas(desk, server);
        if (diff.length) diffs.push(`${d.label}: ${describeDiff(diff)}`);
        if (diff.length && attempt === 7) this.divergentDesks.add(d.label);
      }
      if (diffs.length === 0) return true;
      await sleep(500 + attempt * 500);
      await Promise.all(this.desks.map((d) => d.rpc('sync.now', {}, 60_000)));
    }
    this.find('critical', 'a desk did not converge to the server', `${diffs.join('\n')}\nlast steps:\n${this.stepLog.slice(-25).join('\n')}`);
    return false;
  }

  /** Acknowledged creations: each is on the server (its row) or in its actor's inbox, never both. */
  private async checkCreates(): Promise<void> {
    const all = await freshPull(this.central, this.serverTokens.get('center01')!, 'center01');
    const ledgers = this.desks.map((d) => readDeskLedger(this.dbFile(d)));
    for (const a of this.acks) {
      if (this.createsChecked.has(a.n) || a.desk === null) continue;
      this.createsChecked.add(a.n);
      const table = CREATES[a.name];
      if (!table) continue;
      const applied = all[table].has(String(a.args.id));
      const rejected = ledgers[a.desk]!.inbox.some((i) => i.name === a.name && i.args.id === a.args.id);
      if (!applied && !rejected) {
        this.lostAcks.add(a.n);
        this.find('critical', `acknowledged ${a.name} lost`, `${this.desks[a.desk]!.label} acknowledged ${a.name} ${String(a.args.id)} (iteration ${a.iteration}); it is neither on the server nor in the inbox\nlast steps:\n${this.stepLog.slice(-25).join('\n')}`);
      } else if (applied && rejected) {
        this.duplicateKeys.add(`${a.name}:${String(a.args.id)}`);
        this.find('critical', `${a.name} applied and also refused`, `${String(a.args.id)}: on the server and in ${this.desks[a.desk]!.label}'s inbox (a second delivery ran again)`);
      }
    }
  }

  /**
   * The whole account, from the server's mutation_log: every acknowledged action has its entry (applied, or
   * rejected and in its desk's inbox), one entry per (client, id), no creation twice; each desk equals its
   * person's scope read straight from the tables. PGlite: the server is stopped for this (the last check).
   */
  private async checkLedger(final: boolean): Promise<void> {
    const ledgers: DeskLedger[] = this.desks.map((d) => readDeskLedger(this.dbFile(d)));
    const replicas = this.desks.map((d) => readDeskReplica(this.dbFile(d)));
    await this.central.withDb(async (db) => {
      const log = await db.selectFrom('mutation_log').selectAll().execute();
      const keys = new Set(log.map((r) => `${r.client_id}#${r.id}`));
      if (keys.size !== log.length) {
        this.duplicateKeys.add(`mutation_log: ${log.length - keys.size} repeated (client, id)`);
        this.find('critical', 'mutation_log holds a (client, id) twice', `${log.length} entries, ${keys.size} distinct`);
      }
      const byKey = new Map<string, typeof log>();
      for (const r of log) {
        const k = `${r.actor_id}|${r.name}|${r.args}`;
        byKey.set(k, [...(byKey.get(k) ?? []), r]);
      }
      const consumed = new Set<string>();
      let applied = 0;
      let rejected = 0;
      const byRule: Record<string, number> = {};
      const clockRightButRefused: Ack[] = [];
      for (const a of this.acks) {
        // Every ack is matched each time (entries are consumed in order), but judged and reported once.
        const fresh = !this.ledgerChecked.has(a.n);
        this.ledgerChecked.add(a.n);
        const client = a.desk === null ? `api:${a.actor}` : ledgers[a.desk]!.clientIds[a.actor];
        const entry = (byKey.get(`${a.actor}|${a.name}|${a.key}`) ?? []).find((r) => r.client_id === client && !consumed.has(`${r.client_id}#${r.id}`));
        if (!entry) {
          if (fresh) {
            this.lostAcks.add(a.n);
            this.find('critical', `acknowledged ${a.name} missing from the server's mutation_log`, `ack #${a.n} by ${a.actor} (desk ${a.desk ?? 'api'}, iteration ${a.iteration}): ${a.key.slice(0, 300)}`);
          }
          continue;
        }
        consumed.add(`${entry.client_id}#${entry.id}`);
        if (entry.status === 'applied') {
          applied++;
          const table = CREATES[a.name];
          if (table && fresh) {
            const row = await db.selectFrom(table).select('id').where('id', '=', String(a.args.id)).executeTakeFirst();
            if (!row) {
              this.lostAcks.add(a.n);
              this.find('critical', `${a.name} logged applied but its row is missing`, `${String(a.args.id)}`);
            }
          }
        } else if (entry.status === 'rejected') {
          rejected++;
          const rules = entry.rule_ids ? (JSON.parse(entry.rule_ids) as string[]) : [];
          const label = rules.length ? rules.join('+') : (entry.code ?? 'rejected');
          byRule[label] = (byRule[label] ?? 0) + 1;
          if (a.skewMs === 0 && rules.includes('sync.clock-drift')) clockRightButRefused.push(a);
          if (fresh && (entry.code === 'internal' || entry.code === 'unavailable'))
            this.find('major', `an acknowledged ${a.name} was refused as "${entry.code}"`, `a server-side failure became a permanent refusal: ${entry.message ?? ''} (ack #${a.n})`);
          if (a.desk !== null && fresh) {
            const seen = ledgers[a.desk]!.inbox.some((i) => i.clientId === entry.client_id && i.mutationId === Number(entry.id));
            if (!seen) {
              this.lostAcks.add(a.n);
              this.find('critical', `acknowledged ${a.name} refused but not in the inbox`, `ack #${a.n} by ${a.actor}: mutation ${entry.client_id}#${entry.id} rejected (${label}) but ${this.desks[a.desk]!.label} does not show it`);
            }
          }
        } else if (fresh) {
          this.lostAcks.add(a.n);
          this.find('critical', `acknowledged ${a.name} logged as ${entry.status}`, `ack #${a.n}`);
        }
      }
      for (const [name, table] of Object.entries(CREATES)) {
        const ids = new Map<string, number>();
        for (const r of log.filter((x) => x.name === name && x.status === 'applied')) {
          const id = String((JSON.parse(r.args) as { id?: unknown }).id);
          ids.set(id, (ids.get(id) ?? 0) + 1);
        }
        for (const [id, n] of ids)
          if (n > 1 && !this.dupReported.has(`${name}:${id}`)) {
            this.dupReported.add(`${name}:${id}`);
            this.duplicateKeys.add(`${name}:${id}`);
            this.find('critical', `${name} applied ${n} times`, `${table} ${id}`);
          }
      }
      if (final) {
        this.applied = applied;
        this.rejected = rejected;
        Object.assign(this.rejectedByRule, byRule);
        const deskClients = new Set(ledgers.flatMap((l) => Object.values(l.clientIds)));
        this.unacknowledgedApplied = log.filter((r) => deskClients.has(r.client_id) && r.status === 'applied' && !consumed.has(`${r.client_id}#${r.id}`)).length;
        if (clockRightButRefused.length)
          this.find(
            'major',
            'acts done with a right clock refused for clock drift',
            `${clockRightButRefused.length} acknowledged acts made after the desk's clock was put right were refused by sync.clock-drift: the desk's hybrid logical clock kept the +24 h it had seen (e.g. ack #${clockRightButRefused[0]!.n}, ${clockRightButRefused[0]!.name} on desk${clockRightButRefused[0]!.desk})`,
          );
      }
      for (const [i, d] of this.desks.entries()) {
        if (ledgers[i]!.outbox !== 0) {
          this.divergentDesks.add(d.label);
          this.find('critical', `${d.label} still has ${ledgers[i]!.outbox} pending after quiescence`, '');
        }
        const { rows } = await scopeFromDb(db, d.userId);
        const diff = diffReplicas(replicas[i]!, rows);
        if (diff.length) {
          this.divergentDesks.add(d.label);
          this.find('critical', `${d.label} differs from its scope in the server's tables`, describeDiff(diff));
        }
      }
    });
  }

  private async finalCheck(): Promise<void> {
    if (this.finalChecked) return;
    this.finalChecked = true;
    await this.heal();
    const quiet = await this.quiesce('final');
    if (quiet) {
      await this.checkConvergence();
      await this.checkCreates();
    }
    const health = await this.central.health();
    this.serverUpAtEnd = health === 200;
    if (!this.serverUpAtEnd) this.find('critical', 'server down at the end', `GET /api/health answered ${health}`);
    this.summariseLogs();
    await this.checkLedger(true);
  }

  /**
   * What the processes said went wrong, counted by message (ids and numbers folded), for the report's notes:
   * expected complaints (a dropped database connection, a full disk) and anything that is not.
   */
  private summariseLogs(): void {
    for (const file of ['server.log', ...this.desks.map((d) => `desk${d.index}.log`)]) {
      let text = '';
      try {
        text = readFileSync(join(this.o.logDir, file), 'utf8');
      } catch {
        continue;
      }
      const counts = new Map<string, number>();
      for (const line of text.split('\n')) {
        if (/^\s/.test(line) || !/fail|error|lost|refus|unavailable|cannot/i.test(line)) continue;
        const key = line
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
          .replace(/\b\d+\b/g, 'N')
          .slice(0, 160);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      for (const [msg, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6)) this.notes.push(`${this.o.name} ${file}: ${n} × \`${msg.replace(/`/g, "'")}\``);
    }
  }

  private result(wallMs: number): LegResult {
    const acksByName: Record<string, number> = {};
    for (const a of this.acks) acksByName[a.name] = (acksByName[a.name] ?? 0) + 1;
    const stats = { forwarded: 0, repliesDropped: 0, duplicated: 0 };
    for (const p of this.proxies) for (const k of Object.keys(stats) as (keyof typeof stats)[]) stats[k] += p.stats[k];
    return {
      name: this.o.name,
      engine: this.o.engine,
      skipped: null,
      iterations: this.iteration,
      steps: this.steps,
      faults: this.faults,
      acks: this.acks.length,
      acksByName,
      applied: this.applied,
      rejected: this.rejected,
      rejectedByRule: this.rejectedByRule,
      refusedAtOnce: this.refusedAtOnce,
      noAnswer: this.noAnswer,
      lost: this.lostAcks.size,
      divergent: this.divergentDesks.size,
      duplicates: this.duplicateKeys.size,
      serverUpAtEnd: this.serverUpAtEnd,
      unacknowledgedApplied: this.unacknowledgedApplied,
      proxy: stats,
      notes: this.notes,
      findings: this.findings,
      wallMs,
      diskFull: this.diskFullHow,
    };
  }
}

/** tmpfs mounts of this run, unmounted however the run ends. */
export const mountedTmpfs = new Set<string>();

export function unmount(dir: string): void {
  if (!mountedTmpfs.has(dir)) return;
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    } catch {
      // nothing mounted there any more
    }
  }
  mountedTmpfs.delete(dir);
}

