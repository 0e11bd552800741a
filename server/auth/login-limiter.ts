/**
 * Failed logins per username and per address in a sliding window. In memory: a restart forgives, which
 * is fine against online guessing at human-visible rates, and keeps the hot path free of writes.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 5 * 60 * 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.clock() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until another try is allowed, or 0. */
  retryAfter(keys: string[]): number {
    let wait = 0;
    for (const k of keys) {
      const list = this.recent(k);
      if (list.length >= this.maxFailures) wait = Math.max(wait, Math.ceil((list[0]! + this.windowMs - this.clock()) / 1000));
    }
    return wait;
  }

  fail(keys: string[]): void {
    for (const k of keys) this.failures.set(k, [...this.recent(k), this.clock()]);
  }

  succeed(username: string): void {
    this.failures.delete(`user:${username}`);
  }
}
