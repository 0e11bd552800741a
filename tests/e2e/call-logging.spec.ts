import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../renderer/i18n/catalogues';
import { buttonName, currentArea, go, openDesk, tr, type Translate } from './support/desk-ui';
import { signIn } from './support/sign-in';
import { startDeskProcess, type DeskProcess } from './support/desk-process';
import { scanScreen } from './support/scan-screen';
import { expect, test } from './support/test';

/**
 * Logging a call with the keyboard alone, as the README's "Logging a call (keyboard only)" says:
 * F2 starts a log and its timer · Tab moves through phone, name, category, summary, outcome, follow-up ·
 * Alt+1…5 picks the category · Space ticks follow-up · Enter saves and stops the timer (Shift+Enter a new
 * line; Enter while an IME composes stays with the IME) · Esc discards · F3 searches today's calls.
 */

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

const form = (page: Page) => ({
  phone: page.getByTestId('call-phone'),
  name: page.getByTestId('call-name'),
  category: page.getByTestId('call-category'),
  summary: page.getByTestId('call-summary'),
  outcome: page.getByTestId('call-outcome'),
  followUp: page.getByTestId('call-form').getByRole('checkbox'),
  timer: page.getByTestId('call-timer'),
});

/** F2, and the form is there with its timer running and the phone field ready. */
async function pressF2(page: Page) {
  await page.keyboard.press('F2');
  await expect(form(page).timer).toBeVisible();
  await expect(form(page).phone).toBeFocused();
}

async function checked(page: Page, t: Translate, category: 'consultation' | 'query' | 'registration' | 'complaint' | 'suggestion') {
  await expect(form(page).category.getByRole('radio', { checked: true })).toHaveText(new RegExp(`${t(`category.${category}`)}$`));
}

for (const locale of ['zh-CN', 'en'] as const satisfies readonly Locale[]) {
  test(`the README's keyboard sequence puts every field where it belongs, and the call survives a desk restart (${locale})`, async ({ page }, testInfo) => {
    const t = tr(locale);
    await openDesk(page, desk.url, locale);
    await signIn(page, 'agent01', { locale });
    await expect(page.getByTestId('signed-in-as')).toHaveText(t('shell.signedInAs', { name: '王芳', role: t('role.agent') }));
    await expect(page.getByTestId('calls-count')).toHaveText(t('calls.list.count', { count: 2 }));

    // F2 opens a log with a running timer; Enter on the empty form names every missing field, in words.
    await pressF2(page);
    await page.keyboard.press('Enter');
    await expect(page.getByText(t('err.required'), { exact: true })).toHaveCount(3);
    await expect(page.getByText(t('calls.log.pickCategory'))).toBeVisible();
    await scanScreen(page, `empty form refused (${locale})`);
    await expect(page.getByTestId('calls-count')).toHaveText(t('calls.list.count', { count: 2 }));

    // The README's order: phone, Tab, name, Tab (the category group: one stop), Alt+4, Tab, summary…
    const f = form(page);
    await page.keyboard.type('139 8888 0000');
    await page.keyboard.press('Tab');
    await page.keyboard.type('张三');
    await page.keyboard.press('Tab');
    await expect(f.category.getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('Alt+4'); // complaint
    await checked(page, t, 'complaint');
    await page.keyboard.press('Tab');
    await expect(f.summary).toBeFocused();
    await page.keyboard.type('宽带夜间频繁断线');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('已重启光猫无效');
    await page.keyboard.press('Tab');
    await page.keyboard.type('已派单上门检修');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // follow-up needed

    await expect(f.phone).toHaveValue('139 8888 0000');
    await expect(f.name).toHaveValue('张三');
    await checked(page, t, 'complaint');
    await expect(f.summary).toHaveValue('宽带夜间频繁断线\n已重启光猫无效');
    await expect(f.outcome).toHaveValue('已派单上门检修');
    await expect(f.followUp).toBeChecked();
    await expect(page.getByText(t('calls.log.pickCategory'))).toHaveCount(0);

    // The call lasts a minute and five seconds on the desk's clock (no sleeping: the page clock moves on).
    await page.clock.runFor(65_000);
    await expect(f.timer).toHaveText(/[1-9]:[0-5]\d$/); // over a minute (plus however long the typing took)
    await page.keyboard.press('Enter');

    const row = page.getByTestId('calls-table').locator('tr', { hasText: '139 8888 0000' });
    await expect(row).toContainText('张三');
    await expect(row).toContainText(t('category.complaint'));
    await expect(row).toContainText('宽带夜间频繁断线');
    await expect(row).toContainText('已派单上门检修');
    await expect(row).toContainText(t('calls.list.followUpYes'));
    await expect(row.locator('td').nth(1)).toHaveText(/^[1-9]:[0-5]\d$/); // the duration: over a minute
    await expect(f.timer).toHaveCount(0); // saving stopped the timer (it was there a moment ago)
    await expect(page.getByTestId('start-call')).toBeFocused();
    await expect(page.getByTestId('calls-count')).toHaveText(t('calls.list.count', { count: 3 }));
    await scanScreen(page, `call logged (${locale})`);
    await page.screenshot({ path: testInfo.outputPath(`call-logged-${locale}.png`), fullPage: true });

    // Restart the backend: same data directory, new process, new port and token.
    await desk.stop();
    desk = await startDeskProcess(dataDir);
    await openDesk(page, desk.url, locale);
    await signIn(page, 'agent01', { locale });
    await expect(page.getByTestId('calls-count')).toHaveText(t('calls.list.count', { count: 3 }));
    await page.keyboard.press('F3');
    const search = page.getByPlaceholder(t('calls.list.search'));
    await expect(search).toBeFocused();
    await expect(search).toHaveAttribute('placeholder', /F3/);
    await page.keyboard.type('8888');
    await expect(page.getByTestId('calls-count')).toHaveText(t('calls.list.count', { count: 1 }));
    await expect(page.getByTestId('calls-table').locator('tr', { hasText: '139 8888 0000' })).toContainText('已派单上门检修');
  });
}

test('another order: category first (Alt+2), then phone and the rest; arrows move the choice, Tab leaves the group (zh-CN)', async ({ page }) => {
  const t = tr('zh-CN');
  await openDesk(page, desk.url);
  await signIn(page, 'agent01');
  await pressF2(page);
  const f = form(page);

  await page.keyboard.press('Alt+2'); // query, picked from the phone field
  await expect(f.phone).toBeFocused();
  await checked(page, t, 'query');
  await page.keyboard.type('186 0000 1234');
  await page.keyboard.press('Tab');
  await page.keyboard.type('李四');
  await page.keyboard.press('Tab');
  // The group's one stop is the chosen category; arrows move the choice and the focus with it.
  await expect(f.category.getByRole('radio', { checked: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await checked(page, t, 'registration');
  await expect(f.category.getByRole('radio', { checked: true })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await checked(page, t, 'query');
  await page.keyboard.press('Tab');
  await expect(f.summary).toBeFocused();
  await page.keyboard.type('查询话费余额');
  await page.keyboard.press('Tab');
  await page.keyboard.type('已告知');
  // Shift+Tab back through the form reaches the group once, on the chosen category.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(f.category.getByRole('radio', { checked: true })).toBeFocused();
  await page.keyboard.press('Alt+5'); // Alt+n works inside the group too
  await checked(page, t, 'suggestion');
  await expect(f.category.getByRole('radio', { checked: true })).toBeFocused();
  await page.keyboard.press('Alt+2');

  await expect(f.phone).toHaveValue('186 0000 1234');
  await expect(f.name).toHaveValue('李四');
  await expect(f.summary).toHaveValue('查询话费余额');
  await expect(f.outcome).toHaveValue('已告知');
  await expect(f.followUp).not.toBeChecked();

  // Enter while a Chinese IME composes is the IME's: nothing is saved.
  await f.summary.focus();
  await f.summary.dispatchEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true });
  await expect(f.timer).toBeVisible();
  await expect(page.getByTestId('calls-count')).toHaveText(t('calls.list.count', { count: 2 }));

  await page.keyboard.press('Enter');
  const row = page.getByTestId('calls-table').locator('tr', { hasText: '186 0000 1234' });
  await expect(row).toContainText('李四');
  await expect(row).toContainText(t('category.query'));
  await expect(row).toContainText('查询话费余额');
  await expect(row).not.toContainText(t('calls.list.followUpYes'));
  await expect(f.timer).toHaveCount(0);
});

test('Esc discards from any field, asking first with the same keyboard-operable question as the Discard button (zh-CN)', async ({ page }) => {
  const t = tr('zh-CN');
  await openDesk(page, desk.url);
  await signIn(page, 'agent01');
  const f = form(page);
  const dialog = page.getByRole('dialog').filter({ hasText: t('calls.log.discardConfirm') });
  const keep = dialog.getByRole('button', { name: buttonName(t('calls.log.keep')) });
  const discardOk = dialog.getByRole('button', { name: buttonName(t('calls.log.discardOk')) });
  /** The question is gone, closing animation and all (the focus is back in the form). */
  const closed = () => expect(page.locator('.ant-modal-confirm')).toHaveCount(0);
  /** Esc from a field: the question opens on "keep". */
  const escFrom = async (field: Locator) => {
    await field.focus();
    await expect(field).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await expect(keep).toBeFocused();
  };

  // An empty draft just closes.
  await pressF2(page);
  await page.keyboard.press('Escape');
  await expect(f.timer).toHaveCount(0);
  await expect(dialog).toHaveCount(0);

  // Something typed: Esc asks; the question opens on "keep", and Enter keeps.
  await pressF2(page);
  await page.keyboard.type('137 1111 2222');
  await escFrom(f.phone);
  await scanScreen(page, 'discard question');
  await page.keyboard.press('Enter');
  await closed();
  await expect(f.phone).toHaveValue('137 1111 2222');

  // The Discard button asks the same question; Esc on the question keeps the draft.
  await page.getByTestId('call-discard').click();
  await expect(dialog).toBeVisible();
  await expect(keep).toBeFocused();
  await page.keyboard.press('Escape');
  await closed();
  await expect(f.phone).toHaveValue('137 1111 2222');

  // From the category group: asked, kept. From the summary: Tab to "discard", Enter.
  await escFrom(f.category.getByRole('radio').first());
  await page.keyboard.press('Enter');
  await closed();
  await expect(f.timer).toBeVisible();
  await escFrom(f.summary);
  await page.keyboard.press('Tab');
  await expect(discardOk).toBeFocused();
  await page.keyboard.press('Enter');
  await closed();
  await expect(f.timer).toHaveCount(0);
  await expect(page.getByTestId('start-call')).toBeFocused();
  await expect(page.getByTestId('calls-count')).toHaveText(t('calls.list.count', { count: 2 }));
});

test('F2 works from every screen: from leave and from the roster it opens the call log with its timer; F3 searches (zh-CN)', async ({ page }) => {
  const t = tr('zh-CN');
  await openDesk(page, desk.url);
  await signIn(page, 'agent01');

  await go(page, 'leave');
  await pressF2(page);
  await expect(currentArea(page)).toHaveAttribute('data-area', 'calls');
  await page.keyboard.type('135 0000 9999');

  // The draft waits while the agent looks at the roster; F2 there brings it back, timer still running.
  await go(page, 'roster');
  await expect(page.getByTestId('roster-grid')).toBeVisible();
  await expect(form(page).timer).toHaveCount(0);
  await pressF2(page);
  await expect(currentArea(page)).toHaveAttribute('data-area', 'calls');
  await expect(form(page).phone).toHaveValue('135 0000 9999');

  await go(page, 'myShifts');
  await page.keyboard.press('F3');
  await expect(currentArea(page)).toHaveAttribute('data-area', 'calls');
  await expect(page.getByPlaceholder(t('calls.list.search'))).toBeFocused();
});

test('each role is offered only what it may use: a QA inspector reads calls but F2 opens nothing (zh-CN)', async ({ page }) => {
  const t = tr('zh-CN');
  await openDesk(page, desk.url);
  await signIn(page, 'qa01');
  await expect(page.getByTestId('calls-table')).toBeVisible();
  await expect(page.getByTestId('start-call')).toHaveCount(0);
  await page.keyboard.press('F2');
  // F3 after F2: once the search has focus, F2 has certainly been handled, and it opened nothing.
  await page.keyboard.press('F3');
  await expect(page.getByPlaceholder(t('calls.list.search'))).toBeFocused();
  await expect(page.getByTestId('call-form')).toHaveCount(0);

  await page.getByRole('button', { name: buttonName(t('shell.logout')) }).click();
  await signIn(page, 'admin');
  await expect(page.getByTestId('people')).toBeVisible();
  await expect(page.locator('[data-testid=nav-groups] [data-areas~=calls]')).toHaveCount(0);
  await page.keyboard.press('F2');
  await page.keyboard.press('F3');
  await expect(page.getByTestId('people')).toBeVisible();
  await expect(page.getByTestId('call-form')).toHaveCount(0);
});

test('a wrong password is refused in the user language (zh-TW)', async ({ page }) => {
  const t = tr('zh-TW');
  await openDesk(page, desk.url, 'zh-TW');
  await expect(page.getByRole('heading', { name: t('login.title') })).toBeVisible();
  await page.keyboard.type('agent01');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wrong-password');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('login-error')).toContainText(t('err.badLogin'));
  await scanScreen(page, 'login refused (zh-TW)');
});

test('a page opened without its token tells desk staff where to open it (zh-CN, en)', async ({ page }) => {
  for (const locale of ['zh-CN', 'en'] as const) {
    await page.goto(`${new URL(desk.url).origin}/${locale === 'en' ? '?lang=en' : ''}`);
    await page.evaluate(() => window.sessionStorage.clear());
    await page.reload();
    const text = page.getByText(tr(locale)('app.noBridge'));
    await expect(text).toBeVisible();
    await expect(text).not.toContainText('npm');
    if (locale === 'zh-CN') await expect(text).toContainText('请从值班台启动窗口打开');
  }
});
