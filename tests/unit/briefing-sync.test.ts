import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue, RollCallEntry, RollCallSheetSchema } from '../../shared/briefing/schemas';
import type { z } from 'zod';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { openDesk, type TestDesk } from './support/desks';
import { tempDir } from './support/tmp';

/**
 * A roll call taken offline reaches the server and the people it concerns: QA publishes an issue from its desk,
 * the lead's desk pulls it, goes offline, and calls the roll of team 1's day shift (agent04 checked in at 07:45
 * on her own desk); back online, the server re-runs the same decision, agent04's desk receives the remark about
 * her, and QA's desk sees the issue briefed once. One clock for all, on 2026-03-11.
 */
const dir = tempDir();
let now = new Date('2026-03-10T23:30:00.000Z'); // 07:30 in Shanghai
const clock = () => now;
const at = (hhmm: string) => new Date(`2026-03-11T${hhmm}:00+08:00`);
const TODAY = '2026-03-11';
const DAY = { date: TODAY, teamId: 'team-a', shiftCode: 'D' };
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
async function ok<T>(d: TestDesk, method: string, input: unknown): Promise<T> {
  const r = (await d.host.dispatch(method, input, d.token)) as { ok: boolean; value?: T; error?: unknown };
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('an offline roll call reaches the server', () => {
  it('is saved offline, replayed by the server as the same record, and read by the agent and QA after their pulls', async () => {
    const qa = await desk('qa', 'qa01');
    const agent = await desk('agent', 'agent04');
    const lead = await desk('lead', 'lead01');
    const issue = await ok<Issue>(qa, 'briefing.publishIssue', { id: randomUUID(), title: '结束语不规范', seen: '未询问是否还有其他需要', sayInstead: '请问还有什么可以帮您？', criterion: 'wording' });
    await qa.host.sync.syncNow();
    now = at('07:45');
    await ok(agent, 'duty.checkIn', { date: TODAY });
    await agent.host.sync.syncNow();
    await lead.host.sync.syncNow();

    lead.wire.online = false;
    now = at('07:52');
    const sheet = await ok<z.infer<typeof RollCallSheetSchema>>(lead, 'briefing.rollCallSheet', DAY);
    expect(sheet.due.find((p) => p.userId === 'user-agent04')).toMatchObject({ suggested: 'present', early: true });
    expect(sheet.issues.map((i) => i.id)).toContain(issue.id);
    const people = sheet.due.map((p) => ({ userId: p.userId, mark: p.suggested, remark: p.userId === 'user-agent04' ? '提前到岗，状态好' : '' }));
    const saved = await ok<{ synced: boolean; revision: number }>(lead, 'briefing.saveRollCall', { ...DAY, people, remarks: '注意结束语', briefed: [issue.id] });
    expect(saved).toMatchObject({ synced: false, revision: 1 });
    expect(await central.store.db.selectFrom('roll_calls').select('id').execute()).toEqual([]);

    now = at('08:30');
    lead.wire.online = true;
    await lead.host.sync.syncNow();
    expect(await central.store.db.selectFrom('roll_calls').selectAll().executeTakeFirst()).toMatchObject({ id: `rc:team-a:${TODAY}:D`, revision: 1, taken_at: at('07:52').toISOString(), briefed: JSON.stringify([issue.id]) });
    expect(await central.store.db.selectFrom('roll_call_entries').select(['user_id', 'mark', 'remark']).where('user_id', '=', 'user-agent04').executeTakeFirst()).toEqual({ user_id: 'user-agent04', mark: 'present', remark: '提前到岗，状态好' });

    await agent.host.sync.syncNow();
    const mine = await ok<{ rollCalls: unknown[]; entries: RollCallEntry[] }>(agent, 'briefing.rollCalls', { from: TODAY });
    expect(mine.rollCalls).toEqual([]);
    expect(mine.entries).toEqual([expect.objectContaining({ userId: 'user-agent04', remark: '提前到岗，状态好' })]);

    await qa.host.sync.syncNow();
    expect((await ok<Issue[]>(qa, 'briefing.issues', {})).find((i) => i.id === issue.id)).toMatchObject({ briefed: 1, lastBriefed: TODAY });
  });
});
