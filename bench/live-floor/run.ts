// bench/live-floor: how long until a check-in on one desk shows on a director's live floor on another desk,
// with 500 people rostered on today's day shift. Target (issue #11): within 1 s.
// Run: npm run bench:floor [-- --full]   (500 people either way; quick: 5 rounds, --full: 20)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { hashPassword } from '../../db/auth/password';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { seedDemoCenter } from '../../db/demo/seed';
import { buildServer } from '../../server/app';
import { openCentralStore } from '../../server/store';
import { takeVersion } from '../../server/sync/versions';
import { startDeskHost } from '../../electron/backend/desk-host';
import type { Floor } from '../../shared/handover/schemas';
import { dateInZone } from '../../shared/policy/zoned-date';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (process.argv.includes('--full') ? 20 : 5));
// 07:50 in Shanghai on an ordinary day: the day shift's check-ins are open and on time.
const NOW = new Date(process.env.BENCH_NOW ?? '2026-03-11T23:50:00.000Z');
const clock = () => NOW;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'zhiban-bench-floor-'));
  const store = await openCentralStore({ dataDir: join(dir, 'server') });
  const version = await store.db.transaction().execute((tx) => takeVersion(tx));
  await seedDemoCenter(store.db, NOW, version);
  const today = dateInZone(NOW, 'Asia/Shanghai');
  const hash = await hashPassword(DEMO_PASSWORD);
  await store.db.transaction().execute(async (tx) => {
    const v = await takeVersion(tx);
    for (let i = 0; i < PEOPLE; i += 100) {
      const ids = Array.from({ length: Math.min(100, PEOPLE - i) }, (_, k) => `bench${String(i + k).padStart(4, '0')}`);
      await tx.insertInto('users').values(ids.map((u) => ({ id: `user-${u}`, username: u, display_name: `坐席${u.slice(5)}`, role: 'agent', team_id: 'team-a', password_hash: hash, must_change_password: 0, active: 1, created_at: NOW.toISOString(), version: v }))).execute();
      await tx.insertInto('roster').values(ids.map((u) => ({ id: `roster-${u}-${today}`, user_id: `user-${u}`, team_id: 'team-a', date: today, shift_code: 'D', updated_by: 'system', updated_at: NOW.toISOString(), version: v }))).execute();
    }
  });
  const server = buildServer({ store, clock, appVersion: 'bench' });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;

  const desk = async (name: string, username: string) => {
    const host = await startDeskHost({ dataDir: join(dir, name), serverUrl: url, clock, retryBaseMs: 20 });
    const r = await host.dispatch('session.login', { username, password: DEMO_PASSWORD });
    if (!r.ok) throw new Error(`${username}: ${r.error.message}`);
    await host.sync.syncNow();
    return { host, token: (r.value as { token: string }).token };
  };
  const director = await desk('director', 'dept01');
  const t0 = performance.now();
  const floor = async () => (await director.host.dispatch('duty.floor', { date: today }, director.token)) as { ok: true; value: Floor };
  const people = (await floor()).value.teams.flatMap((t) => t.shifts).reduce((n, s) => n + s.people.length, 0);
  const coldFloorMs = performance.now() - t0;

  const latencies: number[] = [];
  const floorMs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const username = `bench${String(i).padStart(4, '0')}`;
    const agent = await desk(`agent-${i}`, username);
    // The director's desk: the poke, its pull, the `changed` event for attendance, then the floor query.
    const seen = new Promise<number>((resolve) => {
      const off = director.host.events.on((e) => {
        if (e.type === 'changed' && e.tables.includes('attendance')) {
          off();
          resolve(performance.now());
        }
      });
    });
    const start = performance.now();
    const r = await agent.host.dispatch('duty.checkIn', { date: today }, agent.token);
    if (!r.ok) throw new Error(`check-in: ${r.error.message}`);
    await agent.host.sync.syncNow();
    await seen;
    const q0 = performance.now();
    const f = await floor();
    const state = f.value.teams.flatMap((t) => t.shifts.flatMap((s) => s.people)).find((p) => p.userId === `user-${username}`)?.state;
    if (state !== 'checkedIn') throw new Error(`the floor says ${state}`);
    const end = performance.now();
    floorMs.push(end - q0);
    latencies.push(end - start);
    await agent.host.close();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  console.log(`people on the floor: ${people}; cold floor query ${coldFloorMs.toFixed(0)} ms`);
  console.log(`check-in on a desk → on the director's floor (${ROUNDS} rounds): min ${sorted[0]!.toFixed(0)} / median ${pct(50).toFixed(0)} / p95 ${pct(95).toFixed(0)} / max ${sorted[sorted.length - 1]!.toFixed(0)} ms`);
  console.log(`floor query alone: median ${[...floorMs].sort((a, b) => a - b)[Math.floor(floorMs.length / 2)]!.toFixed(0)} ms`);
  await director.host.close();
  await server.app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
