/// <reference lib="dom" />
// bench/roster-grid: open the month grid in Chromium (p95 of repeated opens) and scroll it top to bottom,
// counting long tasks (> 50 ms). Quick size 500 people; --full 2 000 (a center). Target: p95 ≤ 300 ms open,
// no long task while scrolling.
// Run: npm run build:renderer && node --import tsx bench/roster-grid/run.ts [--full]
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { addDays } from '../../shared/calendar/day-kind';
import { dateInZone } from '../../shared/policy/zoned-date';
import { startDeskHost } from '../../electron/backend/desk-host';
import { startWebBridge } from '../../electron/backend/bridge/web-bridge';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? (process.argv.includes('--full') ? 2000 : 500));
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
  // Builds to compare side by side on the same data (BENCH_GRID_BUILDS="before=/dir,after=/dir"); default: out/renderer.
  const builds = (process.env.BENCH_GRID_BUILDS ?? `now=${join(process.cwd(), 'out', 'renderer')}`).split(',').map((x) => x.split('=') as [string, string]);
  for (let round = 0; round < Number(process.env.BENCH_ROUNDS ?? 1); round++) for (const [label, staticDir] of builds) await measure(host, label, staticDir);
  await host.close();
  rmSync(dir, { recursive: true, force: true });
}

async function measure(host: Awaited<ReturnType<typeof startDeskHost>>, label: string, staticDir: string) {
  const bridge = await startWebBridge({ dispatch: host.dispatch, events: host.events, staticDir });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpu = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const v = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
    return { task: v('TaskDuration'), script: v('ScriptDuration'), layout: v('LayoutDuration') + v('RecalcStyleDuration') };
  };
  await page.goto(bridge.url);
  // The username field takes focus once the login page is up; typing earlier loses keys.
  await page.getByRole('heading', { name: '登录值班台' }).waitFor();
  await page.keyboard.type('center01');
  await page.keyboard.press('Tab');
  await page.keyboard.type('zhiban123');
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem').first().waitFor();
  // An area of the side menu, through its group's tab in the header when another group is open.
  const area = async (key: string) => {
    const item = page.locator(`[data-testid=nav] [data-area="${key}"]`);
    if (!(await item.isVisible())) await page.locator(`[data-testid=nav-groups] [data-areas~="${key}"]`).click();
    return item;
  };

  // Two clocks per open: in the page, from the click event to the first frame painted after the first
  // person's cells exist (what a person sees); and the driver's wall clock around the same click, which
  // adds Playwright's own actionability checks and polling (~100 ms here).
  const opens: number[] = [];
  const walls: number[] = [];
  const openBusy = { task: 0, script: 0, layout: 0 };
  for (let i = 0; i < OPENS; i++) {
    // From the shift types page (same menu group), so the click below opens the grid and nothing else.
    await (await area('shiftTypes')).click();
    await page.getByTestId('roster-grid').waitFor({ state: 'detached' });
    const roster = await area('roster');
    const painted = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let clickedAt = 0;
          document.addEventListener('click', () => (clickedAt = performance.now()), { capture: true, once: true });
          const mo = new MutationObserver(() => {
            if (!clickedAt || !document.querySelector('[data-cell^="bench-"]')) return;
            mo.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - clickedAt), 0));
          });
          mo.observe(document.body, { childList: true, subtree: true });
        }),
    );
    const b0 = await cpu();
    const t0 = Date.now();
    await roster.click();
    await page.locator('[data-cell^="bench-"]').first().waitFor();
    walls.push(Date.now() - t0);
    opens.push(Math.round(await painted));
    const b1 = await cpu();
    for (const k of ['task', 'script', 'layout'] as const) openBusy[k] += (b1[k] - b0[k]) * 1000;
  }
  // BENCH_SCREENSHOT=/tmp/x.png: what the grid looked like after the last open (to look at, not to compare).
  if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT.replace('.png', `-${label}.png`) });
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  // Scroll the virtual list from top to bottom in steps, as a wheel would, while counting long tasks; the
  // renderer's busy time (CDP: tasks, script, style + layout) is the steadier figure on a loaded machine.
  const before = await cpu();
  const scroll = await page.evaluate(async () => {
    const longTasks: number[] = [];
    const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    obs.observe({ type: 'longtask' as never, buffered: false });
    const holder = document.querySelector('[data-testid=roster-grid]') as HTMLElement | null;
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
  const after = await cpu();
  const busy = (k: 'task' | 'script' | 'layout') => Math.round((after[k] - before[k]) * 1000);
  console.log(`[${label}] people ${PEOPLE}, opens ${OPENS}: click → painted in page: min ${Math.min(...opens)} / median ${median(opens)} / p95 ${p95(opens)} ms; driver wall clock: median ${median(walls)} / p95 ${p95(walls)} ms; renderer busy per open ${Math.round(openBusy.task / OPENS)} ms (script ${Math.round(openBusy.script / OPENS)}, style + layout ${Math.round(openBusy.layout / OPENS)})`);
  console.log(`[${label}] scroll: ${scroll.steps} steps, long tasks > 50 ms: ${scroll.longTasks.length} (${scroll.longTasks.map((d) => d.toFixed(0)).join(', ')}); renderer busy ${busy('task')} ms (script ${busy('script')}, style + layout ${busy('layout')}), ${(busy('task') / Math.max(1, scroll.steps)).toFixed(1)} ms a step`);
  await browser.close();
  await bridge.close();
}

void main();
