import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type CentralServer } from '../../server/app';
import { openCentralStore, type CentralStore } from '../../server/store';
import { api, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { openDesk, type TestDesk } from './support/desks';
import { aCall } from './support/calls';
import { FIXED_NOW } from './support/fixture';
import { acceptedSwapsOfAgent01 } from './support/accepted-swaps';
import { tempDir } from './support/tmp';
import { until } from './support/until';

/**
 * #16 item 7: two server processes' worth of servers (each its own pool, poke hub and listener) on one
 * PostgreSQL, as behind a load balancer. A commit on one pokes desks connected to the other (LISTEN/NOTIFY), a
 * token revoked on one loses its sockets on the other, and a limit spanning people holds when approvals
 * arrive at both at once (the version row lock is the database's, not a process's).
 */
const PG = ENGINE_CASES[1]!;
const clock = () => FIXED_NOW;

describe.skipIf(PG.skip !== null)('two servers on one PostgreSQL', () => {
  const dir = tempDir();
  let a: RunningCentral;
  let bStore: CentralStore;
  let b: CentralServer;
  let bUrl: string;
  const desks: TestDesk[] = [];

  beforeAll(async () => {
    a = await startCentral(PG, join(dir.path, 'a'), { clock });
    bStore = await openCentralStore({ databaseUrl: a.store.databaseUrl! });
    b = buildServer({ store: bStore, clock, appVersion: 'test', recordingsDir: join(dir.path, 'b-recordings') });
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    bUrl = `http://127.0.0.1:${(b.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const d of desks) await d.host.close();
    await b?.app.close();
    await bStore?.close();
    await a?.stop();
    dir.remove();
  });

  /** A poke socket on `url` as `token`: the pokes it got, and how it was closed. */
  const listen = async (url: string, token: string) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/sync/poke?token=${encodeURIComponent(token)}`);
    const seen = { pokes: 0, closedWith: null as number | null };
    ws.on('message', () => seen.pokes++);
    ws.on('close', (code) => (seen.closedWith = code));
    await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
    return { seen, ws };
  };

  it("a call logged through one server reaches a lead's desk on the other, poked, without asking", async () => {
    const agent = await openDesk(a.url, join(dir.path, 'agent01'), 'agent01', { clock });
    const lead = await openDesk(bUrl, join(dir.path, 'lead01'), 'lead01', { clock });
    desks.push(agent, lead);
    await lead.host.sync.syncNow();
    const socket = await listen(bUrl, await serverLogin(bUrl, 'lead01'));
    // Only the other server's notice can poke this socket: nothing is written through server B.
    const r = await agent.host.dispatch('calls.log', aCall({ summary: '跨服务器的来电', startedAt: new Date(FIXED_NOW.getTime() - 240_000).toISOString(), endedAt: new Date(FIXED_NOW.getTime() - 60_000).toISOString() }), agent.token);
    expect(r.ok).toBe(true);
    await agent.host.sync.syncNow();
    await until(() => socket.seen.pokes > 0, { what: 'server B to poke the lead for a commit on server A' });
    await until(async () => (await lead.host.db.selectFrom('calls').select('id').where('summary', '=', '跨服务器的来电').execute()).length === 1, {
      what: "the call on the lead's desk",
    });
    socket.ws.close();
    // The swap race below rewrites the server's roster under them: these desks are done.
    for (const d of desks.splice(0)) await d.host.close();
  });

  it("a token signed out on one server loses its poke socket on the other", async () => {
    const token = await serverLogin(a.url, 'agent02');
    const socket = await listen(bUrl, token);
    expect((await api(a.url, '/api/v1/session.logout', {}, token)).status).toBe(200);
    await until(() => socket.seen.closedWith !== null, { what: 'the socket on server B to close' });
    expect(socket.seen.closedWith).toBe(4401);
  });

  it('three approvals of one agent\'s swaps arriving at both servers at once: the monthly limit (2) holds', async () => {
    const { swaps, agent01 } = await acceptedSwapsOfAgent01(a.store.db);
    const [onA, onB] = [await serverLogin(a.url, 'lead01'), await serverLogin(bUrl, 'lead01')];
    const answers = await Promise.all(swaps.map((s, i) => api(i % 2 ? bUrl : a.url, '/api/v1/swap.decide', { id: s.id, approve: true }, i % 2 ? onB : onA)));
    const refused = answers.filter((r) => r.status !== 200);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(2);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.body.error.ruleIds).toContain('swap.monthly-limit');
    const approved = await a.store.db.selectFrom('swaps').select('id').where('status', '=', 'approved').where('requester_id', '=', agent01).execute();
    expect(approved).toHaveLength(2);
  });
});
