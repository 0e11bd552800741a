import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../shared/sync/methods';
import type { Floor } from '../../shared/handover/schemas';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { openDesk, type TestDesk } from './support/desks';
import { tempDir } from './support/tmp';

/**
 * Check-ins travel like every other act: the desk decides at once, the server judges again at sync with the
 * act time (bounded by the desk's last pull, docs/DECISIONS.md "act time"), and the lead's desk sees the result.
 * One clock for the server and every desk, moved through the morning of 2026-03-11 (agent04: day shift 08–16).
 */
const dir = tempDir();
let now = new Date('2026-03-10T23:30:00.000Z'); // 07:30 in Shanghai
const clock = () => now;
const at = (hhmm: string) => new Date(`2026-03-11T${hhmm}:00+08:00`);
const TODAY = '2026-03-11';
let central: RunningCentral;
const desks: TestDesk[] = [];

beforeAll(async () => {
  central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'), { clock });
});
afterAll(async () => {
  for (const d of desks) await d.host.close();
  await central.stop();
  dir.remove();
});

async function desk(name: string, username: string) {
  const d = await openDesk(central.url, join(dir.path, name), username, { clock });
  desks.push(d);
  return d;
}
const serverRow = (userId: string) => central.store.db.selectFrom('attendance').selectAll().where('user_id', '=', userId).where('date', '=', TODAY).executeTakeFirst();
const floorState = async (d: TestDesk, name: string) => {
  const r = (await d.host.dispatch('duty.floor', { date: TODAY }, d.token)) as { ok: true; value: Floor };
  return r.value.teams.flatMap((t) => t.shifts.flatMap((s) => s.people)).find((p) => p.name === name)?.state;
};

describe('check-in across desks and the server', () => {
  let agent: TestDesk;
  let second: TestDesk;
  let lead: TestDesk;

  it('an offline check-in at 07:45, synced at 09:00, is judged at 07:45: on time, no violation; the lead sees it', async () => {
    agent = await desk('agent', 'agent04');
    second = await desk('second', 'agent04'); // the same person signed in at another desk, pulled at 07:30 too
    lead = await desk('lead', 'lead01');
    expect(await floorState(lead, '刘洋')).toBe('due');

    agent.wire.online = false;
    second.wire.online = false; // stays offline until the next test: it never sees the first check-in
    now = at('07:45');
    expect(await agent.host.dispatch('duty.checkIn', { date: TODAY }, agent.token)).toMatchObject({ ok: true, value: { attendance: { lateMinutes: 0 } } });
    now = at('09:00');
    agent.wire.online = true;
    await agent.host.sync.syncNow();
    expect(await serverRow('user-agent04')).toMatchObject({ checked_in_at: at('07:45').toISOString(), late_minutes: 0, violation_id: null });
    expect(await central.store.db.selectFrom('violations').select('id').where('user_id', '=', 'user-agent04').execute()).toEqual([]);

    await lead.host.sync.syncNow();
    expect(await floorState(lead, '刘洋')).toBe('checkedIn');
  });

  it('a second check-in from a desk that had not seen the first is refused at sync with the rule, and lands in its inbox', async () => {
    expect(await second.host.dispatch('duty.checkIn', { date: TODAY }, second.token)).toMatchObject({ ok: true }); // its own view: not in yet
    second.wire.online = true;
    await second.host.sync.syncNow();
    const inbox = (await second.host.dispatch('sync.inbox', {}, second.token)) as { ok: true; value: InboxItem[] };
    expect(inbox.value.find((i) => i.name === 'duty.checkIn')?.error).toMatchObject({ code: 'rule_violation', ruleIds: ['duty.on-time'], params: { problem: 'twice' } });
    // The desk now holds the server's check-in (07:45), not its own.
    const mine = (await second.host.dispatch('duty.mine', { date: TODAY }, second.token)) as { ok: true; value: { attendance: { checkedInAt: string } } };
    expect(mine.value.attendance.checkedInAt).toBe(at('07:45').toISOString());
  });
});
