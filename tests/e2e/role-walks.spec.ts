import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../renderer/i18n/catalogues';
import { addDays, MONTH, TODAY } from './support/clock';
import { buttonName, go, openDesk, tr, type Translate } from './support/desk-ui';
import { scanScreen } from './support/scan-screen';
import { signIn } from './support/sign-in';
import { startDeskProcess, type DeskProcess } from './support/desk-process';
import { expect, test } from './support/test';

/**
 * Each role's main path through the desk, with the README's keyboard sequences, and every screen it
 * visits scanned for text nobody should read (support/scan-screen.ts). zh-CN, and the agent once in English.
 */

let root: string;
let desk: DeskProcess;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'zhiban-e2e-walks-'));
  desk = await startDeskProcess(root);
});
test.afterAll(async () => {
  await desk.stop();
  rmSync(root, { recursive: true, force: true });
});

async function start(page: Page, username: string, locale: Locale = 'zh-CN') {
  await openDesk(page, desk.url, locale);
  await signIn(page, username, { locale });
}

/** The README's sequence: F2, phone, Tab, name, Tab, Alt+n, Tab, summary, Tab, outcome, Tab, Space, Enter. */
async function logCall(page: Page, c: { phone: string; name: string; category: 1 | 2 | 3 | 4 | 5; summary: string; outcome: string }) {
  await page.keyboard.press('F2');
  await expect(page.getByTestId('call-timer')).toBeVisible();
  await expect(page.getByTestId('call-phone')).toBeFocused();
  await page.keyboard.type(c.phone);
  await page.keyboard.press('Tab');
  await page.keyboard.type(c.name);
  await page.keyboard.press('Tab');
  await page.keyboard.press(`Alt+${c.category}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type(c.summary);
  await page.keyboard.press('Tab');
  await page.keyboard.type(c.outcome);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('call-timer')).toHaveCount(0);
  return page.getByTestId('calls-table').locator('tr', { hasText: c.phone });
}

const cellOf = (page: Page, user: string, date: string) => page.locator(`[data-cell="user-${user}|${date}"]`);
const grid = (page: Page) => page.getByTestId('roster-grid');

/** The calls table lays itself out inside its card: no column pushed out of view. */
async function callsTableFits(page: Page) {
  const fits = await page.getByTestId('calls-table').evaluate((el) => {
    const table = el.querySelector('table')!;
    return { table: table.getBoundingClientRect().width, box: el.getBoundingClientRect().width, page: document.documentElement.scrollWidth, window: window.innerWidth };
  });
  expect(fits.table).toBeLessThanOrEqual(fits.box + 1);
  expect(fits.page).toBeLessThanOrEqual(fits.window);
}

/** Inside its cell, on one line (a tag broken over two lines or spilling into the next column is not). */
async function inItsCell(tag: Locator) {
  const [inner, cell] = await Promise.all([tag.boundingBox(), tag.locator('xpath=ancestor::td[1]').boundingBox()]);
  expect(inner!.x + inner!.width).toBeLessThanOrEqual(cell!.x + cell!.width);
  expect(inner!.height).toBeLessThan(30);
}

async function agentWalk(page: Page, t: Translate, locale: Locale) {
  await expect(page.getByTestId('calls-count')).toHaveText(t('calls.list.count', { count: 2 }));
  // The app fills the window: no browser margin around it.
  expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
  expect(await page.getByText(t('app.name'), { exact: true }).first().evaluate((el) => el.closest('header')!.getBoundingClientRect().toJSON())).toMatchObject({ x: 0, y: 0 });
  await scanScreen(page, `agent: calls (${locale})`);

  const phone = locale === 'en' ? '139 0000 3333' : '139 0000 1111';
  const row = await logCall(page, { phone, name: '周女士', category: 3, summary: '办理宽带移机登记', outcome: '已登记，预约周五上门' });
  await expect(row).toContainText(t('category.registration'));
  await expect(row).toContainText(t('calls.list.followUpYes'));
  await inItsCell(row.locator('.ant-tag', { hasText: t('category.registration') }));
  await callsTableFits(page);
  await scanScreen(page, `agent: call logged (${locale})`);

  await page.keyboard.press('F3');
  await page.keyboard.type(phone.slice(-4));
  await expect(page.getByTestId('calls-count')).toHaveText(t('calls.list.count', { count: 1 }));

  // My shifts: the coming month on the center's clock.
  await go(page, 'myShifts');
  await expect(page.getByTestId('my-shifts').locator('.ant-list-item').first()).toBeVisible();
  expect(await page.getByTestId('my-shifts').locator('.ant-list-item').count()).toBeGreaterThan(10);
  await expect(page.getByTestId('ics-download')).toBeEnabled();
  await scanScreen(page, `agent: my shifts (${locale})`);

  // The team's roster, read only: arrows look around, typing changes nothing.
  await go(page, 'roster');
  await expect(page.getByTestId('roster-keys')).toHaveText(t('roster.readOnlyHint'));
  const cell = cellOf(page, 'agent01', addDays(TODAY, 1));
  const before = (await cell.getAttribute('data-code')) ?? '';
  await cell.click();
  await expect(grid(page)).toBeFocused();
  await expect(page.locator('.ant-dropdown:visible')).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press(before === 'N' ? 'D' : 'N');
  await page.keyboard.press('Delete');
  await expect(grid(page)).toHaveAttribute('aria-readonly', 'true');
  await expect(cell).toHaveAttribute('data-code', before);
  await scanScreen(page, `agent: roster (${locale})`);
}

test('agent: logs a call by keyboard, finds it with F3, opens their shifts and the team roster read-only (zh-CN)', async ({ page }) => {
  const t = tr('zh-CN');
  await start(page, 'agent01');
  await agentWalk(page, t, 'zh-CN');
});

test('agent in English at 1280 px: the same path; long category names stay in their column (en)', async ({ page }, testInfo) => {
  const t = tr('en');
  await page.setViewportSize({ width: 1280, height: 800 });
  await start(page, 'agent04', 'en');
  await expect(page.getByTestId('signed-in-as')).toHaveText(t('shell.signedInAs', { name: '刘洋', role: t('role.agent') }));
  // agent04 has no calls yet today; the walk expects two, so it logs them first by keyboard too.
  for (const n of [1, 2]) await logCall(page, { phone: `136 0000 000${n}`, name: '', category: 2, summary: 'Balance enquiry', outcome: 'Answered' });
  await agentWalk(page, t, 'en');
  await go(page, 'calls');
  await page.screenshot({ path: testInfo.outputPath('agent-en-1280.png'), fullPage: true });
});

test('team lead: the team calls, and the roster edited by keyboard (arrows, a shift code, Delete, Ctrl+Z) (zh-CN)', async ({ page }, testInfo) => {
  const t = tr('zh-CN');
  await page.setViewportSize({ width: 1440, height: 860 });
  await start(page, 'lead01');
  // The team's calls (一组: 王芳, 李娜, 张敏… by name), not the other team's (二组: 赵磊's 周先生).
  const calls = page.getByTestId('calls-table');
  await expect(calls.getByRole('columnheader', { name: t('calls.list.agent') })).toBeVisible();
  for (const agent of ['王芳', '李娜', '张敏']) await expect(calls.locator('tr', { hasText: agent }).first()).toBeVisible();
  await expect(calls.locator('tr', { hasText: '赵磊' })).toHaveCount(0);
  await scanScreen(page, 'lead: team calls');

  await go(page, 'roster');
  await expect(page.getByTestId('roster-keys')).toHaveText(t('roster.keysHint'));
  // At 1440 px all 31 days of the month are in view beside the menu.
  await expect(grid(page).locator('[role=columnheader][data-day]')).toHaveCount(31);
  const fit = await grid(page).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(fit.scroll).toBeLessThanOrEqual(fit.client);
  await expect(grid(page).locator(`[data-day="${MONTH}-31"]`)).toBeInViewport({ ratio: 1 });

  // Click a cell (its menu opens: a mouse can pick too), Esc, then the keyboard.
  await cellOf(page, 'agent02', addDays(TODAY, 1)).click();
  await expect(page.locator('.ant-dropdown:visible')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-dropdown:visible')).toHaveCount(0);
  await expect(grid(page)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const cell = cellOf(page, 'agent02', addDays(TODAY, 2));
  await expect(grid(page).locator('.zb-active [data-cell]')).toHaveAttribute('data-cell', `user-agent02|${addDays(TODAY, 2)}`);
  const before = (await cell.getAttribute('data-code')) ?? '';
  const target = before === 'N' ? 'E' : 'N';
  await page.keyboard.press(target);
  await expect(cell).toHaveAttribute('data-code', target);
  // The cell reads as people say it (夜 / 中), the code and full name in its title.
  await expect(cell).toHaveText(target === 'N' ? '夜' : '中');
  await page.keyboard.press('Delete');
  await expect(cell).toHaveAttribute('data-code', '');
  await page.keyboard.press('Control+z');
  await expect(cell).toHaveAttribute('data-code', target);
  await page.keyboard.press('Control+z');
  await expect(cell).toHaveAttribute('data-code', before);
  // Down one person, and the edit lands there.
  await page.keyboard.press('ArrowDown');
  await expect(grid(page).locator('.zb-active [data-cell]')).toHaveAttribute('data-cell', new RegExp(`\\|${addDays(TODAY, 2)}$`));
  await expect(grid(page).locator('.zb-active [data-cell]')).not.toHaveAttribute('data-cell', `user-agent02|${addDays(TODAY, 2)}`);
  await scanScreen(page, 'lead: roster');
  await page.screenshot({ path: testInfo.outputPath('roster-1440.png') });

  // At 1280 px the 31 days still fit; narrower (1024 px), the month scrolls sideways, its scrollbar on screen
  // (the grid ends above the window's edge), and End brings the last day into view.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(grid(page).locator(`[data-day="${MONTH}-31"]`)).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: testInfo.outputPath('roster-1280.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect
    .poll(async () => grid(page).evaluate((el) => ({ wider: el.scrollWidth > el.clientWidth, bottom: el.getBoundingClientRect().bottom <= window.innerHeight })))
    .toEqual({ wider: true, bottom: true });
  await grid(page).focus();
  await page.keyboard.press('End');
  await expect(grid(page).locator(`[data-day="${MONTH}-31"]`)).toBeInViewport({ ratio: 1 });
  expect(await grid(page).evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('roster-1024.png') });
});

test('QA inspector: every call, read only; F2 opens nothing (zh-CN)', async ({ page }) => {
  const t = tr('zh-CN');
  await start(page, 'qa01');
  await expect(page.getByTestId('calls-table')).toBeVisible();
  // Every team's calls.
  for (const agent of ['王芳', '赵磊', '黄丽']) await expect(page.getByTestId('calls-table').locator('tr', { hasText: agent }).first()).toBeVisible();
  await expect(page.getByTestId('start-call')).toHaveCount(0);
  await page.keyboard.press('F2');
  await page.keyboard.press('F3');
  await expect(page.getByPlaceholder(t('calls.list.search'))).toBeFocused();
  await expect(page.getByTestId('call-form')).toHaveCount(0);
  await scanScreen(page, 'qa: calls');
  await go(page, 'roster');
  await expect(page.getByTestId('roster-keys')).toHaveText(t('roster.readOnlyHint'));
  await scanScreen(page, 'qa: roster');
});

test('department director: the roster of every team, and people read only (zh-CN)', async ({ page }) => {
  const t = tr('zh-CN');
  await start(page, 'dept01');
  await go(page, 'roster');
  await expect(page.getByTestId('roster-keys')).toHaveText(t('roster.keysHint'));
  await expect(page.getByTestId('roster-team')).toBeVisible();
  await expect(page.getByText(t('roster.peopleCount', { count: 14 }))).toBeVisible();
  await scanScreen(page, 'dept: roster');
  await go(page, 'people');
  await expect(page.getByText(t('people.readOnly'))).toBeVisible();
  await expect(page.getByTestId('people-seat').first()).toBeDisabled();
  await expect(page.getByTestId('people-add')).toHaveCount(0);
  await scanScreen(page, 'dept: people');
});

test('center director: a new policy version, its date picked in the UI language, shows in the history; the audit log; shift-type names (zh-CN, en)', async ({ page }, testInfo) => {
  const t = tr('zh-CN');
  await start(page, 'center01');
  await go(page, 'policy');
  await expect(page.getByTestId('policy-editor')).toBeVisible();
  await scanScreen(page, 'center: policy');

  await page.getByTestId('policy-maxSwapsPerMonth').fill('3');
  // The date picker speaks the desk's language, not the operating system's.
  const date = page.locator('input[data-testid=policy-effective-from], [data-testid=policy-effective-from] input').first();
  await date.click();
  const panel = page.locator('.ant-picker-dropdown:visible');
  await expect(panel).toContainText('2026年');
  await expect(panel).toContainText('3月');
  await expect(panel.locator('thead')).toContainText('一');
  await scanScreen(page, 'center: date picker');
  const tomorrow = addDays(TODAY, 1);
  await date.press('Control+a');
  await page.keyboard.type(tomorrow);
  await page.keyboard.press('Enter');
  await expect(date).toHaveValue(tomorrow);
  await page.getByTestId('policy-save').click();
  await expect(page.getByText(t('policy.saved', { from: tomorrow }))).toBeVisible();
  // (Which way the change reads depends on the built-in version's save time, stamped by the real clock, not the pinned one.)
  const audit = page.getByTestId('policy-audit');
  await expect(audit).toContainText(`高文 于 2026/3/17`);
  await expect(audit).toContainText(`自 ${tomorrow} 起生效`);
  await expect(audit.locator('.ant-tag', { hasText: t('policy.param.maxSwapsPerMonth') })).toContainText('3');
  await scanScreen(page, 'center: policy saved');

  // The change and the director's own sign-in are in the audit log, and its chain holds.
  await go(page, 'audit');
  const log = page.getByTestId('audit-table');
  await expect(log.locator('tr', { hasText: t('method.policy.update') }).first()).toContainText('高文');
  await expect(log.locator('tr', { hasText: t('method.session.login') }).first()).toContainText('center01');
  await page.getByTestId('audit-action').click();
  await page.locator('.ant-select-dropdown:visible').getByText(t('method.policy.update'), { exact: true }).click();
  await expect(log.locator('tbody tr')).toHaveCount(1);
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verdict')).toContainText('记录链完整');
  await scanScreen(page, 'center: audit log');
  await page.screenshot({ path: testInfo.outputPath('audit-log.png') });

  // Shift types: each type's names per language open under its row.
  await go(page, 'shiftTypes');
  await page.locator('.ant-table-row-expand-icon').first().click(); // the first type by start time: N (夜班)
  await expect(page.getByTestId('shift-short-N-en')).toHaveValue('Night');
  await page.screenshot({ path: testInfo.outputPath('shift-type-names.png') });
  await scanScreen(page, 'center: shift types');

  // The same picker in English.
  await page.goto(`${new URL(desk.url).origin}/?lang=en`);
  await go(page, 'policy');
  await page.locator('input[data-testid=policy-effective-from], [data-testid=policy-effective-from] input').first().click();
  await expect(page.locator('.ant-picker-dropdown:visible')).toContainText('Mar');
  await expect(page.locator('.ant-picker-dropdown:visible')).toContainText('2026');
  await scanScreen(page, 'center: policy (en)');
});

test('administrator: people, a seat changed and saved (zh-CN)', async ({ page }) => {
  const t = tr('zh-CN');
  await start(page, 'admin');
  await expect(page.getByTestId('people')).toBeVisible();
  await expect(page.getByText(t('people.readOnly'))).toHaveCount(0);
  await scanScreen(page, 'admin: people');
  const row = page.getByTestId('people').locator('tr', { hasText: 'agent05' });
  await row.getByTestId('people-seat').fill('B-12');
  await row.getByRole('button', { name: buttonName(t('people.save')) }).click();
  await expect(page.getByText(t('people.saved', { name: '陈静' }))).toBeVisible();
  await go(page, 'desk');
  await expect(page.getByText(t('desk.dataPath'))).toBeVisible();
  await scanScreen(page, 'admin: desk');
  await go(page, 'people');
  await expect(page.getByTestId('people').locator('tr', { hasText: 'agent05' }).getByTestId('people-seat')).toHaveValue('B-12');
});
