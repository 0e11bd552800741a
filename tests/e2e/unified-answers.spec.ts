import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locale } from '../../renderer/i18n/catalogues';
import { go, openDesk, tr } from './support/desk-ui';
import { signIn } from './support/sign-in';
import { startDeskProcess, type DeskProcess } from './support/desk-process';
import { scanScreen } from './support/scan-screen';
import { expect, newPinnedContext, test } from './support/test';
import { calendarDay } from '../../shared/rules/units';

const day = (date: string, locale: 'zh-CN' | 'en' = 'zh-CN') => calendarDay(locale, date);

/**
 * A unified answer (meeting.weekly) from the lead's page to the agent's call screen, on one desk with two
 * windows: team 1's lead publishes what Monday's meeting agreed (a blank title is refused on the field first);
 * 王芳 (agent01), logging a consultation call, presses F4, types a Chinese word, opens the answer with the
 * keyboard, goes back to her call with Esc (the draft intact) and acknowledges it; the lead's page, never
 * reloaded, no longer lists her among those who have not.
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

const TITLE = '出国停机保号怎么办理';

for (const locale of ['zh-CN', 'en'] as const satisfies readonly Locale[]) {
  test(`a lead publishes an answer; the agent finds it on the call screen by keyboard and acknowledges it (${locale})`, async ({ page, browser }) => {
    const t = tr(locale);
    await openDesk(page, desk.url, locale);
    await signIn(page, 'lead01', { locale });
    await go(page, 'answers');
    await page.getByTestId('answer-new').click();
    await page.getByTestId('answer-question').fill('客户要出国一年，问号码怎么保留、每月收多少钱？');
    await page.getByTestId('answer-answer').fill('可办理停机保号：本人带身份证到营业厅办理，每月收取保号费 5 元，最长保留 12 个月；回国后可随时复机。');
    await page.locator('[data-testid=answer-keywords] input').fill('停机保号');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=answer-keywords] input').fill('出国');
    await page.keyboard.press('Enter');
    await page.getByTestId('answer-categories').click();
    await page.locator('.ant-select-item-option', { hasText: t('category.consultation') }).click();
    await page.keyboard.press('Escape');
    // The title is left blank: refused on its field, in words, nothing published.
    await page.getByTestId('answer-save').click();
    await expect(page.getByTestId('answer-form').getByText(t('err.required'), { exact: true })).toBeVisible();
    await page.screenshot({ path: `/tmp/answers-form-${locale}.png` });
    await page.getByTestId('answer-title').fill(TITLE);
    await page.getByTestId('answer-save').click();
    const item = page.getByTestId('answer').filter({ hasText: TITLE });
    await expect(item.getByTestId('answer-missing')).toContainText(t('answers.missing', { count: 6, names: '' }).replace(/\s*$/, ''));
    await expect(item.getByTestId('answer-missing')).toContainText('王芳');
    await expect(item).toContainText(t('answers.meeting', { week: '2026-W12', date: day('2026-03-17', locale) }));

    const ctx = await newPinnedContext(browser, { viewport: { width: 1366, height: 860 } });
    try {
      const agent = await ctx.newPage();
      await openDesk(agent, desk.url, locale);
      await signIn(agent, 'agent01', { locale });
      // The badge (on the header's floor tab, and on the item once that group is open): one answer to acknowledge.
      await expect(agent.getByTestId('group-floor-count')).toContainText('1');
      await go(agent, 'answers');
      await expect(agent.getByTestId('answers-count')).toHaveText('1');
      await go(agent, 'calls');
      await expect(agent.getByTestId('answers-open')).toHaveText(t('answers.panel.open', { key: 'F4' }));

      // A consultation call in progress: phone typed, category picked.
      await agent.keyboard.press('F2');
      await expect(agent.getByTestId('call-phone')).toBeFocused();
      await agent.keyboard.type('139 0000 1234');
      await agent.keyboard.press('Alt+1');

      // F4: the panel, cursor in its search box; a Chinese word finds the answer, tagged for this category.
      await agent.keyboard.press('F4');
      const panel = agent.getByTestId('answers-panel');
      await expect(agent.getByTestId('answers-search')).toBeFocused();
      await agent.keyboard.type('保号');
      const result = panel.getByTestId('answers-result').filter({ hasText: TITLE });
      await expect(result).toHaveAttribute('aria-selected', 'true');
      await expect(result).toContainText(t('answers.panel.fits'));
      await agent.keyboard.press('Enter');
      await expect(result.getByTestId('answer-text')).toContainText('每月收取保号费 5 元');
      await scanScreen(agent, `answers panel (${locale})`);
      await agent.screenshot({ path: `/tmp/answers-panel-${locale}.png` });

      // Esc: back in the call form where the cursor was, the draft as typed.
      await agent.keyboard.press('Escape');
      await expect(agent.getByTestId('call-phone')).toBeFocused();
      await expect(agent.getByTestId('call-phone')).toHaveValue('139 0000 1234');
      await expect(agent.getByTestId('call-form')).toBeVisible();

      // Back to the panel and acknowledge with the keyboard: F4, Tab to the button, Enter.
      await agent.keyboard.press('F4');
      await expect(agent.getByTestId('answers-search')).toBeFocused();
      await agent.keyboard.press('Tab');
      await expect(result.getByTestId('answer-ack')).toBeFocused();
      await agent.keyboard.press('Enter');
      await expect(result).not.toContainText(t('answers.filter.toAck'));
      await expect(agent.getByTestId('call-phone')).toHaveValue('139 0000 1234');
      await expect(agent.getByTestId('group-floor-count')).not.toContainText(/\d/);
    } finally {
      await ctx.close();
    }

    // The lead's page follows the desk's change event: 王芳 is no longer missing.
    await expect(item.getByTestId('answer-missing')).not.toContainText('王芳');
    await expect(item.getByTestId('answer-missing')).toContainText(t('answers.missing', { count: 5, names: '' }).replace(/\s*$/, ''));
    await scanScreen(page, `answers page (${locale})`);
    await page.screenshot({ path: `/tmp/answers-page-${locale}.png`, fullPage: true });

    // A revision: the old words stay readable, and every agent is asked again (王芳 is missing once more).
    await item.getByTestId('answer-revise').click();
    await page.getByTestId('answer-answer').fill('可办理停机保号：本人或委托人带身份证到营业厅办理，每月保号费 5 元，最长 12 个月。');
    await page.getByTestId('answer-note').fill('允许委托办理');
    await page.getByTestId('answer-save').click();
    await expect(item).toContainText(t('answers.version', { revision: 2 }));
    await expect(item.getByTestId('answer-missing')).toContainText('王芳');
    await item.getByText(t('answers.history', { count: 1 })).click();
    await expect(item.getByTestId('answer-version')).toContainText('本人带身份证到营业厅办理');
    await page.screenshot({ path: `/tmp/answers-revised-${locale}.png`, fullPage: true });
  });
}
