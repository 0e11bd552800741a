import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { mayCall } from '../../shared/api/method';
import { api } from '../../shared/api/table';
import type { Role } from '../../shared/auth/roles';
import { DEMO_USERS } from '../../db/demo/demo-center';
import { NOW } from './support/clock';
import { buttonName, go, tr } from './support/desk-ui';
import { scanScreen } from './support/scan-screen';
import { signIn } from './support/sign-in';
import { startDeskProcess } from './support/desk-process';
import { startServerProcess } from './support/server-process';
import { expect, test } from './support/test';

/**
 * Menus never hide what waits for someone (issue #9): at 1280 and 1440 px, for every demo role, every area
 * the role may use is in view in the side menu (nothing folded behind "…"), and the inbox badge shows when
 * the inbox has an item.
 */

const t = tr('zh-CN');

/** The areas of renderer/app/areas.tsx and the method each is built on: a role sees an area when it may call it. */
const AREAS: Record<string, keyof typeof api> = {
  calls: 'calls.list',
  workorders: 'workorders.list',
  customers: 'customers.directory',
  dashboard: 'workorders.stats',
  inbox: 'sync.inbox',
  myShifts: 'roster.mine',
  leave: 'leave.list',
  swaps: 'swap.list',
  roster: 'roster.month',
  shiftTypes: 'roster.saveShiftType',
  calendar: 'calendar.import',
  people: 'org.people',
  policy: 'policy.history',
  desk: 'desk.info',
};

const areasOf = (role: Role) => Object.entries(AREAS).filter(([, m]) => mayCall(api[m].access, { role } as never)).map(([a]) => a);

/** One demo login per role. */
const ROLE_LOGINS = [...new Map([...DEMO_USERS].reverse().map((u) => [u.role, u.username])).entries()].reverse() as [Role, string][];

/** Every area in view: inside the window and inside the side menu, not scrolled or folded away. */
async function everyAreaInView(page: Page, role: Role, width: number) {
  const nav = page.getByTestId('nav');
  const navBox = (await nav.boundingBox())!;
  for (const area of areasOf(role)) {
    const item = nav.locator(`[data-area="${area}"]`);
    await expect(item, `${role} @${width}: ${area}`).toBeVisible();
    await expect(item).toBeInViewport({ ratio: 1 });
    const box = (await item.boundingBox())!;
    expect(box.x + box.width, `${role} @${width}: ${area} fits the menu`).toBeLessThanOrEqual(navBox.x + navBox.width);
  }
  // Exactly these areas, nothing hidden in an overflow menu.
  await expect(nav.locator('[data-area]')).toHaveCount(areasOf(role).length);
  await expect(page.locator('.ant-menu-overflow-item-rest:visible, .ant-menu-submenu-title:visible')).toHaveCount(0);
}

/** Something the central server refuses (this desk's clock runs ten minutes ahead: sync.clock-drift), done the role's way. */
async function doRefusedWork(page: Page, role: Role) {
  if (role === 'agent') {
    await page.keyboard.press('F2');
    await expect(page.getByTestId('call-timer')).toBeVisible();
    await page.keyboard.type('138 0000 0001');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('时钟偏快的本机');
    await page.keyboard.press('Tab');
    await page.keyboard.type('服务器会拒绝');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('call-timer')).toHaveCount(0);
  } else if (role === 'team_lead' || role === 'department_director' || role === 'center_director') {
    await go(page, 'roster');
    const cell = page.locator('[data-cell^="user-agent01|"]').nth(20);
    await cell.click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('roster-grid')).toBeFocused();
    const before = (await cell.innerText()).trim();
    await page.keyboard.press(before === 'D' ? 'E' : 'D');
    await expect(cell).not.toHaveText(before);
  } else if (role === 'admin') {
    await go(page, 'people');
    const row = page.getByTestId('people').locator('tr', { hasText: 'agent03' });
    await row.getByTestId('people-seat').fill('Z-99');
    await row.getByRole('button', { name: buttonName(t('people.save')) }).click();
    await expect(page.getByText(t('people.saved', { name: '张敏' }))).toBeVisible();
  }
}

test('every role, at 1280 and 1440 px: every area in view in the side menu, and the inbox badge when something waits (zh-CN)', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const root = mkdtempSync(join(tmpdir(), 'zhiban-e2e-menus-'));
  const server = await startServerProcess(join(root, 'server'));
  // Desks whose clock runs ten minutes ahead of the server's: the server refuses what they send (sync.clock-drift).
  const ahead = new Date(Date.parse(NOW) + 10 * 60_000).toISOString();
  try {
    for (const [role, username] of ROLE_LOGINS) {
      // Each person at a desk of their own.
      const desk = await startDeskProcess(join(root, `desk-${role}`), server.url, { clock: ahead });
      try {
        await page.setViewportSize({ width: 1440, height: 860 });
        await page.goto(desk.url);
        await signIn(page, username, { synced: true });
        await everyAreaInView(page, role, 1440);

        if (role !== 'qa_inspector') {
          // QA inspectors change nothing, so nothing of theirs can be refused.
          await doRefusedWork(page, role);
          const badge = page.getByTestId('inbox-count');
          await expect(badge).toBeVisible({ timeout: 30_000 });
          await expect(badge).toContainText('1');
        }
        for (const width of [1280, 1440]) {
          await page.setViewportSize({ width, height: 800 });
          await everyAreaInView(page, role, width);
          if (role !== 'qa_inspector') await expect(page.getByTestId('inbox-count')).toBeInViewport({ ratio: 1 });
          await page.screenshot({ path: testInfo.outputPath(`menu-${role}-${width}.png`) });
        }
        if (role !== 'qa_inspector') {
          await go(page, 'inbox');
          await expect(page.getByTestId('inbox-item')).toHaveCount(1);
          await scanScreen(page, `inbox of ${role}`);
        }
      } finally {
        await desk.stop();
      }
    }
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
