import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { currentArea, go, openDesk, tr } from './support/desk-ui';
import { signIn } from './support/sign-in';
import { startDeskProcess, type DeskProcess } from './support/desk-process';
import { expect, newPinnedContext, test } from './support/test';

/**
 * Roll call on one desk at the pinned 10:30 (2026-03-17): QA (林晓) publishes a common issue; the lead of team 1
 * (郑伟) opens the day shift's roll call from the live floor, where 刘洋 is not checked in (suggested: absent),
 * corrects her to present, writes a remark, ticks the issue as briefed and saves. Then he writes a duty-log line
 * and sees the reminder of February's duty summary (due on the 22nd, five days away) on the screen and in the bell.
 */
const t = tr('zh-CN');
const en = tr('en');
let dataDir: string;
let desk: DeskProcess;
const ISSUE = '结束语不规范';

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zhiban-e2e-'));
  desk = await startDeskProcess(dataDir);
});
test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function as(browser: Browser, username: string, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const ctx = await newPinnedContext(browser, { viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await openDesk(page, desk.url, locale);
  await signIn(page, username, { locale });
  return page;
}

test('QA publishes a common issue; the lead calls the roll from the floor and keeps the duty log (zh-CN)', async ({ browser }) => {
  // Three people sign in on one desk (QA, the lead, the lead again in English): more than one default budget.
  test.setTimeout(240_000);
  const qa = await as(browser, 'qa01');
  await go(qa, 'issues');
  await qa.getByTestId('issue-title').fill(ISSUE);
  await qa.getByTestId('issue-seen').fill('多名业务代表挂机前未询问是否还有其他需要');
  await qa.getByTestId('issue-say').fill('请问还有什么可以帮您？感谢您的来电，再见。');
  await qa.getByTestId('issue-publish').click();
  await expect(qa.locator(`[data-testid=issue][data-title="${ISSUE}"]`)).toHaveAttribute('data-active', 'yes');
  await expect(qa.locator(`[data-testid=issue][data-title="${ISSUE}"] [data-testid=issue-briefed]`)).toHaveText(t('issues.notBriefed'));
  await qa.context().close();

  const lead = await as(browser, 'lead01');
  await go(lead, 'floor');
  await lead.locator('[data-shift="team-a-D"] [data-testid=open-rollcall]').click();
  await expect(currentArea(lead)).toHaveAttribute('data-area', 'rollcall');
  const row = lead.getByTestId('rollcall').locator('tr', { hasText: '刘洋' });
  // Not checked in at 10:30: the floor says missing, so the roll call suggests absent; the lead corrects it.
  await expect(row.locator('.ant-radio-button-wrapper-checked')).toHaveText(t('rollcall.mark.absent'));
  await row.locator('.ant-radio-button-wrapper', { hasText: t('rollcall.mark.present') }).click();
  await row.getByTestId('rollcall-remark').fill('到岗后先看通告，结束语要规范');
  await lead.getByTestId('rollcall-general').fill('今天话务量大，注意接续时长');
  await lead.locator(`[data-testid=rollcall-issue][data-title="${ISSUE}"]`).click();
  await lead.getByTestId('rollcall-save').click();
  await expect(lead.getByTestId('rollcall-saved')).toContainText(t('rollcall.savedLine', { revision: 1, name: '郑伟', time: '10:30' }));
  await expect(row.locator('.ant-radio-button-wrapper-checked')).toHaveText(t('rollcall.mark.present'));
  await lead.screenshot({ path: '/tmp/rollcall-rollcall-zh-CN.png', fullPage: true });

  // The issue list counts the briefing.
  await go(lead, 'issues');
  await expect(lead.locator(`[data-testid=issue][data-title="${ISSUE}"] [data-testid=issue-briefed]`)).toContainText('已讲评 1 次');
  await lead.screenshot({ path: '/tmp/rollcall-issues-zh-CN.png', fullPage: true });

  // Duty log: a line, and February's summary reminder (due 2026-03-22, 5 days away) on screen and in the bell.
  await go(lead, 'dutylog');
  await expect(lead.getByTestId('summary-reminder')).toContainText('还有 5 天');
  await lead.getByTestId('dutylog-time').fill('10:20');
  await lead.getByTestId('dutylog-text').fill('计费系统查询缓慢，已报系统组');
  await lead.getByTestId('dutylog-add').click();
  await expect(lead.getByTestId('dutylog-line')).toHaveText('计费系统查询缓慢，已报系统组');
  await lead.getByTestId('notify-bell').click();
  await expect(lead.getByTestId('notify-list')).toContainText('还有 5 天');
  await lead.keyboard.press('Escape');
  await lead.screenshot({ path: '/tmp/rollcall-dutylog-zh-CN.png', fullPage: true });
  await lead.context().close();

  // The same two screens in English, for the look.
  const leadEn = await as(browser, 'lead01', 'en');
  await go(leadEn, 'rollcall');
  await expect(leadEn.getByTestId('rollcall-saved')).toBeVisible();
  await expect(leadEn.getByTestId('rollcall')).toContainText(en('rollcall.briefedThis'));
  await leadEn.screenshot({ path: '/tmp/rollcall-rollcall-en.png', fullPage: true });
  await go(leadEn, 'dutylog');
  await expect(leadEn.getByTestId('summary-reminder')).toContainText('5 days left');
  await leadEn.screenshot({ path: '/tmp/rollcall-dutylog-en.png', fullPage: true });
  await leadEn.context().close();
});
