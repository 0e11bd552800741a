import { randomUUID } from 'node:crypto';
import { formatHlc } from '../../shared/sync/hlc';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { addDays } from '../../shared/calendar/day-kind';
import { shiftOn, type LoadPerson } from './center';

/** Deterministic randomness (mulberry32): the same seed gives both paths the same workload. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rates {
  /** Mean seconds between an agent's calls ("a call every 3 minutes", time compressed 60×). */
  callEvery: number;
  /** Mean seconds between a lead's roster edits. */
  rosterEvery: number;
  /** Mean seconds between an agent's swap requests. */
  swapEvery: number;
  /** Seconds between pulls of an idle desk (what a poke would trigger). */
  pullEvery: number;
}

interface Sent {
  name: string;
  args: Record<string, unknown>;
  actedAt: string;
  queuedAt: number;
}

export interface DeskStats {
  pushMs: number[];
  pullMs: number[];
  /** Queued on the desk → acknowledged by the server, per mutation. */
  ackMs: number[];
  /** When each acknowledgement came (performance.now()). */
  ackAt: number[];
  retries: number;
  errors: string[];
}

const PUSH_BATCH = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One desk speaking the sync protocol as the desk's sync engine does: mutations queue in an outbox, a push
 * sends up to 100 of them with consecutive ids and HLC act times, a pull follows (until `more` is false);
 * a 503 is retried, a 409 resends from the server's last id. It keeps what the server answered per id,
 * and the call ids its pulls brought, for the check afterwards.
 */
export class LoadDesk {
  readonly clientId = randomUUID();
  private nextId = 1;
  private outbox: (Sent & { id: number })[] = [];
  readonly sent = new Map<number, Sent>();
  readonly outcomes = new Map<number, string>();
  readonly seenCalls = new Set<string>();
  private cookie: string | null = null;
  private lastKnown = 0;
  private busy: Promise<void> | null = null;
  private counter = 0;
  /** Swap requests this desk still has to answer or decide, by id (from pulls). */
  private readonly todo = new Map<string, 'respond' | 'decide'>();
  private readonly handled = new Set<string>();

  constructor(
    readonly person: LoadPerson,
    private readonly team: readonly LoadPerson[],
    private readonly url: string,
    private readonly stats: DeskStats,
    private readonly random: () => number,
    /** false (--no-pull-after-push): only the periodic pulls, to see the push path without most pull load. */
    private readonly pullAfterPush = true,
  ) {}

  private async post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
    const r = await fetch(`${this.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.person.token}` }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as T };
  }

  enqueue(name: string, args: Record<string, unknown>): void {
    // The act time is the act's, kept with it in the outbox: a resend after a 503 carries the same one.
    const actedAt = formatHlc({ wall: Date.now(), counter: this.counter++ % 10000, node: this.clientId.slice(0, 8) });
    const m = { id: this.nextId++, name, args, actedAt, queuedAt: performance.now() };
    this.sent.set(m.id, m);
    this.outbox.push(m);
    this.kick();
  }

  /** Push what is queued, then pull; one sync at a time, as the desk's engine runs. */
  kick(): Promise<void> {
    if (!this.busy)
      this.busy = this.sync().finally(() => {
        this.busy = null;
        if (this.outbox.length > 0) void this.kick();
      });
    return this.busy;
  }

  async drain(): Promise<void> {
    while (this.busy || this.outbox.length > 0) await (this.busy ?? this.kick());
  }

  private async sync(): Promise<void> {
    const pushed = this.outbox.length > 0;
    while (this.outbox.length > 0) {
      const batch = this.outbox.slice(0, PUSH_BATCH);
      const mutations = batch.map((m) => ({ id: m.id, name: m.name, args: m.args, actedAt: m.actedAt }));
      const t0 = performance.now();
      const r = await this.post<PushResponse & { error?: { code: string } }>('/api/sync/push', { clientId: this.clientId, mutations });
      this.stats.pushMs.push(performance.now() - t0);
      if (r.status === 503) {
        this.stats.retries++;
        await sleep(200);
        continue;
      }
      if (r.status !== 200) {
        this.stats.errors.push(`push ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        if (r.status === 409) {
          const last = Number((r.body.error as { params?: { lastMutationId?: number } } | undefined)?.params?.lastMutationId ?? 0);
          this.outbox = this.outbox.filter((m) => m.id > last);
          continue;
        }
        await sleep(500);
        continue;
      }
      const now = performance.now();
      for (const res of r.body.results) {
        this.outcomes.set(res.id, res.status === 'skipped' ? (this.outcomes.get(res.id) ?? 'skipped') : res.status);
        const s = this.sent.get(res.id);
        if (s && !res.duplicate) {
          this.stats.ackMs.push(now - s.queuedAt);
          this.stats.ackAt.push(now);
        }
      }
      this.outbox = this.outbox.filter((m) => m.id > r.body.lastMutationId);
    }
    if (pushed && !this.pullAfterPush) return;
    await this.pull();
  }

  async pull(): Promise<void> {
    for (;;) {
      const t0 = performance.now();
      const r = await this.post<PullResponse>('/api/sync/pull', { clientId: this.clientId, cookie: this.cookie, sinceMutationId: this.lastKnown, limit: 1000 });
      this.stats.pullMs.push(performance.now() - t0);
      if (r.status === 503) {
        this.stats.retries++;
        await sleep(200);
        continue;
      }
      if (r.status !== 200) {
        this.stats.errors.push(`pull ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        return;
      }
      const p = r.body;
      if (p.reset) this.seenCalls.clear();
      for (const c of p.patch.calls as { id: string }[]) this.seenCalls.add(c.id);
      for (const s of p.patch.swaps as { id: string; status: string; partner_id: string; requester_id: string }[]) {
        if (this.handled.has(s.id)) continue;
        if (this.person.role === 'agent' && s.status === 'requested' && s.partner_id === this.person.userId) this.todo.set(s.id, 'respond');
        if (this.person.role === 'team_lead' && s.status === 'accepted') this.todo.set(s.id, 'decide');
      }
      this.lastKnown = Math.max(this.lastKnown, p.lastMutationId);
      this.cookie = p.cookie;
      if (!p.more) return;
    }
  }

  /** One call logged and synced: the server's code paths warmed up before anything is timed. */
  async warmUp(): Promise<void> {
    this.enqueue('calls.log', callArgs(this.random));
    await this.drain();
  }

  /** One act of this desk's person, as the mix says; returns the seconds until the next one. */
  act(rates: Rates, today: string): number {
    const r = this.random;
    for (const [id, what] of this.todo) {
      this.todo.delete(id);
      this.handled.add(id);
      if (what === 'respond') this.enqueue('swap.respond', { id, accept: true });
      else this.enqueue('swap.decide', { id, approve: true, note: '' });
    }
    if (this.person.role === 'team_lead') {
      // A roster edit: a teammate's rest day becomes a day shift (the rest rules may refuse some).
      const mates = this.team.filter((p) => p.role === 'agent');
      const who = mates[Math.floor(r() * mates.length)]!;
      for (let tries = 0; tries < 20; tries++) {
        const d = 2 + Math.floor(r() * 22);
        if (shiftOn(who.index, d) === null) {
          this.enqueue('roster.assign', { id: randomUUID(), userId: who.userId, date: addDays(today, d), shiftCode: 'D' });
          break;
        }
      }
      return exp(r, rates.rosterEvery);
    }
    if (r() < rates.callEvery / rates.swapEvery) {
      const mates = this.team.filter((p) => p.role === 'agent' && p.userId !== this.person.userId);
      const partner = mates[Math.floor(r() * mates.length)];
      const swap = partner ? swapDates(this.person.index, partner.index, r) : null;
      if (partner && swap) this.enqueue('swap.request', { id: randomUUID(), partnerId: partner.userId, giveDate: addDays(today, swap.give), takeDate: addDays(today, swap.take), reason: '家里有事' });
    } else this.enqueue('calls.log', callArgs(r));
    return exp(r, rates.callEvery);
  }
}

function exp(r: () => number, mean: number): number {
  return -Math.log(1 - r()) * mean;
}

/** A give day the requester works and the partner rests, a take day the other way round (days from today). */
function swapDates(me: number, partner: number, r: () => number): { give: number; take: number } | null {
  const days = Array.from({ length: 22 }, (_, k) => k + 2).sort(() => r() - 0.5);
  const give = days.find((d) => shiftOn(me, d) !== null && shiftOn(partner, d) === null);
  const take = days.find((d) => d !== give && shiftOn(partner, d) !== null && shiftOn(me, d) === null);
  return give !== undefined && take !== undefined ? { give, take } : null;
}

const CATEGORIES = ['query', 'complaint', 'consultation', 'registration'] as const;

function callArgs(r: () => number): Record<string, unknown> {
  const end = Date.now() - 30_000;
  const mins = 1 + Math.floor(r() * 8);
  return {
    id: randomUUID(),
    customerPhone: `138 ${String(Math.floor(r() * 10000)).padStart(4, '0')} ${String(Math.floor(r() * 10000)).padStart(4, '0')}`,
    customerName: '客户',
    category: CATEGORIES[Math.floor(r() * CATEGORIES.length)],
    summary: '咨询账单',
    outcome: '已解答',
    followUp: r() < 0.1,
    startedAt: new Date(end - mins * 60_000).toISOString(),
    endedAt: new Date(end).toISOString(),
  };
}
