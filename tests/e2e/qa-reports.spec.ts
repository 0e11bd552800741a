import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { go, openDesk, tr } from './support/desk-ui';
import { signIn } from './support/sign-in';
import { startDeskProcess, type DeskProcess } from './support/desk-process';
import { expect, newPinnedContext, test } from './support/test';

/**
 * One desk at the pinned 10:30 (2026-03-17). QA (林晓) scores 李娜's and 张敏's calls (both have the demo's
 * 4-second WAV): on the first, a comment is pinned to the playhead with the C key and drawn on the waveform.
 * Tone is weak (3 of 5) for both evaluated agents of team 1, so the weekly summary's training plan makes it a
 * team-wide item (qa.weekly); one step offers it to roll call (qa.rollcall) and the lead's roll call lists it.
 * The agent's own evaluation shows the same player with the pinned comment; clicking its time seeks there.
 */
const t = tr('zh-CN');
let dataDir: string;
let desk: DeskProcess;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zhiban-e2e-qarep-'));
  desk = await startDeskProcess(dataDir);
});
test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function as(browser: Browser, username: string, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const ctx = await newPinnedContext(browser, { viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await openDesk(page, desk.url, locale);
  await signIn(page, username, { locale });
  return page;
}

async function scoreToneThree(qa: Page, agentName: string) {
  await qa.getByTestId('qa-sample').locator('tr', { hasText: agentName }).first().getByTestId('qa-sample-evaluate').click();
  await expect(qa.getByTestId('qa-form')).toBeVisible();
  for (const [id, v] of Object.entries({ wording: '1', attitude: '5', tone: '3', needs: '5', adaptability: '5' })) await qa.getByTestId(`qa-answer-${id}-${v}`).click();
}

test('QA pins a comment to the recording; a weakness common to the team goes from the weekly summary to the lead’s roll call (zh-CN)', async ({ browser }) => {
  test.setTimeout(240_000);
  const qa = await as(browser, 'qa01');
  await go(qa, 'qa-monitor');

  // 1. 李娜's call: the recording plays above the scorecard; C pins a comment at the playhead (0:04, its end).
  await scoreToneThree(qa, '李娜');
  await expect(qa.getByTestId('recording-waveform').locator('rect.rec-bar')).toHaveCount(160);
  await qa.getByTestId('recording-player').focus();
  await qa.keyboard.press('ArrowRight');
  await expect(qa.getByTestId('qa-comment-pin')).toHaveAttribute('data-at', '4');
  await expect(qa.getByTestId('qa-comment-pin')).toHaveText(t('qa.rec.pinAt', { at: '0:04' }));
  await qa.getByTestId('recording-player').focus();
  await qa.keyboard.press('c');
  await expect(qa.getByTestId('qa-comment-at')).toHaveValue('0:04');
  await expect(qa.getByTestId('qa-comment-text')).toBeFocused();
  await qa.keyboard.type('语速偏快，客户两次打断');
  await qa.keyboard.press('Enter');
  await expect(qa.getByTestId('qa-comment')).toContainText('0:04');
  await expect(qa.getByTestId('recording-marker')).toHaveCount(1);
  // Clicking the comment's time moves the playhead there (from the start).
  await qa.getByTestId('recording-player').focus();
  await qa.keyboard.press('ArrowLeft');
  await expect.poll(() => qa.getByTestId('recording-audio').evaluate((a: HTMLAudioElement) => a.currentTime)).toBe(0);
  await qa.getByTestId('qa-comment').locator('[data-at="4"]').click();
  await expect.poll(() => qa.getByTestId('recording-audio').evaluate((a: HTMLAudioElement) => a.currentTime)).toBe(4);
  await qa.screenshot({ path: '/tmp/qarep-form-zh-CN.png', fullPage: true });
  await qa.getByTestId('qa-submit').click();
  await expect(qa.getByTestId('qa-form')).toBeHidden();

  // 2. 张敏's call: tone 3 again.
  await scoreToneThree(qa, '张敏');
  await qa.getByTestId('qa-submit').click();
  await expect(qa.getByTestId('qa-form')).toBeHidden();

  // 3. The weekly summary of team 1: tone is weak for both agents evaluated → a team-wide training item.
  await go(qa, 'qa-reports');
  await expect(qa.getByTestId('qa-weekly-done')).toContainText('2');
  const teamItem = qa.locator('[data-testid=qa-plan-team][data-criterion=tone]');
  await expect(teamItem).toBeVisible();
  await qa.screenshot({ path: '/tmp/qarep-weekly-zh-CN.png', fullPage: true });
  await qa.getByTestId('qa-plan-rollcall').click();
  await expect(qa.getByTestId('qa-issue-title')).toHaveValue(t('qa.rep.issueTitle', { criterion: '语气语调' }));
  await expect(qa.getByTestId('qa-issue-seen')).toHaveValue(/李娜, 张敏/);
  await qa.getByTestId('qa-issue-publish').click();
  await expect(qa.getByTestId('qa-plan-offered')).toHaveText(t('qa.rep.offered'));
  await qa.context().close();

  // 4. The lead's roll call offers the issue to brief.
  const lead = await as(browser, 'lead01');
  await go(lead, 'floor');
  await lead.locator('[data-shift="team-a-D"] [data-testid=open-rollcall]').click();
  await expect(lead.locator(`[data-testid=rollcall-issue][data-title="${t('qa.rep.issueTitle', { criterion: '语气语调' })}"]`)).toBeVisible();
  await lead.context().close();

  // 5. The agent's evaluation: the same player, the pinned comment drawn on it; its time seeks there.
  const agent = await as(browser, 'agent02');
  await go(agent, 'qa-evaluations');
  await agent.getByTestId('qa-evaluation-row').first().click();
  await expect(agent.getByTestId('qa-recording').getByTestId('recording-marker')).toHaveCount(1);
  await agent.getByTestId('qa-detail-comment').locator('[data-at="4"]').click();
  await expect.poll(() => agent.getByTestId('recording-audio').evaluate((a: HTMLAudioElement) => a.currentTime)).toBe(4);
  await agent.screenshot({ path: '/tmp/qarep-agent-zh-CN.png', fullPage: true });
  await agent.context().close();

  // 6. The department director opens on the month's analysis (English): team 1's tone is the common problem.
  const director = await as(browser, 'dept01', 'en');
  await go(director, 'qa-reports');
  await expect(director.getByTestId('qa-analysis')).toBeVisible();
  await expect(director.locator('[data-testid=qa-plan-team][data-criterion=tone]')).toBeVisible();
  await expect(director.getByTestId('qa-analysis-disputes')).toHaveText(tr('en')('qa.rep.disputesLine', { total: 0, open: 0, upheld: 0, amended: 0 }));
  await director.screenshot({ path: '/tmp/qarep-analysis-en.png', fullPage: true });
});
