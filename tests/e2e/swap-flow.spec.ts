import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translate } from '../../renderer/i18n/catalogues';
import { describeRule } from '../../shared/rules/describe';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';
import { signIn } from './support/sign-in';

/** A rule's line as the zh-CN desk shows it. */
const ruleText = (ruleId: string, status: 'pass' | 'fail' | 'unknown', params: Record<string, string | number>) => describeRule({ locale: 'zh-CN', policy: { ...POLICY_DEFAULTS, maxSwapsPerMonth: 1 } }, { ruleId, status, params }).text;
import { startDeskProcess } from './support/desk-process';
import { startServerProcess } from './support/server-process';
import { NEXT_MONTH, TODAY } from './support/clock';
import { calendarDay, calendarMonth } from '../../shared/rules/units';
import { go } from './support/desk-ui';
import { expect, newPinnedContext, test } from './support/test';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);

test('a cross-team swap: request, colleague accepts, lead A and lead B approve, both rosters move, the pay-back shows; a request over the monthly limit is refused with its citation', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const root = mkdtempSync(join(tmpdir(), 'zhiban-e2e-swap-'));
  const server = await startServerProcess(join(root, 'server'));
  const today = TODAY;
  const month = NEXT_MONTH; // every shift is ahead (support/clock.ts: April's holidays are the 4th–6th, before these days)
  const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;

  // The center director sets the stage through the integrator API: one swap a month, no coverage minimums, a known roster.
  const api = async (token: string | null, method: string, input: unknown) => {
    const res = await fetch(`${server.url}/api/v1/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(input) });
    const body = (await res.json()) as { value?: { token?: string }; error?: unknown };
    if (!res.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
    return body.value;
  };
  const director = (await api(null, 'session.login', { username: 'center01', password: 'zhiban123' }))!.token!;
  await api(director, 'policy.update', { id: randomUUID(), effectiveFrom: today, values: { ...POLICY_DEFAULTS, maxSwapsPerMonth: 1 }, note: 'e2e' });
  for (const s of DEFAULT_SHIFT_TYPES) await api(director, 'roster.saveShiftType', { ...s, minCoverage: {} });
  const assign = (user: string, d: number, code: string | null) => api(director, 'roster.assign', { id: randomUUID(), userId: `user-${user}`, date: day(d), shiftCode: code });
  for (const user of ['agent01', 'agent02', 'agent07']) for (let d = 8; d <= 26; d++) await assign(user, d, null);
  await assign('agent01', 10, 'D');
  await assign('agent07', 14, 'E');
  await assign('agent01', 20, 'D');
  await assign('agent02', 24, 'E');

  const desks = await Promise.all(['agent01', 'agent07', 'lead01', 'lead02'].map((u) => startDeskProcess(join(root, u), server.url)));
  const contexts = await Promise.all(desks.map(() => newPinnedContext(browser)));
  const open = async (i: number, user: string): Promise<Page> => {
    const page = await contexts[i]!.newPage();
    await page.goto(desks[i]!.url);
    await signIn(page, user, { synced: true });
    await go(page, 'swaps');
    return page;
  };
  try {
    const [a01, a07, lead1, lead2] = [await open(0, 'agent01'), await open(1, 'agent07'), await open(2, 'lead01'), await open(3, 'lead02')];

    // The agent fills in the form; every rule is listed before sending.
    await a01.getByTestId('swap-give').click();
    await a01.keyboard.type(day(10));
    await a01.keyboard.press('Enter');
    await a01.getByTestId('swap-partner').click();
    await a01.keyboard.type('agent07');
    await a01.keyboard.press('Enter');
    await a01.getByTestId('swap-take').fill(day(14));
    await a01.getByTestId('swap-reason').fill('孩子家长会');
    const checklist = a01.getByTestId('rule-checklist');
    // agent07's other swaps live with team B; the desk is online, so the check is the server's (swap.check is serverFirst), which sees them.
    await expect(checklist.locator('[data-rule="swap.monthly-limit"]')).toHaveAttribute('data-status', 'pass');
    await expect(checklist.locator('[data-citation="swap.monthly-limit"]')).toContainText('换班制度 三');
    await expect(checklist).toContainText(ruleText('swap.monthly-limit', 'pass', { name: '王芳', month, used: 0, max: 1 }));
    await a01.screenshot({ path: testInfo.outputPath('swap-request-checks.png') });
    await a01.getByTestId('swap-submit').click();
    await expect(a01.getByTestId('swap-list').locator('[data-status="requested"]')).toBeVisible();

    // The colleague (another team) accepts; both leads approve, B first.
    await expect(a07.getByTestId('swap-waiting')).toContainText('王芳', { timeout: 30_000 });
    await a07.getByTestId('swap-waiting').getByRole('button', { name: /同\s*意/ }).click();
    await expect(lead2.getByTestId('swap-waiting')).toBeVisible({ timeout: 30_000 });
    await lead2.screenshot({ path: testInfo.outputPath('swap-lead-queue.png') });
    await lead2.getByTestId('swap-approve').click();
    await expect(lead1.getByTestId('swap-waiting')).toBeVisible({ timeout: 30_000 });
    await lead1.getByTestId('swap-approve').click();
    // Decided swaps are listed in their own month (open ones in every month): the swap is next month's.
    await lead1.getByRole('button', { name: t('roster.next') }).click();
    await expect(lead1.getByTestId('swap-list').locator('[data-status="approved"]')).toBeVisible({ timeout: 30_000 });

    // Both rosters show it.
    // Cells read the shift's short name (中, 白); the code is the cell's data, '' a rest day.
    const grid = async (page: Page, cell: string, code: string, text: string) => {
      await go(page, 'roster');
      await page.getByRole('button', { name: t('roster.next') }).click();
      await expect(page.locator(`[data-cell="${cell}"]`)).toHaveAttribute('data-code', code, { timeout: 30_000 });
      await expect(page.locator(`[data-cell="${cell}"]`)).toHaveText(text);
    };
    await grid(lead1, `user-agent01|${day(14)}`, 'E', '中');
    await expect(lead1.locator(`[data-cell="user-agent01|${day(10)}"]`)).toHaveAttribute('data-code', '');
    await grid(lead2, `user-agent07|${day(10)}`, 'D', '白');
    await expect(lead2.locator(`[data-cell="user-agent07|${day(14)}"]`)).toHaveAttribute('data-code', '');

    // The pay-back is shown to both people, each from their own side, in the swap's month.
    const payBack = { date: calendarDay('zh-CN', day(14)), shift: '中班' };
    await a01.getByRole('button', { name: t('roster.next') }).click();
    await a07.getByRole('button', { name: t('roster.next') }).click();
    await expect(a01.getByText(t('swap.iOweLine', { to: '赵磊', ...payBack }))).toBeVisible({ timeout: 30_000 });
    await expect(a07.getByText(t('swap.owedMeLine', { who: '王芳', ...payBack }))).toBeVisible({ timeout: 30_000 });
    await expect(a01.getByTestId('swap-balance')).toContainText(`${t('swap.used', { month: calendarMonth('zh-CN', month) })}1/ 1`);

    // A second swap this month breaks swap.monthly-limit: refused before sending, with the citation.
    await a01.getByTestId('swap-give').click();
    await a01.keyboard.type(day(20));
    await a01.keyboard.press('Enter');
    await a01.getByTestId('swap-partner').click();
    await a01.keyboard.type('agent02');
    await a01.keyboard.press('Enter');
    await a01.getByTestId('swap-take').fill(day(24));
    await a01.getByTestId('swap-reason').fill('体检');
    const limit = a01.getByTestId('rule-checklist').locator('[data-rule="swap.monthly-limit"]');
    await expect(limit).toHaveAttribute('data-status', 'fail');
    await expect(limit.locator('[data-citation="swap.monthly-limit"]')).toContainText('换班制度 三');
    await expect(limit).toContainText(ruleText('swap.monthly-limit', 'fail', { name: '王芳', month, used: 1, max: 1 }));
    await expect(a01.getByTestId('swap-submit')).toBeDisabled();
    await a01.screenshot({ path: testInfo.outputPath('swap-limit-refused.png') });
  } finally {
    for (const c of contexts) await c.close();
    for (const d of desks) await d.stop();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
