import { couldBeUsername, normaliseUsername } from '../../shared/auth/username';

export interface LoginLimits {
  /** Failed guesses an account is allowed before it locks. */
  accountFailures: number;
  /** The first lock; each further failure doubles it, up to `lockMaxMs`. A success resets the account. */
  lockBaseMs: number;
  lockMaxMs: number;
  /** An account's failures are forgotten after this long without one (and while not locked). */
  forgetAfterMs: number;
  /** Flood guard per address: this many failures (any accounts) in `addressWindowMs` and it waits. */
  addressFailures: number;
  addressWindowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  accountFailures: 5,
  lockBaseMs: 30_000,
  lockMaxMs: 15 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
  addressFailures: 100,
  addressWindowMs: 5 * 60_000,
};

/** What happened to a reserved guess: a wrong password (or no such person), a success, or neither (bad input, database down). */
export type GuessOutcome = 'failure' | 'success' | 'void';

export type Reservation = { ok: true; key: string; settle(outcome: GuessOutcome): void } | { ok: false; retryAfterSeconds: number; reason: 'account' | 'address' };

interface AccountState {
  failures: number;
  lockedUntil: number;
  lastFailureAt: number;
  /** Guesses reserved and not yet settled: counted before the slow password check. */
  inFlight: number;
}

interface AddressState {
  failures: number[];
  inFlight: number;
}

/** Keeps memory bounded against a spray of names: beyond this many accounts, idle ones are dropped first. */
const MAX_ACCOUNTS = 100_000;
const SWEEP_EVERY_MS = 60_000;

/**
 * Failed sign-ins, per account with backoff and per address as a flood guard only. In memory: a restart
 * forgives, which is fine against online guessing at these rates, and keeps the hot path free of writes.
 *
 * - The account key is the username as sign-in compares it (normaliseUsername), so `Agent01 `, `ａｇｅｎｔ０１`
 *   and `agent01` share one counter; every name that cannot be an account shares one bucket of its own.
 * - A guess is *reserved* before the password is checked and settled after, so N simultaneous guesses cannot
 *   all slip through the check-then-count window: an account has `accountFailures` guesses in flight or
 *   spent at most; once locked, one guess per expired lock.
 * - After `accountFailures` failures the account locks for 30 s, doubling per further failure up to 15 min;
 *   a success resets it. Per address only a loose flood guard (100 failures / 5 min): a call center's whole
 *   floor shares one NAT address, and one person's typos must not lock out everyone else.
 */
export class LoginLimiter {
  private readonly accounts = new Map<string, AccountState>();
  private readonly addresses = new Map<string, AddressState>();
  private readonly limits: LoginLimits;
  private lastSweep = 0;
  /** For tests and monitoring: guesses let through to the password check, and guesses refused before it. */
  readonly counters = { admitted: 0, refused: 0 };

  constructor(
    limits: Partial<LoginLimits> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LOGIN_LIMITS, ...limits };
  }

  /** The account key a username counts under. */
  static accountKey(username: string): string {
    const key = normaliseUsername(username);
    return couldBeUsername(key) ? key : '(not a username)';
  }

  private lockMs(failures: number): number {
    const { accountFailures, lockBaseMs, lockMaxMs } = this.limits;
    return Math.min(lockBaseMs * 2 ** Math.max(0, failures - accountFailures), lockMaxMs);
  }

  private account(key: string, now: number): AccountState {
    let a = this.accounts.get(key);
    if (a && a.inFlight === 0 && a.lockedUntil <= now && now - a.lastFailureAt > this.limits.forgetAfterMs) a = undefined;
    if (!a) {
      a = { failures: 0, lockedUntil: 0, lastFailureAt: 0, inFlight: 0 };
      this.accounts.set(key, a);
    }
    return a;
  }

  private address(ip: string, now: number): AddressState {
    let s = this.addresses.get(ip);
    if (!s) {
      s = { failures: [], inFlight: 0 };
      this.addresses.set(ip, s);
    }
    const cutoff = now - this.limits.addressWindowMs;
    while (s.failures.length > 0 && s.failures[0]! <= cutoff) s.failures.shift();
    return s;
  }

  /**
   * Reserves one guess for `username` from `address` (null: no address, e.g. a password change inside a
   * session), or says how long to wait. The caller must `settle` an admitted guess exactly once.
   */
  reserve(username: string, address: string | null): Reservation {
    const now = this.clock();
    this.sweep(now);
    const key = LoginLimiter.accountKey(username);
    const acc = this.account(key, now);
    const { accountFailures } = this.limits;
    if (acc.lockedUntil > now) return this.refuse('account', acc.lockedUntil - now);
    // Below the threshold the remaining allowance may run at once; past it, one guess per expired lock.
    const allowance = acc.failures < accountFailures ? accountFailures - acc.failures : 1;
    if (acc.inFlight >= allowance) return this.refuse('account', this.lockMs(Math.max(acc.failures + acc.inFlight, accountFailures)));
    const addr = address === null ? null : this.address(address, now);
    if (addr && addr.failures.length + addr.inFlight >= this.limits.addressFailures) {
      const oldest = addr.failures[0] ?? now;
      return this.refuse('address', Math.max(1000, oldest + this.limits.addressWindowMs - now));
    }
    acc.inFlight++;
    if (addr) addr.inFlight++;
    this.counters.admitted++;
    let settled = false;
    return {
      ok: true,
      key,
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        const at = this.clock();
        acc.inFlight--;
        if (addr) addr.inFlight--;
        if (outcome === 'success') {
          if (acc.inFlight === 0) this.accounts.delete(key);
          else Object.assign(acc, { failures: 0, lockedUntil: 0, lastFailureAt: 0 });
        } else if (outcome === 'failure') {
          acc.failures++;
          acc.lastFailureAt = at;
          if (acc.failures >= accountFailures) acc.lockedUntil = Math.max(acc.lockedUntil, at + this.lockMs(acc.failures));
          addr?.failures.push(at);
        }
      },
    };
  }

  /** Seconds until `username` may try again (0: now), for an answer that has no reservation to make. */
  retryAfterSeconds(username: string): number {
    const now = this.clock();
    const acc = this.accounts.get(LoginLimiter.accountKey(username));
    return acc && acc.lockedUntil > now ? Math.ceil((acc.lockedUntil - now) / 1000) : 0;
  }

  private refuse(reason: 'account' | 'address', waitMs: number): Reservation {
    this.counters.refused++;
    return { ok: false, reason, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS && this.accounts.size <= MAX_ACCOUNTS) return;
    this.lastSweep = now;
    for (const [k, a] of this.accounts) if (a.inFlight === 0 && a.lockedUntil <= now && now - a.lastFailureAt > this.limits.forgetAfterMs) this.accounts.delete(k);
    for (const [ip, s] of this.addresses) {
      this.address(ip, now);
      if (s.failures.length === 0 && s.inFlight === 0) this.addresses.delete(ip);
    }
    // Still too many (a spray of names): forget the idle, unlocked ones, oldest failure first.
    if (this.accounts.size > MAX_ACCOUNTS) {
      const idle = [...this.accounts].filter(([, a]) => a.inFlight === 0 && a.lockedUntil <= now).sort((x, y) => x[1].lastFailureAt - y[1].lastFailureAt);
      for (const [k] of idle.slice(0, this.accounts.size - MAX_ACCOUNTS)) this.accounts.delete(k);
    }
  }
}
