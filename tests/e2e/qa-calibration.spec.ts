import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Locale } from '../../renderer/i18n/catalogues';
import { go, openDesk, tr } from './support/desk-ui';
import { scanScreen } from './support/scan-screen';
import { signIn } from './support/sign-in';
import { startDeskProcess } from './support/desk-process';
import { expect, newPinnedContext, test } from './support/test';

const t = tr('zh-CN');
/** agent01 on the demo floor, whose morning call is calibrated; the three calibrators of the demo center. */
const AGENT = '王芳';
const [QA, DEPT, CENTER] = ['林晓', '马建国', '高文'];

async function score(page: Page, answers: Record<string, string>) {
  for (const [id, v] of Object.entries(answers)) await page.getByTestId(`qa-answer-${id}-${v}`).click();
  await page.getByTestId('qa-submit').click();
  await expect(page.getByTestId('qa-form')).toBeHidden();
}

test('three inspectors score the same call blind; once the last has scored the session shows each deviation and the agreement (zh-CN, screenshots zh-CN and en)', async ({ browser }) => {
  test.setTimeout(240_000);
  const root = mkdtempSync(join(tmpdir(), 'zhiban-e2e-calibration-'));
  const desk = await startDeskProcess(root);
  const contexts = await Promise.all([0, 1, 2, 3].map(() => newPinnedContext(browser)));
  const open = async (i: number, user: string, locale: Locale = 'zh-CN'): Promise<Page> => {
    const page = await contexts[i]!.newPage();
    await openDesk(page, desk.url, locale);
    await signIn(page, user, { locale });
    await go(page, 'qa-calibration');
    return page;
  };
  try {
    const [qa, dept, center] = [await open(0, 'qa01'), await open(1, 'dept01'), await open(2, 'center01')];

    // 1. The QA inspector opens a session on one of agent01's calls and invites all three (reference: the mean).
    await qa.getByTestId('qa-cal-call').click();
    await qa.locator('.ant-select-item-option', { hasText: AGENT }).first().click();
    await qa.getByTestId('qa-cal-participants').click();
    for (const name of [QA, DEPT, CENTER]) await qa.locator('.ant-select-item-option', { hasText: name }).click();
    await qa.keyboard.press('Escape');
    await qa.getByTestId('qa-cal-open').click();
    const session = (p: Page) => p.getByTestId('qa-cal-session').first();
    await expect(session(qa)).toHaveAttribute('data-status', 'open');
    await expect(session(qa).getByTestId('qa-cal-scored')).toHaveText(t('qa.cal.scoredCount', { scored: 0, total: 3 }));

    // 2. Each scores on the evaluation form; before the close nobody sees another's score.
    await session(qa).getByTestId('qa-cal-score-now').click();
    await score(qa, { wording: '1', attitude: '5', tone: '4', needs: '4', adaptability: '3' });
    await expect(session(qa).getByTestId('qa-cal-my-score')).toHaveText(t('qa.cal.myScore', { score: '79.38' }));

    await expect(session(dept).getByTestId('qa-cal-scored')).toHaveText(t('qa.cal.scoredCount', { scored: 1, total: 3 }), { timeout: 20_000 });
    await expect(session(dept).getByTestId('qa-cal-blind')).toHaveText(t('qa.cal.blind'));
    await expect(session(dept)).not.toContainText('79.38');
    await expect(dept.getByTestId('qa-cal-results')).toHaveCount(0);
    await scanScreen(dept, 'director: calibration, blind');
    await dept.screenshot({ path: '/tmp/calib-blind-zh-CN.png', fullPage: true });
    await session(dept).getByTestId('qa-cal-score-now').click();
    await score(dept, { wording: '1', attitude: '4', tone: '4', needs: '5', adaptability: '4' });
    await expect(session(dept).getByTestId('qa-cal-my-score')).toHaveText(t('qa.cal.myScore', { score: '86.88' }));
    await expect(session(dept)).not.toContainText('79.38');

    // 3. The last score closes the session: everyone sees each total, its deviation from the mean, alpha and ICC.
    await expect(session(center).getByTestId('qa-cal-scored')).toHaveText(t('qa.cal.scoredCount', { scored: 2, total: 3 }), { timeout: 20_000 });
    await session(center).getByTestId('qa-cal-score-now').click();
    await score(center, { wording: '1', attitude: '4', tone: '3', needs: '3', adaptability: 'na' });
    for (const p of [center, qa, dept]) {
      await expect(session(p)).toHaveAttribute('data-status', 'closed', { timeout: 20_000 });
      const results = session(p).getByTestId('qa-cal-results');
      await expect(results.getByTestId('qa-cal-alpha')).toHaveAttribute('data-value', '0.2778');
      await expect(results.getByTestId('qa-cal-alpha')).toContainText(t('qa.cal.reading.poor'));
      await expect(results.getByTestId('qa-cal-icc')).toHaveAttribute('data-value', '0.3478');
      await expect(results.locator(`[data-testid=qa-cal-row][data-inspector="${QA}"]`)).toHaveAttribute('data-deviation', '2.71');
      await expect(results.locator(`[data-testid=qa-cal-row][data-inspector="${DEPT}"]`)).toHaveAttribute('data-deviation', '10.21');
      await expect(results.locator(`[data-testid=qa-cal-row][data-inspector="${CENTER}"]`)).toHaveAttribute('data-deviation', '-12.92');
      await expect(results.getByTestId('qa-cal-chart').locator('[data-bar]')).toHaveCount(3);
    }
    await expect(center.getByTestId('qa-cal-trend').locator('[data-bar]')).toHaveCount(1);
    await scanScreen(center, 'center director: calibration results');
    await center.screenshot({ path: '/tmp/calib-results-zh-CN.png', fullPage: true });

    // 4. The same results in English.
    const qaEn = await open(3, 'qa01', 'en');
    await expect(session(qaEn).getByTestId('qa-cal-alpha')).toContainText('poor agreement');
    await scanScreen(qaEn, 'qa: calibration results (en)');
    await qaEn.screenshot({ path: '/tmp/calib-results-en.png', fullPage: true });
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
    await desk.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
