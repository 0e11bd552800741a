import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translate } from '../../renderer/i18n/catalogues';
import { signIn } from './support/sign-in';
import { startDeskProcess } from './support/desk-process';
import { startServerProcess } from './support/server-process';
import { startCable } from './support/tcp-proxy';
import { expect, newPinnedContext, test } from './support/test';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);

test('two desks: an agent works offline and comes back; the team lead sees the call appear without reloading', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'zhiban-e2e-sync-'));
  const server = await startServerProcess(join(root, 'server'));
  const cable = await startCable(new URL(server.url)); // the agent desk's network link
  const agentDesk = await startDeskProcess(join(root, 'agent-desk'), cable.url);
  const leadDesk = await startDeskProcess(join(root, 'lead-desk'), server.url);
  const agent = await newPinnedContext(browser);
  const lead = await newPinnedContext(browser);
  try {
    const a = await agent.newPage();
    const l = await lead.newPage();
    await a.goto(agentDesk.url);
    await signIn(a, 'agent01', { synced: true });
    await l.goto(leadDesk.url);
    await signIn(l, 'lead01', { synced: true });
    await expect(l.getByText(t('calls.list.count', { count: 4 }))).toBeVisible(); // team-a's demo calls

    // The agent's network goes; the agent keeps working.
    await cable.cut();
    await a.getByRole('button', { name: t('sync.now') }).click();
    await expect(a.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
    await a.keyboard.press('F2');
    await a.keyboard.type('186 0000 7777');
    await a.keyboard.press('Tab');
    await a.keyboard.type('离线客户');
    await a.keyboard.press('Alt+2');
    await a.keyboard.press('Tab');
    await a.keyboard.press('Tab');
    await a.keyboard.type('断网期间登记的查询');
    await a.keyboard.press('Tab');
    await a.keyboard.type('已答复');
    await a.keyboard.press('Enter');
    const row = a.getByTestId('calls-table').locator('tr', { hasText: '186 0000 7777' });
    await expect(row.getByTestId('unsynced')).toBeVisible();
    await expect(a.getByText(t('sync.pending', { count: 1 }))).toBeVisible();
    await a.screenshot({ path: testInfo.outputPath('agent-offline.png') });

    // The lead's screen does not have it yet.
    await expect(l.getByTestId('calls-table').locator('tr', { hasText: '186 0000 7777' })).toHaveCount(0);

    // Back online: the desk pushes by itself; the server pokes the lead's desk, whose list updates in place.
    await cable.restore();
    await expect(a.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
    await expect(row.getByTestId('unsynced')).toHaveCount(0);
    const leadRow = l.getByTestId('calls-table').locator('tr', { hasText: '186 0000 7777' });
    await expect(leadRow).toContainText('王芳', { timeout: 20_000 });
    await expect(leadRow).toContainText(t('category.query'));
    await expect(l.getByText(t('calls.list.count', { count: 5 }))).toBeVisible();
    await l.screenshot({ path: testInfo.outputPath('lead-sees-it.png') });
  } finally {
    await agent.close();
    await lead.close();
    await agentDesk.stop();
    await leadDesk.stop();
    await cable.close().catch(() => undefined);
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
