import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translate, type Locale } from '../../renderer/i18n/catalogues';
import { signIn } from './support/sign-in';
import { startDeskProcess } from './support/desk-process';

/** Opens the printed URL; zh-CN is the default, other languages come from the ?lang switch. */
async function open(page: Page, url: string, locale: Locale) {
  await page.goto(locale === 'zh-CN' ? url : url.replace('/#', `/?lang=${locale}#`));
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`an agent logs a call by keyboard alone and it survives a desk restart (${locale})`, async ({ page }, testInfo) => {
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
    const dataDir = mkdtempSync(join(tmpdir(), 'zhiban-e2e-'));
    let desk = await startDeskProcess(dataDir);
    try {
      await open(page, desk.url, locale);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await signIn(page, 'agent01', { locale });
      await expect(page.getByTestId('signed-in-as')).toHaveText(t('shell.signedInAs', { name: '王芳', role: t('role.agent') }));

      // F2 opens a log with a running timer; Enter on the empty form names the missing fields and saves nothing.
      await page.keyboard.press('F2');
      await expect(page.getByTestId('call-timer')).toBeVisible();
      await expect(page.getByTestId('call-phone')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByText(t('err.required'))).toHaveCount(3);
      await expect(page.getByText(t('calls.list.count', { count: 2 }))).toBeVisible();

      await page.keyboard.type('139 8888 0000');
      await page.keyboard.press('Tab');
      await page.keyboard.type('张三');
      await page.keyboard.press('Alt+4'); // complaint
      await page.keyboard.press('Tab'); // the category group
      await page.keyboard.press('Tab');
      await expect(page.getByTestId('call-summary')).toBeFocused();
      await page.keyboard.type('宽带夜间频繁断线');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('已重启光猫无效');
      await page.keyboard.press('Tab');
      await page.keyboard.type('已派单上门检修');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space'); // follow-up needed
      await page.waitForTimeout(1100); // let the timer show a real duration
      await page.keyboard.press('Enter');

      const row = page.getByTestId('calls-table').locator('tr', { hasText: '139 8888 0000' });
      await expect(row).toContainText(t('category.complaint'));
      await expect(row).toContainText('宽带夜间频繁断线');
      await expect(row).toContainText(t('calls.list.followUpYes'));
      await expect(page.getByTestId('call-timer')).toHaveCount(0); // saving stopped the timer
      await expect(page.getByText(t('calls.list.count', { count: 3 }))).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`call-logged-${locale}.png`), fullPage: true });

      // Restart the backend: same data directory, new process, new port and token.
      await desk.stop();
      desk = await startDeskProcess(dataDir);
      await open(page, desk.url, locale);
      await signIn(page, 'agent01', { locale });
      await expect(page.getByText(t('calls.list.count', { count: 3 }))).toBeVisible();
      await page.keyboard.press('F3');
      await expect(page.getByPlaceholder(t('calls.list.search'))).toBeFocused();
      await page.keyboard.type('8888');
      await expect(page.getByText(t('calls.list.count', { count: 1 }))).toBeVisible();
      await expect(page.getByTestId('calls-table').locator('tr', { hasText: '139 8888 0000' })).toContainText('已派单上门检修');
      await page.screenshot({ path: testInfo.outputPath(`after-restart-${locale}.png`), fullPage: true });
    } finally {
      await desk.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

test('the UI offers each role only what it may use, and a QA inspector cannot log calls (zh-CN)', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhiban-e2e-'));
  const desk = await startDeskProcess(dataDir);
  try {
    await open(page, desk.url, 'zh-CN');
    await signIn(page, 'qa01', { locale: 'zh-CN' });
    await expect(page.getByTestId('calls-table')).toBeVisible();
    await expect(page.getByTestId('start-call')).toHaveCount(0);
    await page.keyboard.press('F2');
    await expect(page.getByTestId('call-form')).toHaveCount(0);
    await page.getByRole('button', { name: translate('zh-CN', 'shell.logout') }).click();
    await signIn(page, 'admin', { locale: 'zh-CN' });
    await expect(page.getByText(translate('zh-CN', 'desk.dataPath'))).toBeVisible();
    await expect(page.getByRole('menuitem', { name: translate('zh-CN', 'nav.calls') })).toHaveCount(0);
  } finally {
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a wrong password is refused in the user language', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhiban-e2e-'));
  const desk = await startDeskProcess(dataDir);
  try {
    await open(page, desk.url, 'zh-TW');
    await expect(page.getByRole('heading', { name: translate('zh-TW', 'login.title') })).toBeVisible();
    await page.keyboard.type('agent01');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('login-error')).toContainText(translate('zh-TW', 'err.badLogin'));
  } finally {
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
