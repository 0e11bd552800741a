import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { go, openDesk, tr } from './support/desk-ui';
import { signIn } from './support/sign-in';
import { startDeskProcess } from './support/desk-process';
import { expect, newPinnedContext, test } from './support/test';

const t = tr('zh-CN');

/** Picks an option of an antd Select by typing part of its label. */
async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function report(page: Page, o: { category: string; summary: string; proposal: string; to: string; emergency?: boolean }) {
  await pick(page, 'escalation-category', o.category);
  await page.getByTestId('escalation-summary').fill(o.summary);
  await page.getByTestId('escalation-proposal').fill(o.proposal);
  await pick(page, 'escalation-to', o.to);
  if (o.emergency) await page.getByTestId('escalation-emergency').check();
  await page.getByTestId('escalation-send').click();
}

test('an agent reports to the lead, who is notified and instructs, and the agent acknowledges; an emergency goes straight to the director, the lead is told afterwards, the agent acknowledges with a disagreement; the timeline shows it all', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const root = mkdtempSync(join(tmpdir(), 'zhiban-e2e-escalation-'));
  const desk = await startDeskProcess(root);
  const contexts = await Promise.all([0, 1, 2].map(() => newPinnedContext(browser)));
  const open = async (i: number, user: string): Promise<Page> => {
    const page = await contexts[i]!.newPage();
    await openDesk(page, desk.url);
    await signIn(page, user);
    return page;
  };
  try {
    const [agent, lead, director] = [await open(0, 'agent01'), await open(1, 'lead01'), await open(2, 'dept01')];

    // 0. Live help: F9 during work raises a hand; the lead is told at once and answers.
    await go(agent, 'escalations');
    await go(lead, 'escalations');
    await agent.keyboard.press('F9');
    await expect(agent.getByTestId('help-panel').locator('[data-status="raised"]')).toBeVisible();
    await expect(lead.getByTestId('help-panel').locator('[data-status="raised"]')).toBeVisible({ timeout: 20_000 });
    await lead.screenshot({ path: testInfo.outputPath('escalation-help-lead.png') });
    await lead.getByTestId('help-panel').getByTestId('help-ack').click();
    await expect(agent.getByTestId('help-panel').locator('[data-status="acknowledged"]')).toBeVisible({ timeout: 20_000 });
    await agent.getByTestId('help-panel').getByTestId('help-close').click();
    await expect(agent.getByTestId('help-panel').locator('[data-status="closed"]')).toBeVisible();
    await go(lead, 'calls');

    // 1. Level by level: the agent reports a troublesome customer to their own lead.
    // The lead's bell already holds the day's reminders (report due, monthly meeting): the report adds one.
    const bellCount = async () => Number((await lead.getByTestId('notify-bell').getAttribute('aria-label'))?.match(/\d+/)?.[0] ?? 0);
    const before = await bellCount();
    await report(agent, { category: t('escalation.cat.customer-trouble'), summary: '客户反复来电辱骂，要求赔偿', proposal: '请班长接听，按流程登记', to: '郑伟' });
    await expect(agent.getByTestId('escalation-board')).toContainText(t('escalation.cat.customer-trouble'));

    // The lead's bell counts it and lists it; opening the notice opens the report.
    await expect.poll(bellCount, { timeout: 20_000 }).toBe(before + 1);
    await lead.getByTestId('notify-bell').focus();
    await lead.keyboard.press('Enter');
    const notice = lead.getByTestId('notify-list').getByRole('button', { name: /客户故意刁难|用户故意刁难/ });
    await expect(notice).toBeVisible();
    await lead.screenshot({ path: testInfo.outputPath('escalation-lead-notification.png') });
    await notice.click();
    await expect(lead.getByTestId('escalation-detail')).toBeVisible();
    await lead.getByTestId('escalation-instruction').fill('先安抚客户，登记工单，两小时内回电；不要承诺赔偿。');
    await lead.getByTestId('escalation-instruct').click();
    await expect(lead.getByTestId('escalation-timeline').locator('[data-kind="instructed"]')).toContainText('不要承诺赔偿');
    await lead.keyboard.press('Escape');
    await expect(lead.getByTestId('escalation-detail')).toBeHidden();

    // The agent sees whose turn it is now and acknowledges.
    await expect(agent.getByTestId('escalation-waiting')).toBeVisible({ timeout: 20_000 });
    await agent.getByTestId('escalation-waiting').getByTestId('escalation-open').first().click();
    await agent.getByTestId('escalation-acknowledge').click();
    await expect(agent.getByTestId('escalation-timeline').locator('[data-kind="acknowledged"]')).toBeVisible();
    await agent.keyboard.press('Escape');
    await expect(agent.getByTestId('escalation-detail')).toBeHidden();

    // 2. An emergency, straight to the department director (escalate.emergency-skip).
    await pick(agent, 'escalation-to', '马建国');
    await expect(agent.getByTestId('rule-checklist').locator('[data-rule="escalate.level-by-level"]')).toHaveAttribute('data-status', 'fail');
    await report(agent, { category: t('escalation.cat.danger'), summary: '机房空调漏水，靠近配电柜', proposal: '立即断电并疏散，请主任调度维修', to: '马建国', emergency: true });
    await agent.screenshot({ path: testInfo.outputPath('escalation-agent-board.png') });

    // The lead, skipped, has an "inform afterwards" follow-up.
    await go(lead, 'escalations');
    const followUps = lead.getByTestId('escalation-followups-list');
    await expect(followUps).toContainText(t('escalation.cat.danger'), { timeout: 20_000 });

    // The director records instructions in full.
    await go(director, 'escalations');
    await director.getByTestId('escalation-waiting').getByTestId('escalation-open').first().click();
    await director.getByTestId('escalation-instruction').fill('保持供电，先用防水布遮挡，维修十分钟内到。');
    await director.getByTestId('escalation-instruct').click();
    await expect(director.getByTestId('escalation-timeline').locator('[data-kind="instructed"]')).toContainText('维修十分钟内到');

    // The agent acknowledges, recording a disagreement; the timeline shows every step.
    await expect(agent.getByTestId('escalation-waiting')).toContainText(t('escalation.cat.danger'), { timeout: 20_000 });
    await agent.getByTestId('escalation-waiting').getByTestId('escalation-open').first().click();
    await agent.getByTestId('escalation-disagreement').fill('已执行；但我认为应先断电');
    await agent.getByTestId('escalation-acknowledge').click();
    const timeline = agent.getByTestId('escalation-timeline');
    await expect(timeline.locator('[data-kind]')).toHaveCount(3);
    await expect(timeline.locator('[data-kind="reported"]')).toContainText(t('role.department_director'));
    await expect(timeline.locator('[data-kind="acknowledged"]')).toContainText('我认为应先断电');
    await expect(agent.getByTestId('escalation-followups')).toContainText(t('escalation.followUp.open', { level: t('role.team_lead') }));
    await agent.screenshot({ path: testInfo.outputPath('escalation-timeline.png') });

    // The lead records that they were informed; the follow-up is done.
    await followUps.getByTestId('escalation-open').first().click();
    await lead.getByTestId('escalation-informed-team_lead').click();
    await expect(lead.getByTestId('escalation-timeline').locator('[data-kind="informed"]')).toBeVisible();
    await lead.screenshot({ path: testInfo.outputPath('escalation-lead-informed.png') });

    // The director's board (whose turn, time left) and the policy's targets, for the record.
    await director.keyboard.press('Escape');
    await expect(director.getByTestId('escalation-detail')).toBeHidden();
    await director.screenshot({ path: testInfo.outputPath('escalation-director-board.png'), fullPage: true });
    await go(director, 'policy');
    await expect(director.getByText(t('policy.param.escalateResponseMinutesUrgent'))).toBeVisible();
    await director.getByText(t('policy.param.escalateResponseMinutesUrgent')).scrollIntoViewIfNeeded();
    await director.screenshot({ path: testInfo.outputPath('escalation-policy.png') });
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
    await desk.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
