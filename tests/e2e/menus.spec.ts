import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Role } from '../../shared/auth/roles';
import { DEMO_USERS } from '../../db/demo/demo-center';
import { NOW } from './support/clock';
import { buttonName, currentArea, go, tr } from './support/desk-ui';
import { scanScreen } from './support/scan-screen';
import { signIn } from './support/sign-in';
import { startDeskProcess } from './support/desk-process';
import { startServerProcess } from './support/server-process';
import { expect, test } from './support/test';

/**
 * Menus never hide what waits for someone (issue #9): at 1280 and 1440 px, for every demo role, every group
 * tab is in the header and every area of the open group is in view in the side menu (nothing folded behind
 * "…"), and the inbox's count shows on its group's tab when the inbox has an item, whatever group is open.
 */

const t = tr('zh-CN');

/** One demo login per role. */
const ROLE_LOGINS = [...new Map([...DEMO_USERS].reverse().map((u) => [u.role, u.username])).entries()].reverse() as [Role, string][];

/**
 * Every area in view: each group's tab in the header, and, with that group open, each of its areas inside the
 * window and inside the side menu, not scrolled or folded away. The menu is built from the domains'
 * declarations (renderer/app/ui-domains.ts) and the method table decides who sees what
 * (tests/unit/renderer/ui-domains.test.ts), so this walks whatever the menu holds — a new domain's areas
 * included — and only asks that none is out of view.
 */
async function everyAreaInView(page: Page, role: Role, width: number) {
  const nav = page.getByTestId('nav');
  const tabs = page.getByTestId('nav-groups').locator('[data-group]');
  const groups = await tabs.evaluateAll((els) => els.map((e) => [e.getAttribute('data-group')!, e.getAttribute('data-areas')!.split(' ')] as const));
  expect(groups.length, `${role}: a menu`).toBeGreaterThan(0);
  const all = groups.flatMap(([, a]) => a);
  expect(all.length, `${role}: a menu`).toBeGreaterThan(1);
  if (role !== 'qa_inspector') expect(all, `${role}: the inbox is in the menu`).toContain('inbox');
  const opened = await currentArea(page).getAttribute('data-area');
  for (const [group, areas] of groups) {
    const tab = tabs.and(page.locator(`[data-group="${group}"]`));
    await expect(tab, `${role} @${width}: group ${group} in view`).toBeInViewport({ ratio: 1 });
    await tab.click();
    const navBox = (await nav.boundingBox())!;
    expect(await nav.locator('[data-area]').evaluateAll((els) => els.map((e) => e.getAttribute('data-area')!)), `${role}: group ${group}`).toEqual(areas);
    for (const area of areas) {
      const item = nav.locator(`[data-area="${area}"]`);
      await expect(item, `${role} @${width}: ${area}`).toBeVisible();
      await expect(item, `${role} @${width}: ${area} in view`).toBeInViewport({ ratio: 1 });
      const box = (await item.boundingBox())!;
      expect(box.x + box.width, `${role} @${width}: ${area} fits the menu`).toBeLessThanOrEqual(navBox.x + navBox.width);
    }
    // Nothing hidden in an overflow menu or a folded group.
    await expect(page.locator('.ant-menu-overflow-item-rest:visible, .ant-menu-submenu-title:visible')).toHaveCount(0);
  }
  if (opened) await go(page, opened);
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
    // The cell shows the short name (白); its code is its data.
    const before = (await cell.getAttribute('data-code')) ?? '';
    await page.keyboard.press(before === 'D' ? 'E' : 'D');
    await expect(cell).not.toHaveAttribute('data-code', before);
  } else if (role === 'admin') {
    await go(page, 'people');
    const row = page.getByTestId('people').locator('tr', { hasText: 'agent03' });
    await row.getByTestId('people-seat').fill('Z-99');
    await row.getByRole('button', { name: buttonName(t('people.save')) }).click();
    await expect(page.getByText(t('people.saved', { name: '张敏' }))).toBeVisible();
  }
}

test('every role, at 1280 and 1440 px: every group in view and every area of it in the side menu, and the inbox badge when something waits (zh-CN)', async ({ page }, testInfo) => {
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
          // Whatever group is open, the header's "mine" tab counts what waits in the inbox.
          const badge = page.getByTestId('group-mine-count');
          await expect(badge).toContainText('1', { timeout: 30_000 });
        }
        for (const width of [1280, 1440]) {
          await page.setViewportSize({ width, height: 800 });
          await everyAreaInView(page, role, width);
          if (role !== 'qa_inspector') await expect(page.getByTestId('group-mine-count')).toBeInViewport({ ratio: 1 });
          await page.screenshot({ path: testInfo.outputPath(`menu-${role}-${width}.png`) });
        }
        if (role !== 'qa_inspector') {
          await go(page, 'inbox');
          await expect(page.getByTestId('inbox-count')).toContainText('1');
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
