import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hlcReceive } from '../../shared/sync/hlc';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { openDesk, type TestDesk } from './support/desks';
import { aCall } from './support/calls';
import { tempDir } from './support/tmp';

/**
 * Found by the fault harness (tests/faults, "desk clock +24 h"): a desk whose clock had once run a day ahead kept
 * that day in its hybrid logical clock after the clock was put right (the HLC never runs backwards), so every
 * act it stamped for the next day was refused as sync.clock-drift. Now a pull drops an HLC that is further
 * ahead of the server and of the desk's own clock than the policy's drift allows.
 */
const T = Date.parse('2026-03-17T02:30:00.000Z');
const DAY = 86_400_000;

describe('hlcReceive', () => {
  it('keeps a clock within the allowed drift, and one the desk clock itself still shows', () => {
    const prev = { wall: T + 60_000, counter: 3, node: 'd' };
    expect(hlcReceive(prev, T, T, 'd', 5 * 60_000)).toEqual({ wall: T + 60_000, counter: 4, node: 'd' });
    expect(hlcReceive({ ...prev, wall: T + DAY }, T, T + DAY, 'd', 5 * 60_000)).toEqual({ wall: T + DAY, counter: 4, node: 'd' });
    expect(hlcReceive({ ...prev, wall: T + DAY }, T, T, 'd')).toEqual({ wall: T + DAY, counter: 4, node: 'd' });
  });
  it('drops a clock left a day ahead once both the server and the desk say otherwise', () => {
    expect(hlcReceive({ wall: T + DAY, counter: 9, node: 'd' }, T, T + 1000, 'd', 5 * 60_000)).toEqual({ wall: T + 1000, counter: 0, node: 'd' });
  });
});

describe('a desk whose clock was a day ahead and has been put right', () => {
  const dir = tempDir();
  let central: RunningCentral;
  let desk: TestDesk;
  let deskNow = T;
  beforeAll(async () => {
    central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'), { clock: () => new Date(T) });
    desk = await openDesk(central.url, join(dir.path, 'desk'), 'agent01', { clock: () => new Date(deskNow) });
  });
  afterAll(async () => {
    await desk.host.close();
    await central.stop();
    dir.remove();
  });

  const callAt = (now: number) => {
    const ended = new Date(now - 60_000);
    return aCall({ startedAt: new Date(ended.getTime() - 120_000).toISOString(), endedAt: ended.toISOString() });
  };
  const onServer = async (id: string) => (await central.store.db.selectFrom('calls').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  const refused = async () => (await desk.host.db.selectFrom('attention_inbox').select(['args', 'rule_ids']).execute()).map((r) => ({ id: (JSON.parse(r.args) as { id: string }).id, rules: r.rule_ids }));

  it('has its acts of the wrong day refused, and its acts after the next sync applied', async () => {
    deskNow = T + DAY;
    const ahead = callAt(deskNow);
    expect((await desk.host.dispatch('calls.log', ahead, desk.token)).ok).toBe(true);
    await desk.host.sync.syncNow();
    expect(await onServer(ahead.id)).toBe(false);
    expect(await refused()).toEqual([{ id: ahead.id, rules: JSON.stringify(['sync.clock-drift']) }]);

    deskNow = T + 60_000; // put right
    await desk.host.sync.syncNow();
    const right = callAt(deskNow);
    expect((await desk.host.dispatch('calls.log', right, desk.token)).ok).toBe(true);
    await desk.host.sync.syncNow();
    expect(await onServer(right.id)).toBe(true);
    expect((await refused()).map((r) => r.id)).toEqual([ahead.id]);
  });
});
