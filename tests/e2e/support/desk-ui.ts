import { expect, type Page } from '@playwright/test';
import { translate, type Locale, type MessageKey, type Params } from '../../../renderer/i18n/catalogues';

export type Translate = (key: MessageKey, params?: Params) => string;

/** The catalogue text a person sees, in their language. */
export const tr =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);

/** Opens the printed URL; zh-CN is the default, other languages come from the ?lang switch. */
export async function openDesk(page: Page, url: string, locale: Locale = 'zh-CN'): Promise<void> {
  await page.goto(locale === 'zh-CN' ? url : url.replace('/#', `/?lang=${locale}#`));
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** Opens an area from the side menu, through its group's tab in the header when another group is open. */
export async function go(page: Page, area: string): Promise<void> {
  const item = page.locator(`[data-testid=nav] [data-area="${area}"]`);
  if (!(await item.isVisible())) await page.locator(`[data-testid=nav-groups] [data-areas~="${area}"]`).click();
  await item.click();
  await expect(page.locator('[data-testid=nav] .ant-menu-item-selected [data-area]')).toHaveAttribute('data-area', area);
}

/** The area the side menu shows as open. */
export function currentArea(page: Page) {
  return page.locator('[data-testid=nav] .ant-menu-item-selected [data-area]');
}

/** A button's accessible name: antd puts a space between the two characters of a two-character Chinese label ("放 弃"). */
export function buttonName(text: string): RegExp {
  return new RegExp(`^\\s*${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);
}
