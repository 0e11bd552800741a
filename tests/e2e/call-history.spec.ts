import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buttonName, go, openDesk, tr } from './support/desk-ui';
import { signIn } from './support/sign-in';
import { startDeskProcess, type DeskProcess } from './support/desk-process';
import { expect, test } from './support/test';
import { calendarDay } from '../../shared/rules/units';

const day = (date: string, locale: 'zh-CN' | 'en' = 'zh-CN') => calendarDay(locale, date);

/**
 * The floor's day with #13 (clock pinned to 2026-03-17 10:30 Shanghai, support/clock.ts): an agent logs a
 * call from a number that called before and sees so while typing; the call is in the history with its
 * detail, where the agent opens a complaint work order (due by the policy's complaint hours); the team lead
 * sees it in the backlog and on the dashboard, supervises it, and the complaint steps run in order.
 */
let dataDir: string;
let desk: DeskProcess;
const SHOTS = process.env.ZHIBAN_SHOTS;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zhiban-e2e-'));
  desk = await startDeskProcess(dataDir);
});
test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('an agent sees "called before" while typing, logs the call and finds it in the history (zh-CN)', async ({ page }, testInfo) => {
  const t = tr('zh-CN');
  const shot = (name: string) => page.screenshot({ path: SHOTS ? join(SHOTS, `${name}.png`) : testInfo.outputPath(`${name}.png`), fullPage: true });
  await openDesk(page, desk.url);
  await signIn(page, 'agent01');

  await page.keyboard.press('F2');
  await expect(page.getByTestId('call-phone')).toBeFocused();
  // The demo center's 赵先生 called this morning as "138 0013 8000"; typed another way it is the same caller.
  await page.keyboard.type('+86 138-0013-8000');
  const hint = page.getByTestId('called-before');
  await expect(hint).toContainText(t('calls.caller.before', { count: 1 }));
  await expect(hint).toContainText('查询本月话费账单明细');
  await page.keyboard.press('Tab');
  await page.keyboard.type('赵先生');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Alt+4'); // complaint
  await page.keyboard.press('Tab');
  await page.keyboard.type('账单多扣了月租费');
  await page.keyboard.press('Tab');
  await page.keyboard.type('已道歉并记录，转账务核实');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('calls-table').locator('tr', { hasText: '账单多扣了月租费' })).toBeVisible();

  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('history-count')).toHaveText(t('calls.list.count', { count: 3 }));
  await page.getByTestId('history-follow-up').click();
  await page.getByTitle(t('calls.history.followUp.yes'), { exact: true }).click();
  await expect(page.getByTestId('history-count')).toHaveText(t('calls.list.count', { count: 2 }));
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await shot('call-history');
  await page.getByTestId('history-table').locator('tr', { hasText: '账单多扣了月租费' }).click();
  await expect(page.getByTestId('call-detail')).toContainText('已道歉并记录，转账务核实');
  await expect(page.getByTestId('call-detail')).toContainText('+86 138-0013-8000');
  await shot('call-detail');

  // A complaint call starts a complaint work order, its summary as the subject; due in 24 h (policy default).
  await expect(page.getByTestId('wo-create-type')).toContainText(t('wo.type.complaint'));
  await page.getByTestId('wo-create-ok').click();
  await expect(page.getByText(t('wo.created', { due: '2026-03-18 10:30' }))).toBeVisible();
  await expect(page.getByTestId('call-work-orders')).toContainText(t('wo.type.complaint')); // the call now shows its work order
  await page.keyboard.press('Escape');
  await go(page, 'workorders');
  const mine = page.getByTestId('wo-table').locator('tr', { hasText: '账单多扣了月租费' });
  await expect(mine).toContainText(t('wo.left', { time: t('wo.hours', { h: 24 }) }));
  await page.getByRole('button', { name: buttonName(t('shell.logout')) }).click();

  // The lead: the team's backlog (open work orders) holds it; the lead supervises it.
  await signIn(page, 'lead01');
  await go(page, 'workorders');
  const row = page.getByTestId('wo-table').locator('tr', { hasText: '账单多扣了月租费' });
  await expect(row).toContainText('王芳');
  await row.getByTestId('wo-supervise').click();
  await page.getByTestId('wo-action-note').fill('今天下班前回复客户');
  await page.getByTestId('wo-action-ok').click();
  await expect(row).toContainText(t('wo.supervised'));
  // Complaint steps: only the next one is offered (complaint.order).
  await row.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByTestId('complaint-next')).toHaveText(buttonName(t('wo.nextStep', { step: t('wo.step.apologise') })));
  await page.getByTestId('complaint-next').click();
  await page.getByTestId('wo-action-note').fill('已向客户致歉并记录意见');
  await page.getByTestId('wo-action-ok').click();
  await expect(page.getByTestId('complaint-next')).toHaveText(buttonName(t('wo.nextStep', { step: t('wo.step.resolve') })));
  await expect(page.getByTestId('wo-action-note')).toHaveCount(0); // the dialog has closed
  await shot('work-orders');

  // The dashboard counts it: one complaint in team 1, none resolved yet; today's calls of the team.
  await go(page, 'dashboard');
  await expect(page.getByTestId('dash-complaints')).toContainText(t('dash.rate', { rate: '0%' }));
  // report.monthly-quality and meeting.monthly on the pinned 2026-03-17: report by the 22nd, meeting Friday the 20th.
  await expect(page.getByTestId('dash-deadlines')).toContainText(t('dash.qualityReport', { date: day('2026-03-22'), days: 5 }));
  await expect(page.getByTestId('dash-deadlines')).toContainText(t('dash.monthlyMeeting', { date: day('2026-03-20') }));
  await expect(page.getByTestId('dash-calls')).toHaveText(new RegExp(`${t('dash.calls')}5$`)); // team 1: the demo's four and this one
  await shot('dashboard');
});

test('a department director sees customers masked and reveals one with a reason (zh-CN)', async ({ page }, testInfo) => {
  const t = tr('zh-CN');
  await openDesk(page, desk.url);
  await signIn(page, 'dept01');
  await go(page, 'customers');
  const table = page.getByTestId('customers-table');
  await expect(table).toContainText('138****8000');
  await expect(table).not.toContainText('138 0013 8000');
  await expect(table).toContainText('赵**');
  const row = table.locator('tr', { hasText: '138****8000' });
  await row.getByTestId('reveal').click();
  await page.getByTestId('reveal-reason').fill('重大投诉调查');
  await page.getByRole('button', { name: buttonName(t('customers.revealOk')) }).click();
  await expect(row.getByTestId('revealed')).toHaveText(t('customers.revealed', { phone: '138 0013 8000', name: '赵先生' }));
  await page.screenshot({ path: SHOTS ? join(SHOTS, 'customers-masked.png') : testInfo.outputPath('customers-masked.png'), fullPage: true });
});
