import { expect, type Page } from '@playwright/test';
import { translate, type Locale } from '../../../renderer/i18n/catalogues';
import { DEMO_PASSWORD } from '../../../db/demo/demo-center';

/**
 * Signs in with the keyboard only (the username field has focus on arrival) and waits for the desk's
 * shell, so the next key press reaches it. With `synced`, waits until the desk reports itself online,
 * i.e. its first sync is done.
 */
export async function signIn(page: Page, username: string, o: { locale?: Locale; synced?: boolean } = {}): Promise<void> {
  await expect(page.getByRole('heading', { name: translate(o.locale ?? 'zh-CN', 'login.title') })).toBeVisible();
  await expect(page.getByLabel(translate(o.locale ?? 'zh-CN', 'login.username'))).toBeFocused();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.ant-menu-item-selected').first()).toBeVisible();
  if (o.synced) await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
}
