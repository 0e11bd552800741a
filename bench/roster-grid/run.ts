/// <reference lib="dom" />
// bench/roster-grid: open the 500 × 31 month grid in Chromium (p95 of repeated opens) and scroll it
// top to bottom, counting long tasks (> 50 ms). Target: p95 ≤ 300 ms open, no long task while scrolling.
// Run: npm run build:renderer && node --import tsx bench/roster-grid/run.ts
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { addDays } from '../../shared/calendar/day-kind';
import { dateInZone } from '../../shared/policy/zoned-date';
import { startDeskHost } from '../../electron/backend/desk-host';
import { startWebBridge } from '../../electron/backend/bridge/web-bridge';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 500);
const OPENS = Number(process.env.BENCH_OPENS ?? 12);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'zhiban-grid-'));
  const host = await startDeskHost({ dataDir: dir, demo: true });
  const month = dateInZone(Date.now(), 'Asia/Shanghai').slice(0, 7);
  const first = `${month}-01`;
  const now = new Date().toISOString();
  await host.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('roster').execute();
    for (let i = 0; i < PEOPLE; i++) {
      const id = `bench-${i}`;
      await tx.insertInto('users').values({ id, username: id, display_name: `坐席${i}`, role: 'agent', team_id: i % 2 ? 'team-b' : 'team-a', password_hash: 'x', active: 1, created_at: now }).execute();
      const rows = Array.from({ length: 31 }, (_, d) => ({ d, code: ['D', 'D', 'E', 'E', null, 'N', 'N', null][(d + i) % 8] }))
        .filter((x) => x.code && addDays(first, x.d).startsWith(month))
        .map((x) => ({ id: `${id}-${x.d}`, user_id: id, team_id: i % 2 ? 'team-b' : 'team-a', date: addDays(first, x.d), shift_code: x.code!, updated_by: 'bench', updated_at: now }));
      await tx.insertInto('roster').values(rows).execute();
    }
  });
  const bridge = await startWebBridge({ dispatch: host.dispatch, events: host.events, staticDir: join(process.cwd(), 'out', 'renderer') });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(bridge.url);
  await page.keyboard.type('center01');
  await page.keyboard.press('Tab');
  await page.keyboard.type('zhiban123');
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem').first().waitFor();

  const opens: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    await page.getByRole('menuitem', { name: '来电登记' }).click();
    await page.getByTestId('calls-table').waitFor();
    const t0 = Date.now();
    await page.getByRole('menuitem', { name: '排班表' }).click();
    await page.locator('[data-cell^="bench-"]').first().waitFor();
    opens.push(Date.now() - t0);
  }
  opens.sort((a, b) => a - b);
  const p95 = opens[Math.min(opens.length - 1, Math.ceil(opens.length * 0.95) - 1)]!;

  // Scroll the virtual list from top to bottom in steps, as a wheel would, while counting long tasks.
  const scroll = await page.evaluate(async () => {
    const longTasks: number[] = [];
    const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    obs.observe({ type: 'longtask' as never, buffered: false });
    const holder = document.querySelector('[data-testid=roster-grid] .ant-table-tbody-virtual-holder') as HTMLElement | null;
    if (!holder) return { steps: 0, longTasks: [-1] };
    let steps = 0;
    while (holder.scrollTop + holder.clientHeight < holder.scrollHeight - 1 && steps < 400) {
      holder.scrollTop += 240;
      holder.dispatchEvent(new Event('scroll'));
      steps++;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    await new Promise((r) => setTimeout(r, 300));
    obs.disconnect();
    return { steps, longTasks };
  });
  console.log(`people ${PEOPLE}, opens ${OPENS}: min ${opens[0]} ms, median ${opens[Math.floor(opens.length / 2)]} ms, p95 ${p95} ms`);
  console.log(`scroll: ${scroll.steps} steps, long tasks > 50 ms: ${scroll.longTasks.length} (${scroll.longTasks.map((d) => d.toFixed(0)).join(', ')})`);
  await browser.close();
  await bridge.close();
  await host.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
