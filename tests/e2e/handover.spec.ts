import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { go, openDesk, tr } from './support/desk-ui';
import { signIn } from './support/sign-in';
import { startDeskProcess, type DeskProcess } from './support/desk-process';
import { expect, newPinnedContext, test } from './support/test';

/**
 * Shift change on one desk, two people (a shared desk, or two browser windows on it): at the pinned 10:30 the
 * day shift (08:00) has begun, so 刘洋 (agent04, team 1's day shift) is "missing" on the lead's live floor;
 * she checks in with the one key on her shift screen, is 150 minutes late (a violation under leave.discipline),
 * and the lead's floor — open on the other window, never reloaded — shows her as late, with the coverage count.
 */
const t = tr('zh-CN');
let dataDir: string;
let desk: DeskProcess;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zhiban-e2e-'));
  desk = await startDeskProcess(dataDir);
});
test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('an agent checks in and the lead sees it live on the floor (zh-CN)', async ({ page, browser }, testInfo) => {
  await openDesk(page, desk.url);
  await signIn(page, 'lead01');
  await go(page, 'floor');
  const agent04 = page.locator('[data-shift="team-a-D"] [data-person="刘洋"]');
  await expect(agent04).toHaveAttribute('data-state', 'missing');
  await expect(page.locator('[data-shift="team-a-D"] [data-testid=coverage]')).toHaveText(t('floor.coverage', { present: 0, min: 2 }));

  const ctx = await newPinnedContext(browser, { viewport: { width: 1366, height: 860 } });
  try {
    const agent = await ctx.newPage();
    await openDesk(agent, desk.url);
    await signIn(agent, 'agent04');
    await go(agent, 'shift');
    await agent.getByTestId('duty-key').click();
    await expect(agent.getByTestId('my-shift')).toContainText(t('duty.late', { late: '2 小时 30 分钟' }));
    await expect(agent.getByTestId('my-shift')).toContainText(t('duty.violation'));
    await expect(agent.getByTestId('duty-key')).toHaveText(t('duty.checkOut').replace(/\s/g, ''));
    // The second press is a check-out before the shift is over: refused with the rule, nothing recorded.
    await agent.getByTestId('duty-key').click();
    // Both rules in plain words: no leaving before the end (duty.on-time), the incoming colleague is not in yet.
    await expect(agent.getByTestId('duty-refused').locator('[data-rule="duty.on-time"][data-status=fail]')).toBeVisible();
    await expect(agent.getByTestId('duty-refused').locator('[data-rule="handover.outgoing-waits"][data-status=fail]')).toContainText('李娜');
    await agent.screenshot({ path: testInfo.outputPath('shift-zh-CN.png'), fullPage: true });
  } finally {
    await ctx.close();
  }

  // Live: the floor reloads on the desk's change event, not on a timer or a page reload.
  await expect(agent04).toHaveAttribute('data-state', 'late');
  await expect(agent04).toContainText(t('floor.lateBy', { late: '2 小时 30 分钟' }));
  await expect(page.locator('[data-shift="team-a-D"] [data-testid=coverage]')).toHaveText(t('floor.coverage', { present: 1, min: 2 }));
  await page.screenshot({ path: testInfo.outputPath('floor-zh-CN.png'), fullPage: true });
  await page.screenshot({ path: '/tmp/e2e11-floor-late-zh-CN.png', fullPage: true });
});
