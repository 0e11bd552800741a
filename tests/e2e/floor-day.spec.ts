import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Locale } from '../../renderer/i18n/catalogues';
import { buttonName, go, openDesk, tr } from './support/desk-ui';
import { signIn } from './support/sign-in';
import { startDeskProcess, type DeskProcess } from './support/desk-process';
import { expect, newPinnedContext, test } from './support/test';
import { calendarDay } from '../../shared/rules/units';

const day = (date: string, locale: 'zh-CN' | 'en' = 'zh-CN') => calendarDay(locale, date);

/**
 * #13 "Done when", a floor's day end to end (clock pinned to Tuesday 2026-03-17 10:30 Shanghai): the phone
 * system pops a call log on the agent's desk, the agent files the complaint and a work order from it, the
 * team lead finds it in the backlog, calls the customer back and closes it, the lead's daily report
 * (report.daily) counts it, and its XLSX export, read back with a real parser, says what the screen says.
 * Then the director's weekly follow-up statistics (report.weekly-followups) count the callback.
 */
const TOKEN = 'floor-day-telephony-secret';
let dataDir: string;
let desk: DeskProcess;
let hook: string;
const SHOTS = process.env.ZHIBAN_SHOTS ?? '/tmp';

/** A free loopback port for the desk's telephony hook. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zhiban-e2e-floor-'));
  const port = await freePort();
  process.env.ZHIBAN_TELEPHONY_TOKEN = TOKEN;
  process.env.ZHIBAN_TELEPHONY_PORT = String(port);
  try {
    desk = await startDeskProcess(dataDir);
  } finally {
    delete process.env.ZHIBAN_TELEPHONY_TOKEN;
    delete process.env.ZHIBAN_TELEPHONY_PORT;
  }
  hook = `http://127.0.0.1:${port}/telephony/events`;
});
test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function phoneSystem(event: Record<string, string>): Promise<void> {
  const res = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(event) });
  expect(res.status).toBe(202); // accepted: the desk pops the log
}

/** The daily report's figure table as the screen shows it: line key → [label, value]. */
async function screenFigures(page: Page): Promise<Map<string, [string, string]>> {
  const rows = page.getByTestId('rep-figures').locator('tr[data-line]');
  const out = new Map<string, [string, string]>();
  for (const r of await rows.all()) {
    const cells = await r.locator('td').allInnerTexts();
    out.set((await r.getAttribute('data-line'))!, [cells[0]!.trim(), cells[1]!.trim()]);
  }
  return out;
}

/** Closes the arrival toasts, so a screenshot shows the screen under them. */
async function quiet(page: Page) {
  // One at a time, always the first: closing a notice moves the others up, so a list of nth() locators taken
  // beforehand points past the end (seen under load: a click that waited out the whole test budget).
  const close = page.locator('.ant-notification-notice-close');
  await expect(async () => {
    if ((await close.count()) > 0) await close.first().click({ timeout: 2_000 });
    await expect(page.locator('.ant-notification-notice')).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

async function signOut(page: Page, locale: Locale = 'zh-CN') {
  await page.getByRole('button', { name: buttonName(tr(locale)('shell.logout')) }).click();
}

test('a ringing phone pops the log, the complaint becomes a work order, the lead calls back and closes it, the daily report counts it and its XLSX matches the screen (zh-CN, en)', async ({ page, browser }, testInfo) => {
  test.setTimeout(600_000); // a loaded CI box took 7 minutes; a quiet one under 3
  const t = tr('zh-CN');
  await openDesk(page, desk.url);
  await signIn(page, 'agent01');

  // 1. The phone system rings: the call log opens with the caller's number, wherever the agent was.
  await go(page, 'workorders');
  await phoneSystem({ event: 'ringing', callId: 'pbx-0317-1', phone: '139 0000 2222' });
  await expect(page.getByTestId('call-phone')).toHaveValue('139 0000 2222', { timeout: 20_000 });
  await page.getByTestId('call-name').fill('孙女士');
  await page.getByTestId('call-name').press('Tab');
  await page.keyboard.press('Alt+4'); // complaint
  await page.getByTestId('call-summary').fill('投诉营业厅多收开户费');
  await page.getByTestId('call-outcome').fill('已致歉，转工单核实退费');
  await page.clock.runFor(90_000);
  await phoneSystem({ event: 'ended', callId: 'pbx-0317-1' });
  await page.getByTestId('call-save').click();
  await expect(page.getByTestId('calls-table').locator('tr', { hasText: '投诉营业厅多收开户费' })).toBeVisible();

  // 2. From the call's detail, a complaint work order.
  await page.getByTestId('tab-history').click();
  await page.getByTestId('history-table').locator('tr', { hasText: '投诉营业厅多收开户费' }).click();
  await expect(page.getByTestId('wo-create-type')).toContainText(t('wo.type.complaint'));
  await page.getByTestId('wo-create-ok').click();
  await expect(page.getByTestId('call-work-orders')).toContainText(t('wo.type.complaint'));
  await page.keyboard.press('Escape');
  await signOut(page);

  // 3. The lead: the backlog holds it; a callback (satisfied), then closed.
  await signIn(page, 'lead01');
  await go(page, 'workorders');
  const row = page.getByTestId('wo-table').locator('tr', { hasText: '投诉营业厅多收开户费' });
  await expect(row).toContainText('王芳');
  await row.getByTestId('wo-callback').click();
  await page.getByTestId('wo-action-choice').getByText(t('wo.callback.satisfied')).click();
  await page.getByTestId('wo-action-note').fill('客户确认已退费，满意');
  await page.getByTestId('wo-action-ok').click();
  await expect(row).toContainText(t('wo.callback.satisfied'));
  await row.getByTestId('wo-finish').click();
  await page.getByTestId('wo-action-note').fill('已退开户费');
  await page.getByTestId('wo-action-ok').click();
  await expect(row).toHaveCount(0); // done: gone from the open backlog

  // The bell reminds the lead of the monthly report (due the 22nd) and everyone of the meeting (Friday the 20th).
  await page.getByTestId('notify-bell').click();
  await expect(page.getByTestId('notify-list')).toContainText(t('rep.notify.monthly', { date: day('2026-03-22'), days: 5 }));
  await expect(page.getByTestId('notify-list')).toContainText(t('meet.notify', { date: day('2026-03-20'), days: 3 }));
  await page.keyboard.press('Escape');

  // 4. The daily report counts it: team 1 today = the demo morning's four calls and this one.
  await go(page, 'team-reports');
  const figs = page.getByTestId('rep-figures');
  const value = (line: string) => figs.locator(`tr[data-line="${line}"]`).getByTestId('fig-value');
  await expect(value('calls')).toHaveText('5');
  await expect(value('complaintCalls')).toHaveText('2');
  await expect(value('consultations')).toHaveText('1');
  await expect(value('queries')).toHaveText('1');
  await expect(value('proactive')).toHaveText('1'); // the callback
  await expect(value('workOrders')).toHaveText('1');
  await expect(value('workOrdersDone')).toHaveText('1');
  await expect(value('complaints')).toHaveText('1');
  await expect(value('callbacks')).toHaveText('1');
  await expect(page.getByTestId('rep-section-difficultIssues')).toHaveValue(/投诉营业厅多收开户费/);
  await page.getByTestId('rep-section-systemProblems').fill('上午十点工单系统响应慢');
  await page.getByTestId('rep-submit').click();
  await page.getByTestId('rep-submit-ok').click();
  await expect(page.getByTestId('rep-status')).toHaveText(t('rep.status.submitted'));
  await expect(page.getByTestId('rep-section-systemProblems')).toHaveText('上午十点工单系统响应慢');
  await quiet(page);
  await page.screenshot({ path: join(SHOTS, 'reports-daily-zh-CN.png'), fullPage: true });
  await page.screenshot({ path: testInfo.outputPath('reports-daily-zh-CN.png'), fullPage: true });

  // 5. The XLSX export, read back with ExcelJS, holds what the screen shows: Chinese labels, numbers, the day as a date.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rep-export-xlsx').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as never);
  const ws = wb.worksheets[0]!;
  const sheet = new Map<string, ExcelJS.CellValue>();
  ws.eachRow((r) => sheet.set(String(r.getCell(1).value), r.getCell(2).value));
  expect([ws.getCell('A1').value, ws.getCell('B1').value]).toEqual([t('rep.col.item'), t('rep.col.value')]);
  expect(sheet.get(t('rep.period'))).toEqual(new Date('2026-03-17T00:00:00.000Z'));
  expect(sheet.get(t('rep.section.systemProblems'))).toBe('上午十点工单系统响应慢');
  const shown = await screenFigures(page);
  expect(shown.size).toBeGreaterThan(10);
  for (const [line, [label, text]] of shown) {
    const cell = sheet.get(label);
    if (line === 'resolutionRate') expect(text).toBe(cell === '' || cell === null ? '—' : `${Math.round(Number(cell) * 100)}%`);
    else expect([label, cell]).toEqual([label, Number(text)]);
  }

  // The week sums the submitted days (report.daily, 周报).
  await page.getByTestId('rep-view').getByText(t('rep.kind.weekly')).click();
  const today = page.getByTestId('week-table').locator('tr', { hasText: '03-17' });
  await expect(today).toContainText(t('rep.status.submitted'));
  await expect(today.locator('td').nth(1)).toHaveText('5');
  await page.screenshot({ path: join(SHOTS, 'reports-weekly-zh-CN.png'), fullPage: true });

  // The same report in English.
  const en = await (await newPinnedContext(browser)).newPage();
  await openDesk(en, desk.url, 'en');
  await signIn(en, 'lead01', { locale: 'en' });
  await go(en, 'team-reports');
  await expect(en.getByTestId('rep-status')).toHaveText(tr('en')('rep.status.submitted'));
  await quiet(en);
  await en.screenshot({ path: join(SHOTS, 'reports-daily-en.png'), fullPage: true });

  // 6. The director's weekly follow-up statistics count the callback and the closing.
  await signOut(page);
  await signIn(page, 'dept01');
  // The monthly meeting: the director records a reward; QA results have their place, empty for now.
  await go(page, 'meeting');
  await expect(page.getByTestId('meet-date')).toContainText(t('meet.dateIn', { date: day('2026-03-20'), days: 3 }));
  await page.getByTestId('meet-notes').fill('通报三月上半月工作');
  await page.getByTestId('meet-add-award').click();
  await page.getByTestId('meet-award').locator('.ant-select').click();
  await page.keyboard.type('王芳');
  await page.keyboard.press('Enter');
  await page.getByTestId('meet-award').getByPlaceholder(t('meet.award.reason')).fill('投诉当天回访办结');
  await page.getByTestId('meet-save').click();
  await expect(page.getByText(t('meet.saved'))).toBeVisible();
  await expect(page.getByTestId('meet-qa')).toContainText(t('meet.qaPending'));
  await quiet(page);
  await page.screenshot({ path: join(SHOTS, 'reports-meeting-zh-CN.png'), fullPage: true });

  await go(page, 'followups');
  const week = page.getByTestId('fu-table').locator('tr', { hasText: t('fu.weekOf', { date: day('2026-03-16') }) }).filter({ hasText: '一组' });
  await expect(week.locator('td')).toHaveText([t('fu.weekOf', { date: day('2026-03-16') }), '一组', '0', '1', '1', '1', '0', '0']);
  await quiet(page);
  await page.screenshot({ path: join(SHOTS, 'reports-followups-zh-CN.png'), fullPage: true });
  await signOut(en, 'en');
  await signIn(en, 'dept01', { locale: 'en' });
  await go(en, 'followups');
  await expect(en.getByTestId('fu-table')).toContainText(tr('en')('fu.weekOf', { date: day('2026-03-16', 'en') }));
  await quiet(en);
  await en.screenshot({ path: join(SHOTS, 'reports-followups-en.png'), fullPage: true });
});
