import { defineConfig } from '@playwright/test';

/** Debian's Chromium (Playwright's own browser download cannot work on a closed network). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags that keep Chromium from hanging on background connections a closed network refuses. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig({
  globalSetup: './tests/e2e/support/global-setup.ts',
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // Two files at a time: a spec spends most of its time waiting on desks and servers (CPU ~25 % of its wall
  // time), so a second worker overlaps the waits; tests within a file still run in order.
  workers: Number(process.env.ZHIBAN_E2E_WORKERS ?? 2),
  fullyParallel: false,
  // A click on something that is gone fails within a bound instead of waiting out a whole scenario's budget.
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure', actionTimeout: 20_000 },
  projects: [
    {
      name: 'web',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1366, height: 860 },
        launchOptions: { executablePath: CHROMIUM, args: FLAGS },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
