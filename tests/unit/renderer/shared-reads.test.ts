import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/api/events';
import type { DeskClient } from '../../../renderer/client/desk-client';
import { sharedRead } from '../../../renderer/client/shared-reads';

/** A desk that answers each call when told to, counting the calls that reached it. */
function fakeDesk() {
  const calls: { method: string; args: unknown; answer(v: unknown): void }[] = [];
  const listeners = new Set<(e: DeskEvent) => void>();
  let session: string | null = 'token-a';
  const client = {
    call: (method: string, args: unknown) => new Promise((answer) => calls.push({ method, args, answer })),
    session: () => session,
    setSession: (t: string | null) => (session = t),
    onEvent: (cb: (e: DeskEvent) => void) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  } as unknown as DeskClient;
  const changed = () => listeners.forEach((cb) => cb({ type: 'changed', method: 'policy.save', tables: ['policy_versions'] }));
  return { client, calls, changed };
}

describe('reads asked for by several screens at once', () => {
  it('the same read in flight reaches the desk once and every asker gets its answer', async () => {
    const d = fakeDesk();
    const asked = Array.from({ length: 12 }, () => sharedRead(d.client, 'policy.current', '{}', false));
    expect(d.calls).toHaveLength(1);
    d.calls[0]!.answer({ version: 1 });
    expect(await Promise.all(asked)).toEqual(Array.from({ length: 12 }, () => ({ version: 1 })));
  });

  it('a read asked before a sign-out is not joined by the next person: their own call, their own answer', async () => {
    const d = fakeDesk();
    const mine = sharedRead(d.client, 'calls.history', '{"q":""}', false);
    d.client.setSession('token-b');
    const theirs = sharedRead(d.client, 'calls.history', '{"q":""}', false);
    expect(d.calls).toHaveLength(2);
    d.calls[0]!.answer(['team A call']);
    d.calls[1]!.answer(['team B call']);
    expect(await mine).toEqual(['team A call']);
    expect(await theirs).toEqual(['team B call']);
  });

  it('other arguments or another method are other calls', () => {
    const d = fakeDesk();
    void sharedRead(d.client, 'calls.list', '{"date":"2026-03-17"}', false);
    void sharedRead(d.client, 'calls.list', '{"date":"2026-03-18"}', false);
    void sharedRead(d.client, 'policy.current', '{}', false);
    expect(d.calls.map((c) => [c.method, c.args])).toEqual([
      ['calls.list', { date: '2026-03-17' }],
      ['calls.list', { date: '2026-03-18' }],
      ['policy.current', {}],
    ]);
  });

  it('after a change nobody joins a call asked before it: the next asker gets a fresh answer', async () => {
    const d = fakeDesk();
    const before = sharedRead(d.client, 'policy.current', '{}', false);
    d.changed();
    const after = sharedRead(d.client, 'policy.current', '{}', false);
    expect(d.calls).toHaveLength(2);
    d.calls[0]!.answer({ version: 1 });
    d.calls[1]!.answer({ version: 2 });
    expect(await before).toEqual({ version: 1 });
    expect(await after).toEqual({ version: 2 });
  });

  it('a reload for a change or a retry always asks anew, and later askers join that one', async () => {
    const d = fakeDesk();
    void sharedRead(d.client, 'policy.current', '{}', false);
    const fresh = sharedRead(d.client, 'policy.current', '{}', true);
    const later = sharedRead(d.client, 'policy.current', '{}', false);
    expect(d.calls).toHaveLength(2);
    d.calls[1]!.answer({ version: 2 });
    expect(await fresh).toEqual({ version: 2 });
    expect(await later).toEqual({ version: 2 });
  });

  it('once answered (or failed), the next read asks the desk again', async () => {
    const d = fakeDesk();
    const first = sharedRead(d.client, 'policy.current', '{}', false);
    d.calls[0]!.answer({ version: 1 });
    await first;
    void sharedRead(d.client, 'policy.current', '{}', false);
    expect(d.calls).toHaveLength(2);
  });
});
