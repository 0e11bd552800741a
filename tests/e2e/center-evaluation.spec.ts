import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { go, openDesk, tr } from './support/desk-ui';
import { scanScreen } from './support/scan-screen';
import { signIn } from './support/sign-in';
import { startDeskProcess, type DeskProcess } from './support/desk-process';
import { expect, newPinnedContext, test } from './support/test';

/**
 * The department director enters team 1's March (pinned clock: 2026-03-17): 40 survey answers on a
 * 5-point scale (32 on 4–5: 80%), 2 complaints both resolved, 3 of 4 plans satisfactory. Composite
 * (78·50 + 100·30 + 75·20)/100 = 84.0. Then a major incident (有价票证重大安全事件) zeroes satisfaction
 * (eval.major-incident-zero): (0·50 + 100·30 + 75·20)/100 = 45.0. The Excel export reads back.
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

test('the director enters a month, an incident zeroes satisfaction, the composite drops to the rule, Excel export (zh-CN)', async ({ page }, testInfo) => {
  const t = tr('zh-CN');
  await openDesk(page, desk.url);
  await signIn(page, 'dept01');
  await go(page, 'evaluation');
  await expect(page.getByTestId('ev-month')).toHaveValue('2026-03');
  await expect(page.getByTestId('ev-composite-team-a')).toHaveText(t('ev.noValue'));

  await page.getByTestId('ev-edit-team-a').click();
  const form = page.getByTestId('ev-form');
  for (const [point, count] of [[1, 1], [2, 2], [3, 5], [4, 12], [5, 20]] as const) await form.getByTestId(`ev-count-${point}`).fill(String(count));
  await form.getByTestId('ev-complaints').fill('2');
  await form.getByTestId('ev-complaintsResolved').fill('2');
  await form.getByTestId('ev-plansRated').fill('4');
  await form.getByTestId('ev-plansSatisfied').fill('3');
  // The preview already applies the rules in force: 80% − 2 points.
  await expect(form.getByTestId('ev-preview')).toContainText('84.0');
  await form.getByTestId('ev-save').click();
  await expect(page.getByTestId('ev-composite-team-a')).toHaveText('84.0');
  await expect(page.getByTestId('ev-sat-team-a')).toHaveText('78.0');

  // A bad date is refused on the field, nothing changes.
  await page.getByTestId('ev-edit-team-a').click();
  await form.getByTestId('ev-add-incident').click();
  await form.getByTestId('ev-incident-kind-0').click();
  await page.locator('.ant-select-item-option').filter({ hasText: t('ev.incident.valuablesSecurity') }).click();
  await form.getByTestId('ev-incident-date-0').fill('2026-04-02');
  await form.getByTestId('ev-incident-description-0').fill('营业厅有价票证保管失误，已报保卫部门');
  await form.getByTestId('ev-save').click();
  await expect(form).toContainText(t('err.incidentOutsideMonth'));
  await expect(page.getByTestId('ev-composite-team-a')).toHaveText('84.0');

  await form.getByTestId('ev-incident-date-0').fill('2026-03-09');
  await expect(form.getByTestId('ev-preview').locator('[data-rule="eval.major-incident-zero"][data-status=fail]')).toBeVisible();
  await page.screenshot({ path: '/tmp/evalctr-form-zh-CN.png', fullPage: true });
  await form.getByTestId('ev-save').click();
  await expect(page.getByTestId('ev-composite-team-a')).toHaveText('45.0');
  await expect(page.getByTestId('ev-sat-team-a')).toHaveText('0.0');
  await expect(page.getByTestId('ev-table')).toContainText(t('ev.incident.valuablesSecurity'));
  // The rule, in words, in the row's checklist.
  await page.getByTestId('ev-table').locator('.ant-table-row-expand-icon').first().click();
  await expect(page.getByTestId('ev-table').locator('[data-rule="eval.major-incident-zero"][data-status=fail]')).toBeVisible();
  await expect(page.getByTestId('ev-trend').locator('[data-bar="03"]')).toHaveAttribute('data-value', '45');
  await scanScreen(page, 'evaluation zh-CN');
  await page.screenshot({ path: '/tmp/evalctr-evaluation-zh-CN.png', fullPage: true });
  await page.screenshot({ path: testInfo.outputPath('evaluation-zh-CN.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ev-export').click()]);
  const file = join(dataDir, 'export.xlsx');
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe(`${t('ev.sheet.name')}-2026-03.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const back: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => back.push(Array.from(r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  const header = back[0]!;
  expect(back).toHaveLength(2);
  expect(back[1]![header.indexOf(t('ev.team'))]).toBe('一组');
  expect(back[1]![header.indexOf(t('ev.composite'))]).toBe('45.0');
  expect(back[1]![header.indexOf(t('ev.satisfaction'))]).toBe('0.0');
});

test('the same screen in English, and a team lead sees only their team', async ({ page, browser }) => {
  const t = tr('en');
  await openDesk(page, desk.url, 'en');
  await signIn(page, 'center01', { locale: 'en' });
  await go(page, 'evaluation');
  await page.getByTestId('ev-edit-team-b').click();
  const form = page.getByTestId('ev-form');
  await form.getByTestId('ev-scale').getByText(t('ev.form.scalePoints', { points: 7 })).click();
  await form.getByTestId('ev-count-7').fill('6');
  await form.getByTestId('ev-count-6').fill('3');
  await form.getByTestId('ev-count-2').fill('1');
  await form.getByTestId('ev-suggestions').fill('2');
  await form.getByTestId('ev-suggestionsResolved').fill('1');
  await page.screenshot({ path: '/tmp/evalctr-form-en.png', fullPage: true });
  await form.getByTestId('ev-save').click();
  // 9 of 10 satisfied = 90%; resolution 1/2 = 50%; no plans: (90·50 + 50·30)/80 = 75.0
  await expect(page.getByTestId('ev-composite-team-b')).toHaveText('75.0');
  await expect(page.getByTestId('ev-trend')).toContainText(t('ev.trend', { team: 'Team 2' }));
  await scanScreen(page, 'evaluation en');
  await page.screenshot({ path: '/tmp/evalctr-evaluation-en.png', fullPage: true });

  // Team 2's lead reads their team's month, without the entry button; team 1 is not on their screen.
  const ctx = await newPinnedContext(browser, { viewport: { width: 1366, height: 860 } });
  try {
    const lead = await ctx.newPage();
    await openDesk(lead, desk.url, 'en');
    await signIn(lead, 'lead02', { locale: 'en' });
    await go(lead, 'evaluation');
    await expect(lead.getByTestId('ev-composite-team-b')).toHaveText('75.0');
    await expect(lead.getByTestId('ev-composite-team-a')).toHaveCount(0);
    await expect(lead.getByTestId('ev-edit-team-b')).toHaveCount(0);
  } finally {
    await ctx.close();
  }
});
