import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../shared/answers/schemas';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { openDesk, type TestDesk } from './support/desks';
import { tempDir } from './support/tmp';

/**
 * Unified answers travel like every other act (meeting.weekly): the lead publishes on their desk, every
 * agent's desk pulls it (answers are center-wide), an agent acknowledges while offline, and the server and
 * the lead's desk see the acknowledgement once the agent's desk is back. One clock for all, 2026-03-11.
 */
const dir = tempDir();
let now = new Date('2026-03-11T02:00:00.000Z'); // 10:00 in Shanghai
const clock = () => now;
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
const answerOn = async (d: TestDesk, id: string) => ((await d.host.dispatch('answer.list', {}, d.token)) as { ok: true; value: { answers: Answer[] } }).value.answers.find((a) => a.id === id);

describe('a unified answer across desks and the server', () => {
  it('published on the lead’s desk, held by an agent of another team; acknowledged offline, it reaches the server and the lead', async () => {
    const lead = await desk('lead', 'lead01');
    const agent = await desk('agent', 'agent02');
    const other = await desk('other', 'agent08');
    const id = randomUUID();
    expect(await lead.host.dispatch('answer.publish', { id, title: '停机保号办理条件', question: '出国一年，号码怎么保留？', answer: '可办理停机保号，按月收取保号费，最长 12 个月。', keywords: ['停机保号'], categories: ['consultation'], meetingDate: '2026-03-09' }, lead.token)).toMatchObject({ ok: true });
    await lead.host.sync.syncNow();
    await agent.host.sync.syncNow();
    await other.host.sync.syncNow();
    expect(await answerOn(agent, id)).toMatchObject({ revision: 1, ackedAt: null, synced: true });
    expect(await answerOn(other, id)).toMatchObject({ title: '停机保号办理条件' }); // center-wide: team B holds it too

    agent.wire.online = false;
    now = new Date('2026-03-11T02:30:00.000Z');
    expect(await agent.host.dispatch('answer.ack', { id, revision: 1 }, agent.token)).toMatchObject({ ok: true, value: { ackedAt: now.toISOString() } });
    await agent.host.sync.syncNow(); // offline: stays in the outbox
    expect(await central.store.db.selectFrom('answer_acks').selectAll().where('answer_id', '=', id).execute()).toEqual([]);

    now = new Date('2026-03-11T03:00:00.000Z');
    agent.wire.online = true;
    await agent.host.sync.syncNow();
    // The server keeps the acknowledgement's own time (when the agent read it), not the sync's.
    expect(await central.store.db.selectFrom('answer_acks').select(['user_id', 'revision', 'acked_at']).where('answer_id', '=', id).execute()).toEqual([{ user_id: 'user-agent02', revision: 1, acked_at: '2026-03-11T02:30:00.000Z' }]);

    await lead.host.sync.syncNow();
    const seen = await answerOn(lead, id);
    expect(seen?.missing).not.toContain('李娜');
    expect(seen?.missing).toHaveLength(5);
  });

  it('an acknowledgement given offline of a version revised meanwhile records the old version; the new one is still to acknowledge', async () => {
    const [lead, agent] = [desks[0]!, desks[1]!];
    const id = randomUUID();
    const fields = { title: '发票补打', question: '发票丢了能补吗？', answer: '可在营业厅补打当月发票。', keywords: ['发票'], categories: ['query'], meetingDate: '2026-03-09' };
    await lead.host.dispatch('answer.publish', { id, ...fields }, lead.token);
    await lead.host.sync.syncNow();
    await agent.host.sync.syncNow();
    agent.wire.online = false;
    expect(await agent.host.dispatch('answer.ack', { id, revision: 1 }, agent.token)).toMatchObject({ ok: true });
    expect(await lead.host.dispatch('answer.revise', { id, revision: 1, ...fields, answer: '可在营业厅或网上营业厅补打近 6 个月发票。', note: '放宽到 6 个月' }, lead.token)).toMatchObject({ ok: true, value: { revision: 2 } });
    await lead.host.sync.syncNow();
    agent.wire.online = true;
    await agent.host.sync.syncNow();
    expect(await answerOn(agent, id)).toMatchObject({ revision: 2, ackedAt: null, ackedRevision: 1 });
    await lead.host.sync.syncNow();
    expect((await answerOn(lead, id))?.missing).toContain('李娜');
  });
});
