// roster.month at a center's size: the folded-cells handler against the plain one it replaced (kept in
// tests/unit/support/roster-month-plain.ts), both through a read transaction with output validation as the
// dispatch runs them, side by side in one process; then the real dispatch end to end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDeskHost } from '../../electron/backend/desk-host';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { makeStore } from '../../db/stores/store';
import { findActiveActor } from '../../db/stores/users-store';
import { api } from '../../shared/api/table';
import { rosterMonth } from '../../shared/roster/handlers';
import { plainRosterMonth } from '../../tests/unit/support/roster-month-plain';
import { pct, seedRoster } from './seed';

const NOW = new Date('2026-03-17T02:30:00.000Z');

export async function benchMonth(people: number, runs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'zhiban-bench-month-'));
  // An installed desk: answers keep what the output schema declares, unchecked (main.ts, `trust`); the "plain"
  // and "folded" paths below parse their answers in full, as the server does.
  const host = await startDeskHost({ dataDir: dir, demo: true, clock: () => NOW, outputs: 'trust' });
  try {
    await seedRoster(host.db, { people, month: '2026-03', now: NOW.toISOString() });
    const actor = (await findActiveActor(host.db, 'user-center01'))!;
    const input = api['roster.month'].input.parse({ month: '2026-03' });
    const viaTx = (h: typeof rosterMonth) => () =>
      host.db.transaction().execute(async (tx) => api['roster.month'].output.parse(await h({ actor, now: NOW.toISOString(), store: makeStore(tx) }, input)));
    const login = await host.dispatch('session.login', { username: 'center01', password: DEMO_PASSWORD });
    if (!login.ok) throw new Error(login.error.message);
    const token = (login.value as { token: string }).token;
    const dispatch = async () => {
      const r = await host.dispatch('roster.month', { month: '2026-03' }, token);
      if (!r.ok) throw new Error(r.error.message);
    };
    const ms = { plain: [] as number[], fast: [] as number[], dispatch: [] as number[] };
    // Interleaved, so a busy machine's load falls on both alike.
    for (let i = 0; i < runs + 2; i++)
      for (const [k, f] of [['plain', viaTx(plainRosterMonth)], ['fast', viaTx(rosterMonth)], ['dispatch', dispatch]] as const) {
        const t = performance.now();
        await f();
        if (i >= 2) ms[k].push(performance.now() - t); // two warm-up rounds
      }
    return { people, plain: { p50: pct(ms.plain, 50), p95: pct(ms.plain, 95) }, fast: { p50: pct(ms.fast, 50), p95: pct(ms.fast, 95) }, dispatch: { p50: pct(ms.dispatch, 50), p95: pct(ms.dispatch, 95) } };
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
