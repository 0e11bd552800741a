import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translate } from '../../renderer/i18n/catalogues';
import { signIn } from './support/sign-in';
import { startDeskProcess } from './support/desk-process';
import { startServerProcess } from './support/server-process';
import { go } from './support/desk-ui';
import { scanScreen } from './support/scan-screen';
import { expect, newPinnedContext, test } from './support/test';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const header = ['用户名', '姓名', '岗位', '班组', '工种', '技能等级', '座位', '在职'];

test('an administrator imports people from Excel: a bad file is refused by cell, a good one creates accounts that can sign in', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'zhiban-e2e-people-'));
  const server = await startServerProcess(join(root, 'server'));
  const desk = await startDeskProcess(join(root, 'desk'), server.url);
  const ctx = await newPinnedContext(browser);
  try {
    const page = await ctx.newPage();
    await page.goto(desk.url);
    await signIn(page, 'admin', { synced: true });
    await go(page, 'people');

    await page.getByTestId('people-file').setInputFiles({ name: 'people.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx([header, ['agent61', '孙丽', '业务代表', '一组', '在线客服', '2', 'C-61', '是'], ['agent62', '钱进', '老板', '九组', '语音', '1', '', '是']]) });
    const issues = page.getByTestId('sheet-import-issues');
    await expect(issues).toContainText(t('err.unknownRole'));
    await expect(issues).toContainText(t('err.unknownTeam'));
    await expect(page.getByTestId('sheet-import-confirm')).toBeDisabled();
    await scanScreen(page, 'people import refused');
    await page.screenshot({ path: testInfo.outputPath('people-import-issues.png') });
    await page.keyboard.press('Escape');

    await page.getByTestId('people-file').setInputFiles({ name: 'people.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx([header, ['agent61', '孙丽', '业务代表', '一组', '在线客服', '2', 'C-61', '是'], ['agent01', '王芳', '业务代表', 'team-a', '语音', '3', 'A-01', '是']]) });
    await expect(page.getByText(t('people.importReady', { created: 1, updated: 1 }))).toBeVisible();
    await expect(page.getByTestId('sheet-import-confirm')).toBeDisabled(); // the initial password is still missing
    // Nine characters: the server's rule (10) is told here, before anything is sent.
    await page.getByTestId('people-initial-password').fill('welcome-6');
    await expect(page.getByText(t('err.passwordTooShort'))).toBeVisible();
    await expect(page.getByTestId('sheet-import-confirm')).toBeDisabled();
    await page.getByTestId('people-initial-password').fill('welcome-61');
    await page.getByTestId('sheet-import-confirm').click();
    await expect(page.getByText(t('people.importDone', { created: 1, updated: 1 }))).toBeVisible();
    await expect(page.getByTestId('people')).toContainText('agent61');

    // The new account exists on the central server: a second browser signs in with it there.
    const check = await fetch(`${server.url}/api/v1/session.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'agent61', password: 'welcome-61' }) });
    expect(check.status).toBe(200);
  } finally {
    await ctx.close();
    await desk.stop();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
