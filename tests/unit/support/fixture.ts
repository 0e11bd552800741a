import type { Dispatch } from '../../../db/dispatch';
import { DEMO_PASSWORD } from '../../../db/demo/demo-center';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/table';
import { addDays } from '../../../shared/calendar/day-kind';
import { dateInZone } from '../../../shared/policy/zoned-date';
import type { WireError } from '../../../shared/api/errors';

/** The instant every generated suite runs at: Wednesday 2026-03-11, 10:00 in Shanghai (not a holiday). */
export const FIXED_NOW = new Date('2026-03-11T02:00:00.000Z');

/** The wire error of a call that must be refused (fails the test if it succeeds or throws something else). */
export async function refusal(p: Promise<unknown>): Promise<WireError> {
  const e = await p.catch((x: unknown) => x);
  if (!(e instanceof CallFailed)) throw new Error(`expected a refusal, got ${e instanceof Error ? e.message : JSON.stringify(e)}`);
  return e.wire;
}

export class CallFailed extends Error {
  constructor(
    readonly method: string,
    readonly wire: WireError,
  ) {
    super(`${method}: ${wire.code} ${wire.message} ${JSON.stringify(wire.fields ?? wire.ruleIds ?? '')}`);
  }
}

/**
 * A demo center behind one dispatch (a desk's or the server's), signed in as anyone on demand, at a fixed
 * clock. What the generated suites (method × role, fuzzing, undo/version) and examples talk to.
 */
export class Fixture {
  private readonly tokens = new Map<string, string>();
  readonly today: string;

  constructor(
    readonly dispatch: Dispatch,
    readonly now: Date = FIXED_NOW,
  ) {
    this.today = dateInZone(now.toISOString(), 'Asia/Shanghai');
  }

  userId(username: string): string {
    return `user-${username}`;
  }

  day(offset: number): string {
    return addDays(this.today, offset);
  }

  /** Whether `username` already has a token here (else `token` signs in, which a standalone desk audits). */
  signedIn(username: string): boolean {
    return this.tokens.has(username);
  }

  async token(username: string): Promise<string> {
    let t = this.tokens.get(username);
    if (!t) {
      const r = await this.dispatch('session.login', { username, password: DEMO_PASSWORD });
      if (!r.ok) throw new CallFailed('session.login', r.error);
      t = (r.value as { token: string }).token;
      this.tokens.set(username, t);
    }
    return t;
  }

  async call<M extends MethodName>(as: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const r = await this.dispatch(method, input, await this.token(as));
    if (!r.ok) throw new CallFailed(method, r.error);
    return r.value as MethodOutput<M>;
  }

  /** A person's shift code per date from the team's month grids (this month and the next). */
  async shifts(username: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const month of [this.today.slice(0, 7), addDays(`${this.today.slice(0, 7)}-28`, 7).slice(0, 7)]) {
      const grid = await this.call('dept01', 'roster.month', { month });
      const p = grid.people.find((x) => x.username === username);
      if (!p) continue;
      grid.days.forEach((d, i) => p.shifts[i] && out.set(d.date, p.shifts[i]!));
    }
    return out;
  }

  /** A swap the rules allow between two people (given day ≥ 2 days ahead), confirmed by swap.check. */
  async findSwap(requester: string, partner: string): Promise<{ giveDate: string; takeDate: string }> {
    const [mine, theirs] = await Promise.all([this.shifts(requester), this.shifts(partner)]);
    for (let g = 2; g < 24; g++) {
      const giveDate = this.day(g);
      if (!mine.has(giveDate) || theirs.has(giveDate)) continue;
      for (let k = 2; k < 24; k++) {
        const takeDate = this.day(k);
        if (takeDate === giveDate || !theirs.has(takeDate) || mine.has(takeDate)) continue;
        const c = await this.call(requester, 'swap.check', { partnerId: this.userId(partner), giveDate, takeDate });
        if (c.checks.every((x) => x.status === 'pass')) return { giveDate, takeDate };
      }
    }
    throw new Error(`no valid swap between ${requester} and ${partner}`);
  }

  /** A day ≥ 3 days ahead on which the person works and has no leave yet, whose leave of `type` the rules allow. */
  async findLeaveDay(username: string, type: MethodInput<'leave.check'>['type']): Promise<string> {
    const shifts = await this.shifts(username);
    const months = [this.today.slice(0, 7), addDays(`${this.today.slice(0, 7)}-28`, 7).slice(0, 7)];
    const taken = (await Promise.all(months.map((month) => this.call(username, 'leave.list', { month, checks: false })))).flat().filter((l) => l.status === 'requested' || l.status === 'approved');
    for (let d = 3; d < 24; d++) {
      const date = this.day(d);
      if (!shifts.has(date) || shifts.get(date) === 'N' || taken.some((l) => l.fromDate <= date && l.toDate >= date)) continue;
      const c = await this.call(username, 'leave.check', { userId: this.userId(username), type, fromDate: date, toDate: date });
      if (c.checks.every((x) => x.status === 'pass')) return date;
    }
    throw new Error(`no leave day for ${username}`);
  }
}
