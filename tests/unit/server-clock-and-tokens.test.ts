import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClock } from '../../server/clock';
import { SERVER_SESSION_TTL_MS } from '../../server/auth/server-sessions';
import { api, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { tempDir } from './support/tmp';

describe('the server clock', () => {
  it('is the wall clock unless pinned', () => {
    const before = Date.now();
    expect(serverClock({}).call(null).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('accepts a pinned clock in test mode only', () => {
    expect(serverClock({ NODE_ENV: 'test', ZHIBAN_FIXED_CLOCK: '2026-12-01T08:00:00.000Z' })().toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(() => serverClock({ NODE_ENV: 'production', ZHIBAN_FIXED_CLOCK: '2026-12-01T08:00:00.000Z' })).toThrow(/only accepted when NODE_ENV=test/);
    expect(() => serverClock({ ZHIBAN_FIXED_CLOCK: '2026-12-01T08:00:00.000Z' })).toThrow(/refusing to start/);
    expect(() => serverClock({ NODE_ENV: 'test', ZHIBAN_FIXED_CLOCK: 'tomorrow' })).toThrow(/not an ISO instant/);
  });
});

describe('server tokens', () => {
  const dir = tempDir();
  let now = Date.parse('2026-11-23T08:00:00.000Z');
  let central: RunningCentral;
  beforeAll(async () => {
    central = await startCentral(ENGINE_CASES[0]!, dir.path, { clock: () => new Date(now) });
  });
  afterAll(async () => {
    await central.stop();
    dir.remove();
  });

  it('expire after their lifetime: the desk must sign in again', async () => {
    const token = await serverLogin(central.url, 'agent01');
    expect((await api(central.url, '/api/v1/session.me', {}, token)).status).toBe(200);
    now += SERVER_SESSION_TTL_MS + 1000;
    const r = await api(central.url, '/api/sync/pull', { clientId: crypto.randomUUID(), cookie: null, sinceMutationId: 0 }, token);
    expect(r).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthenticated' } } });
  });
});
