import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/api/events';
import { TELEPHONY_BURST } from '../../shared/calls/telephony';
import { DeskEvents } from '../../electron/backend/events';
import { rateLimiter, startTelephonyHook, type RunningTelephonyHook } from '../../electron/backend/telephony-hook';
import { FIXED_NOW } from './support/fixture';

/** The phone system's screen-pop hook (#13 item 3), driven by a scripted client over HTTP. */
const TOKEN = 'phone-system-secret-0123456789';
let now = FIXED_NOW.getTime();
let hook: RunningTelephonyHook;
const seen: DeskEvent[] = [];
beforeAll(async () => {
  const events = new DeskEvents();
  events.on((e) => seen.push(e));
  hook = await startTelephonyHook({ token: TOKEN, events, clock: () => new Date(now) });
});
afterAll(() => hook.close());

async function send(body: unknown, token: string | null = TOKEN): Promise<{ status: number; body: { ok: boolean; error?: { code: string; fields?: { path: string }[] } } }> {
  const r = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as never };
}

describe('telephony hook', () => {
  it('ringing, answered and ended become desk events, in order, with the caller and the times', async () => {
    seen.length = 0;
    expect((await send({ event: 'ringing', callId: 'pbx-1', phone: '+86 138-0013-8000', at: '2026-03-11T02:00:00.000Z' })).status).toBe(202);
    expect((await send({ event: 'answered', callId: 'pbx-1' })).status).toBe(202);
    expect((await send({ event: 'ended', callId: 'pbx-1', at: '2026-03-11T02:04:00.000Z' })).status).toBe(202);
    expect(seen).toEqual([
      { type: 'telephony', event: 'ringing', callId: 'pbx-1', phone: '+86 138-0013-8000', at: '2026-03-11T02:00:00.000Z' },
      { type: 'telephony', event: 'answered', callId: 'pbx-1', phone: '', at: FIXED_NOW.toISOString() },
      { type: 'telephony', event: 'ended', callId: 'pbx-1', phone: '', at: '2026-03-11T02:04:00.000Z' },
    ]);
  });

  it('refuses a missing or wrong token (401), bad events with the field named (400), a non-JSON body; none becomes an event', async () => {
    now += 60_000; // a fresh bucket
    seen.length = 0;
    expect((await send({ event: 'ringing', callId: 'x', phone: '95588' }, null)).status).toBe(401);
    expect((await send({ event: 'ringing', callId: 'x', phone: '95588' }, 'guess')).status).toBe(401);
    for (const [body, path] of [
      [{ event: 'ringing', callId: 'x' }, 'phone'],
      [{ event: 'ringing', callId: 'x', phone: 'call me' }, 'phone'],
      [{ event: 'hangup', callId: 'x' }, 'event'],
      [{ event: 'ended', callId: '' }, 'callId'],
      [{ event: 'ended', callId: 'x', at: 'yesterday' }, 'at'],
    ] as const) {
      const r = await send(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error?.fields?.map((f) => f.path)).toContain(path);
    }
    expect((await send('not json{')).status).toBe(400);
    expect(seen).toEqual([]);
  });

  it('a flood is cut at the burst with 429; every accepted event is delivered, none twice', async () => {
    now += 60_000;
    seen.length = 0;
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => send({ event: 'ended', callId: `flood-${i}` })));
    const accepted = replies.filter((r) => r.status === 202).length;
    expect(accepted).toBe(TELEPHONY_BURST);
    expect(replies.filter((r) => r.status === 429).every((r) => r.body.error?.code === 'rate_limited')).toBe(true);
    expect(new Set(seen.map((e) => (e as { callId: string }).callId)).size).toBe(accepted);
    now += 1000; // a second later, five more are let through
    expect((await send({ event: 'ended', callId: 'after' })).status).toBe(202);
  });

  it('the rate limiter refills at its rate and never beyond its burst', () => {
    let t = 0;
    const allow = rateLimiter(3, 2, () => t);
    expect([allow(), allow(), allow(), allow()]).toEqual([true, true, true, false]);
    t = 500; // half a second: one token
    expect([allow(), allow()]).toEqual([true, false]);
    t = 60_000;
    expect([allow(), allow(), allow(), allow()]).toEqual([true, true, true, false]);
  });
});
