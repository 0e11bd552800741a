import { test as base, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { pinBrowserClock } from './clock';

/** Playwright's test with every page's clock pinned to the E2E instant (support/clock.ts). */
export const test = base.extend({
  context: async ({ context }, use) => {
    await pinBrowserClock(context);
    await use(context);
  },
});
export { expect } from '@playwright/test';

/** A second (third…) browser context for another desk, its clock pinned like the first (or at `at`). */
export async function newPinnedContext(browser: Browser, options: BrowserContextOptions = {}, at?: string): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await pinBrowserClock(context, at);
  return context;
}
