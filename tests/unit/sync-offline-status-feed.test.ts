import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/api/events';
import type { SyncStatus } from '../../shared/sync/status';
import { followSyncStatus, type StatusSource } from '../../renderer/features/sync/status-feed';
import { connectionOf } from '../../renderer/features/login/connection';

/**
 * The "syncing forever" badge (issue #9): the renderer's feed took one sync.status answer and then only
 * events. Right after sign-in the desk is mid-run, so the answer says "syncing"; the run's final "online"
 * event goes out before the renderer's event socket has opened and is lost; nothing else comes until the
 * next run, 30 s later on a quiet floor — longer than the E2E waits. These drive the feed with a backend
 * stand-in whose event socket opens late.
 */
const status = (state: SyncStatus['state']): SyncStatus => ({ state, pending: 0, lastSyncedAt: null, firstSync: null, retryInSeconds: null, serverUrl: 'http://server' });

class FakeDesk implements StatusSource {
  state: SyncStatus['state'] = 'syncing';
  socketOpen = false;
  calls = 0;
  /** Answers wait for this before resolving, when set (an answer crossing an event). */
  gate: Promise<void> | null = null;
  private listeners = new Set<(e: DeskEvent) => void>();
  async call(): Promise<SyncStatus> {
    this.calls++;
    const answer = status(this.state); // read when asked, delivered later
    if (this.gate) await this.gate;
    return answer;
  }
  onEvent(cb: (e: DeskEvent) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
  /** The backend publishes; only an open socket carries it to the renderer. */
  publish(state: SyncStatus['state']): void {
    this.state = state;
    if (this.socketOpen) for (const l of this.listeners) l({ type: 'sync', status: status(state) });
  }
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the renderer sync status feed', () => {
  it('does not stay on "syncing" when the final event went out before the event socket opened', async () => {
    const desk = new FakeDesk();
    const seen: string[] = [];
    const stop = followSyncStatus(desk, (s) => seen.push(s.state), { recheckMs: 30 });
    await tick(5);
    expect(seen).toEqual(['syncing']);
    desk.publish('online'); // lost: the socket is still connecting
    desk.socketOpen = true;
    await tick(80);
    expect(seen.at(-1)).toBe('online'); // before: 'syncing' until some later run
    const asked = desk.calls;
    await tick(100);
    expect(desk.calls).toBe(asked); // settled: no more asking once the state is final
    stop();
  });

  it('never lets an answer that crossed an event undo it', async () => {
    const desk = new FakeDesk();
    desk.socketOpen = true;
    let open!: () => void;
    desk.gate = new Promise((r) => (open = r));
    const seen: string[] = [];
    const stop = followSyncStatus(desk, (s) => seen.push(s.state), { recheckMs: 30 });
    await tick(5);
    desk.publish('online'); // the event beats the (older) "syncing" answer
    open();
    await tick(60);
    expect(seen).toEqual(['online']);
    stop();
  });

  it('keeps asking while "syncing" and stops when told to', async () => {
    const desk = new FakeDesk();
    const seen: string[] = [];
    const stop = followSyncStatus(desk, (s) => seen.push(s.state), { recheckMs: 20 });
    await tick(90);
    expect(desk.calls).toBeGreaterThanOrEqual(3);
    stop();
    const asked = desk.calls;
    desk.state = 'online';
    await tick(60);
    expect(desk.calls).toBe(asked);
    expect(seen.every((s) => s === 'syncing')).toBe(true);
  });
});

describe('the sign-in page reads reachability from the sync state', () => {
  it('online and signedOut mean the server answered; syncing keeps the last answer', () => {
    expect(connectionOf('online', 'checking')).toBe('online');
    expect(connectionOf('signedOut', 'offline')).toBe('online');
    expect(connectionOf('offline', 'online')).toBe('offline');
    expect(connectionOf('standalone', 'checking')).toBe('standalone');
    expect(connectionOf('syncing', 'offline')).toBe('offline');
    expect(connectionOf('syncing', 'checking')).toBe('checking');
  });
});
