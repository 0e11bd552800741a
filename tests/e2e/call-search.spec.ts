import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tr } from './support/desk-ui';
import { signIn } from './support/sign-in';
import { startDeskProcess } from './support/desk-process';
import { startServerProcess } from './support/server-process';
import { startCable } from './support/tcp-proxy';
import { expect, newPinnedContext, test } from './support/test';

/**
 * A team lead searches the call history (#13 item 2): while the desk reaches the server, the server answers
 * (the whole center in the lead's scope) and the page says so; with the network gone, the desk's own copy
 * answers and the page says that instead.
 */
for (const locale of ['zh-CN', 'en'] as const) {
  test(`a lead's history search says which source answered: server, then this desk's copy (${locale})`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const t = tr(locale);
    const root = mkdtempSync(join(tmpdir(), 'zhiban-e2e-search-'));
    const server = await startServerProcess(join(root, 'server'));
    const cable = await startCable(new URL(server.url));
    const desk = await startDeskProcess(join(root, 'lead-desk'), cable.url);
    const context = await newPinnedContext(browser);
    const shot = (name: string) => page.screenshot({ path: process.env.ZHIBAN_SHOTS ? join(process.env.ZHIBAN_SHOTS, `${name}-${locale}.png`) : testInfo.outputPath(`${name}.png`), fullPage: true });
    const page = await context.newPage();
    try {
      await page.goto(locale === 'zh-CN' ? desk.url : desk.url.replace('/#', `/?lang=${locale}#`));
      await signIn(page, 'lead01', { synced: true, locale });
      await page.getByTestId('tab-history').click();
      const source = page.getByTestId('history-source');
      await expect(source).toHaveAttribute('data-source', 'center');
      await expect(source).toHaveText(t('calls.search.source.center'));

      // The demo's 钱女士 complained of broadband cuts (team 1): two characters find her.
      await page.getByTestId('history-search').locator('input').fill('宽带');
      const rows = page.getByTestId('history-table').locator('tbody tr.ant-table-row');
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText('投诉宽带多次断线');
      await expect(page.getByTestId('search-page')).toHaveText(t('calls.search.page', { page: 1 }));
      await expect(page.getByTestId('search-next')).toBeDisabled();
      await shot('search-server');

      await cable.cut();
      await page.getByTestId('history-search').locator('input').fill('宽带多次');
      await expect(source).toHaveAttribute('data-source', 'replica', { timeout: 20_000 });
      await expect(source).toHaveText(t('calls.search.source.replica'));
      await expect(rows).toHaveCount(1);
      await shot('search-replica');
    } finally {
      await context.close();
      await desk.stop();
      await cable.close().catch(() => undefined);
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
}
