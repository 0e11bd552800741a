import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer, type CentralServer } from '../../server/app';
import { LoginLimiter } from '../../server/auth/login-limiter';
import type { CentralStore } from '../../server/store';
import { takeVersion } from '../../server/sync/versions';
import { seedDemoCenter } from '../../db/demo/seed';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { startDeskHost } from '../../electron/backend/desk-host';
import { wiredLink } from './support/desks';
import { api, ENGINE_CASES } from './support/central';
import { demoPasswordHashes, placeBareDesk } from './support/templates';
import { tempDir } from './support/tmp';

/**
 * Issue #15, login throttling: one counter per account whatever the spelling of its name, a guess counted
 * before its password is checked (so simultaneous guesses cannot all slip through), backoff per account,
 * only a loose flood guard per address (a floor shares one NAT address), and X-Forwarded-For believed only
 * from a configured proxy.
 */

// Every password check the server makes (scrypt against a hash, or the burn for an unknown name), counted.
const checks = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../db/auth/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../db/auth/password')>();
  return {
    ...real,
    verifyPassword: (password: string, stored: string) => {
      checks.n++;
      return real.verifyPassword(password, stored);
    },
    burnPasswordCheck: (password: string) => {
      checks.n++;
      return real.burnPasswordCheck(password);
    },
  };
});

const dir = tempDir();
afterAll(() => dir.remove());

interface Running {
  url: string;
  server: CentralServer;
  store: CentralStore;
  stop(): Promise<void>;
}
const running: Running[] = [];
afterAll(async () => {
  for (const r of running) await r.stop();
});

/** A demo center on PGlite, with this test's limiter and proxy list. */
async function center(name: string, o: { limiter?: LoginLimiter; trustedProxies?: string[] } = {}): Promise<Running> {
  const store = await ENGINE_CASES[0]!.open(join(dir.path, name));
  const version = await store.db.transaction().execute((tx) => takeVersion(tx));
  await seedDemoCenter(store.db, new Date(), version, await demoPasswordHashes());
  const server = buildServer({ store, clock: () => new Date(), appVersion: 'test', loginLimiter: o.limiter, trustedProxies: o.trustedProxies });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const r: Running = {
    url: `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`,
    server,
    store,
    stop: async () => {
      await server.app.close();
      await store.close();
    },
  };
  running.push(r);
  return r;
}

const login = (url: string, username: string, password: string, headers: Record<string, string> = {}) => api(url, '/api/v1/session.login', { username, password }, undefined, headers);

describe('the limiter on its own (a fake clock)', () => {
  let now = 1_000_000;
  const clock = () => now;
  const fail = (l: LoginLimiter, username: string, address: string | null = '10.1.1.1') => {
    const r = l.reserve(username, address);
    if (r.ok) r.settle('failure');
    return r;
  };

  it('counts every spelling of one name under one key: spaces, case, full-width, compatibility forms', () => {
    const key = LoginLimiter.accountKey('agent01');
    for (const v of ['agent01 ', ' AGENT01', 'Agent01', 'ａｇｅｎｔ０１', '\u3000ａｇｅｎｔ01\u3000', 'ᵃgent01', 'AGENT０１\t']) expect(LoginLimiter.accountKey(v), JSON.stringify(v)).toBe(key);
    // A name that folds to nothing an account can be named shares one bucket, not a fresh counter each.
    expect(LoginLimiter.accountKey('agent01\u200b')).toBe(LoginLimiter.accountKey('café'));
    expect(LoginLimiter.accountKey('cafe\u0301')).toBe(LoginLimiter.accountKey('café'));
  });

  it('locks an account after 5 failures for 30 s, doubling per further failure up to 15 min; a success resets it', () => {
    const l = new LoginLimiter({}, clock);
    for (let i = 0; i < 5; i++) expect(fail(l, 'agent02').ok).toBe(true);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const refused = l.reserve('AGENT02', '10.9.9.9');
      if (refused.ok) throw new Error('should be locked');
      waits.push(refused.retryAfterSeconds);
      now += refused.retryAfterSeconds * 1000;
      expect(fail(l, 'agent02').ok).toBe(true); // one guess per expired lock
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    now += 900_000;
    const ok = l.reserve('agent02', '10.1.1.1');
    if (!ok.ok) throw new Error('lock should have expired');
    ok.settle('success');
    // Reset: five fresh guesses before the next lock.
    for (let i = 0; i < 5; i++) expect(fail(l, 'agent02').ok).toBe(true);
    expect(l.reserve('agent02', '10.1.1.1')).toMatchObject({ ok: false, retryAfterSeconds: 30, reason: 'account' });
  });

  it('reserves before the check: 60 simultaneous guesses, 5 admitted, the rest refused until they settle', () => {
    const l = new LoginLimiter({}, clock);
    const all = Array.from({ length: 60 }, () => l.reserve('agent03', '10.2.2.2'));
    expect(all.filter((r) => r.ok)).toHaveLength(5);
    expect(l.counters).toEqual({ admitted: 5, refused: 55 });
    // Guesses that end neither way (invalid input, a database fault) give their slot back.
    for (const r of all) if (r.ok) r.settle('void');
    expect(l.reserve('agent03', '10.2.2.2').ok).toBe(true);
  });

  it('does not lock a NAT address for everyone because one account failed; only a flood of failures waits', () => {
    const l = new LoginLimiter({ addressFailures: 12 }, clock);
    for (let i = 0; i < 5; i++) fail(l, 'agent04', '10.3.3.3');
    expect(l.reserve('agent04', '10.3.3.3').ok).toBe(false);
    const other = l.reserve('agent05', '10.3.3.3');
    expect(other.ok).toBe(true);
    if (other.ok) other.settle('success');
    // Twelve failures from one address across accounts: the flood guard, for every account there.
    for (let i = 0; i < 7; i++) fail(l, `agent1${i}`, '10.3.3.3');
    expect(l.reserve('agent05', '10.3.3.3')).toMatchObject({ ok: false, reason: 'address' });
    expect(l.reserve('agent05', '10.4.4.4').ok).toBe(true);
  });
});

describe('the central server', () => {
  let c: Running;
  beforeAll(async () => {
    c = await center('server');
  });
  afterEach(() => {
    checks.n = 0;
  });

  it('signs in whatever the spelling of the name, and counts every spelling against one account', async () => {
    const fullWidth = await login(c.url, ' ＡＧＥＮＴ０１\u3000', DEMO_PASSWORD);
    expect(fullWidth).toMatchObject({ status: 200, body: { value: { actor: { username: 'agent01' } } } });
    for (const name of ['agent09 ', 'AGENT09', 'ａｇｅｎｔ０９', '\u3000Agent09', 'ᵃgent09']) expect((await login(c.url, name, 'wrong-guess')).status, name).toBe(401);
    const locked = await login(c.url, 'agent09', DEMO_PASSWORD);
    expect(locked).toMatchObject({ status: 429, body: { ok: false, error: { code: 'rate_limited', params: { retryAfterSeconds: 30 }, fields: [{ path: 'username', code: 'err.loginLocked' }] } } });
  });

  it('60 simultaneous wrong guesses: at most 5 reach the password check, the rest are refused before it', async () => {
    checks.n = 0;
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(c.url, i % 2 ? 'agent08' : 'Agent08 ', `guess-${i}`)));
    expect(checks.n).toBeLessThanOrEqual(5);
    expect(checks.n).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(checks.n);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(60 - checks.n);
  });

  it('one account locked behind a shared address does not lock anyone else there', async () => {
    for (let i = 0; i < 5; i++) expect((await login(c.url, 'agent07', 'wrong-guess')).status).toBe(401);
    expect((await login(c.url, 'agent07', DEMO_PASSWORD)).status).toBe(429);
    for (const name of ['agent02', 'agent03', 'agent04', 'lead01', 'qa01', 'admin']) expect((await login(c.url, name, DEMO_PASSWORD)).status, name).toBe(200);
  });
});

describe('backoff through the server (the limiter on a fake clock)', () => {
  it('answers a locked account 429 with the wait, doubling, and lets it in once the lock is over', async () => {
    let now = 5_000_000;
    const c = await center('backoff', { limiter: new LoginLimiter({}, () => now) });
    for (let i = 0; i < 5; i++) expect((await login(c.url, 'agent03', 'wrong-guess')).status).toBe(401);
    const first = await login(c.url, 'agent03', DEMO_PASSWORD);
    expect(first).toMatchObject({ status: 429, body: { error: { params: { retryAfterSeconds: 30 } } } });
    now += 30_000;
    expect((await login(c.url, 'agent03', 'wrong-guess')).status).toBe(401);
    expect((await login(c.url, 'agent03', DEMO_PASSWORD)).body.error.params.retryAfterSeconds).toBe(60);
    now += 60_000;
    expect((await login(c.url, 'agent03', DEMO_PASSWORD)).status).toBe(200);
    // A success forgives: one wrong guess now is just a wrong guess.
    expect((await login(c.url, 'agent03', 'wrong-guess')).status).toBe(401);
    expect((await login(c.url, 'agent03', DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('X-Forwarded-For', () => {
  const flood = () => new LoginLimiter({ addressFailures: 3 });
  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('is ignored unless the request comes from a configured proxy', async () => {
    const c = await center('no-proxy', { limiter: flood() });
    // Three failures, each "from" another address: all really from 127.0.0.1, so the flood guard stops the fourth.
    for (let i = 1; i <= 3; i++) expect((await login(c.url, `agent0${i}`, 'wrong-guess', from(`203.0.113.${i}`))).status).toBe(401);
    const fourth = await login(c.url, 'agent05', DEMO_PASSWORD, from('203.0.113.99'));
    expect(fourth).toMatchObject({ status: 429, body: { error: { fields: [{ code: 'err.loginFlood' }] } } });
  });

  it('names the client when the proxy is trusted (option or ZHIBAN_TRUSTED_PROXY)', async () => {
    const byOption = await center('proxy-option', { limiter: flood(), trustedProxies: ['127.0.0.1'] });
    process.env.ZHIBAN_TRUSTED_PROXY = '10.0.0.1, 127.0.0.1';
    let byEnv: Running;
    try {
      byEnv = await center('proxy-env', { limiter: flood() });
    } finally {
      delete process.env.ZHIBAN_TRUSTED_PROXY;
    }
    for (const c of [byOption, byEnv]) {
      for (let i = 1; i <= 6; i++) expect((await login(c.url, `agent0${i}`, 'wrong-guess', from(`203.0.113.${i}`))).status).toBe(401);
      expect((await login(c.url, 'agent07', DEMO_PASSWORD, from('203.0.113.99'))).status).toBe(200);
      // The forwarded address is the one counted: three failures from it, and it waits.
      for (let i = 0; i < 3; i++) await login(c.url, `lead0${(i % 2) + 1}`, 'wrong-guess', from('198.51.100.7'));
      expect((await login(c.url, 'agent08', DEMO_PASSWORD, from('198.51.100.7'))).status).toBe(429);
    }
  });
});

describe('a desk signing in through the server', () => {
  it('says the account is locked, with the wait, instead of "wrong password"', async () => {
    const c = await center('desk-server');
    await placeBareDesk(join(dir.path, 'desk'));
    const host = await startDeskHost({ dataDir: join(dir.path, 'desk'), link: wiredLink(c.url, { online: true, dropNextReply: false }), retryBaseMs: 20 });
    try {
      for (let i = 0; i < 5; i++) expect(await host.dispatch('session.login', { username: 'agent06', password: 'wrong-guess' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      const locked = await host.dispatch('session.login', { username: 'agent06', password: DEMO_PASSWORD });
      expect(locked).toMatchObject({ ok: false, error: { code: 'rate_limited', params: { retryAfterSeconds: 30 }, fields: [{ code: 'err.loginLocked' }] } });
    } finally {
      await host.close();
    }
  });
});
