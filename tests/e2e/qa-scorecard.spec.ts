import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { scoreEvaluation } from '../../shared/qa/score';
import { DEFAULT_TEMPLATE } from '../../shared/qa/template';
import type { Locale } from '../../renderer/i18n/catalogues';
import { go, openDesk, tr } from './support/desk-ui';
import { scanScreen } from './support/scan-screen';
import { signIn } from './support/sign-in';
import { startDeskProcess } from './support/desk-process';
import { expect, newPinnedContext, test } from './support/test';

const t = tr('zh-CN');
/** agent01 on the demo floor: two of the morning's calls are theirs. */
const AGENT = '王芳';

/** Scores the open form: each criterion id → the point's test id suffix ('1', '0', 'na' …). */
async function score(page: Page, answers: Record<string, string>) {
  for (const [id, v] of Object.entries(answers)) await page.getByTestId(`qa-answer-${id}-${v}`).click();
}

test('QA samples a call and scores it with a critical fail; the agent acknowledges and disputes; the director amends; the summary and quota progress follow (zh-CN, screenshots zh-CN and en)', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const root = mkdtempSync(join(tmpdir(), 'zhiban-e2e-qa-'));
  const desk = await startDeskProcess(root);
  const contexts = await Promise.all([0, 1, 2, 3].map(() => newPinnedContext(browser)));
  const open = async (i: number, user: string, locale: Locale = 'zh-CN'): Promise<Page> => {
    const page = await contexts[i]!.newPage();
    await openDesk(page, desk.url, locale);
    await signIn(page, user, { locale });
    return page;
  };
  try {
    const [qa, agent, director] = [await open(0, 'qa01'), await open(1, 'agent01'), await open(2, 'dept01')];

    // 1. The QA inspector's badge says how many evaluations this month still owes; the sample spreads over agents.
    await go(qa, 'qa-monitor');
    const before = Number(await qa.getByTestId('qa-monitor-count').innerText());
    expect(before).toBeGreaterThan(0);
    await expect(qa.getByTestId('qa-sample')).toContainText(AGENT);
    const progressRow = qa.locator(`[data-testid=qa-progress-agent][data-agent="${AGENT}"]`);
    await expect(progressRow).toHaveAttribute('data-evaluated', '0');
    await scanScreen(qa, 'qa: monitoring');
    await qa.screenshot({ path: '/tmp/qa-monitor-zh-CN.png', fullPage: true });

    // 2. Scores agent01's sampled call: attitude at its lowest point fails the whole evaluation.
    await qa.getByTestId('qa-sample').locator('tr', { hasText: AGENT }).first().getByTestId('qa-sample-evaluate').click();
    await expect(qa.getByTestId('qa-form')).toBeVisible();
    await score(qa, { wording: '1', attitude: '1', tone: '4', needs: '4', adaptability: 'na' });
    await expect(qa.getByTestId('qa-form-critical')).toHaveText(t('qa.form.criticalFailed.evaluation'));
    await expect(qa.getByTestId('qa-form-score')).toContainText('0');
    await qa.getByTestId('qa-comment-at').fill('0:42');
    await qa.getByTestId('qa-comment-text').fill('客户抱怨时语气生硬');
    await qa.getByTestId('qa-comment-add').click();
    await expect(qa.getByTestId('qa-comment')).toContainText('0:42');
    await qa.getByTestId('qa-details').fill('开头规范用语齐全；客户第二次抱怨时出现不耐烦。');
    await scanScreen(qa, 'qa: form');
    await qa.screenshot({ path: '/tmp/qa-form-zh-CN.png', fullPage: true });
    await qa.getByTestId('qa-submit').click();
    await expect(qa.getByTestId('qa-form')).toBeHidden();
    await expect(progressRow).toHaveAttribute('data-evaluated', '1');
    await expect(qa.getByTestId('qa-monitor-count')).toHaveText(String(before - 1));

    // 3. The agent is told, reads it (score 0, flagged, the comment's time), acknowledges and disputes attitude.
    // The side menu holds the open group's areas only: the badge shows once the quality group is open.
    await go(agent, 'qa-evaluations');
    await expect(agent.getByTestId('qa-evaluations-count')).toHaveText('1', { timeout: 20_000 });
    await agent.getByTestId('qa-evaluation-row').first().click();
    await expect(agent.getByTestId('qa-detail-score')).toHaveText('0');
    await expect(agent.getByTestId('qa-detail-comment')).toContainText('0:42');
    await agent.getByTestId('qa-acknowledge').click();
    await expect(agent.getByTestId('qa-agent-actions')).toContainText(t('qa.detail.acknowledged'));
    await agent.getByTestId('qa-dispute-criterion').click();
    await agent.locator('.ant-select-item-option', { hasText: '服务态度' }).click();
    await agent.getByTestId('qa-dispute-reason').fill('客户先辱骂，我一直保持克制，请复听录音 0:30 起。');
    await agent.getByTestId('qa-dispute-send').click();
    await expect(agent.locator('[data-dispute="attitude"]')).toHaveText(t('qa.dispute.open'));
    await agent.getByTestId('qa-detail-score').scrollIntoViewIfNeeded();
    await scanScreen(agent, 'agent: evaluation');
    await agent.screenshot({ path: '/tmp/qa-agent-zh-CN.png', fullPage: true });

    // 4. The director (the arbitrator) sees the open dispute and amends attitude to 4: the total is recomputed.
    await go(director, 'qa-evaluations');
    await expect(director.getByTestId('qa-evaluations-count')).toHaveText('1', { timeout: 20_000 });
    await director.getByTestId('qa-evaluation-row').first().click();
    await expect(director.getByTestId('qa-ruling-reason')).toContainText('客户先辱骂');
    await director.getByTestId('qa-ruling-amend').click();
    await director.getByTestId('qa-ruling-value-4').click();
    await director.getByTestId('qa-ruling-note').fill('复听录音：客户先辱骂，业务代表克制。');
    await director.getByTestId('qa-ruling-send').click();
    const amended = scoreEvaluation(DEFAULT_TEMPLATE, [
      { criterionId: 'wording', value: 1 },
      { criterionId: 'attitude', value: 4 },
      { criterionId: 'tone', value: 4 },
      { criterionId: 'needs', value: 4 },
      { criterionId: 'adaptability', value: null },
    ]).score!;
    await expect(director.getByTestId('qa-detail-score')).toHaveText(String(amended));
    await expect(director.getByTestId('qa-log')).toContainText('0 → ');
    await expect(director.getByTestId('qa-evaluations-count')).toHaveCount(0);
    await director.keyboard.press('Escape');

    // 5. The monthly summary and the quota progress follow.
    await go(director, 'qa-summary');
    await expect(director.locator(`[data-testid=qa-summary-count][data-agent="${AGENT}"]`)).toHaveText('1 / 3');
    await expect(director.locator(`[data-testid=qa-summary-average][data-agent="${AGENT}"]`)).toHaveText(String(amended));
    await expect(director.locator(`[data-testid=qa-progress-agent][data-agent="${AGENT}"]`)).toHaveAttribute('data-evaluated', '1');
    await scanScreen(director, 'director: summary');
    await director.screenshot({ path: '/tmp/qa-summary-zh-CN.png', fullPage: true });
    await expect(agent.getByTestId('qa-detail-score')).toHaveText(String(amended), { timeout: 20_000 });

    // 6. The director edits the scorecard: weights that no longer sum are named; fixed, version 2 is published.
    await go(director, 'qa-templates');
    await director.getByTestId('qa-tpl-weight-wording').locator('input').fill('30');
    await expect(director.getByTestId('qa-tpl-problems')).toContainText(t('qa.tpl.problem.criterionWeights', { sum: 95, total: 100 }));
    await expect(director.getByTestId('qa-tpl-publish')).toBeDisabled();
    await director.getByTestId('qa-tpl-weight-tone').locator('input').fill('30');
    await expect(director.getByTestId('qa-tpl-problems')).toHaveCount(0);
    await scanScreen(director, 'director: scorecards');
    await director.screenshot({ path: '/tmp/qa-templates-zh-CN.png', fullPage: true });
    await director.getByTestId('qa-tpl-publish').click();
    await expect(director.getByText(t('qa.tpl.published', { version: 2 }))).toBeVisible();
    await expect(director.getByTestId('qa-templates')).toContainText(t('qa.form.version', { version: 2 }));

    // 7. The same screens in English: the agent's view, and the form on another sampled call.
    const agentEn = await open(3, 'agent01', 'en');
    await go(agentEn, 'qa-evaluations');
    await agentEn.getByTestId('qa-evaluation-row').first().click();
    await expect(agentEn.getByTestId('qa-detail-score')).toHaveText(String(amended));
    await scanScreen(agentEn, 'agent: evaluation (en)');
    await agentEn.screenshot({ path: '/tmp/qa-agent-en.png', fullPage: true });
    await agentEn.close();
    const qaEn = await open(3, 'qa01', 'en');
    await go(qaEn, 'qa-monitor');
    await qaEn.getByTestId('qa-sample-evaluate').first().click();
    await score(qaEn, { wording: '0', attitude: '3', tone: '5', needs: '2' });
    await scanScreen(qaEn, 'qa: form (en)');
    await qaEn.screenshot({ path: '/tmp/qa-form-en.png', fullPage: true });
    await qaEn.screenshot({ path: testInfo.outputPath('qa-form-en.png'), fullPage: true });
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
    await desk.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
