import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { atShanghai } from './support/clock';
import { go, openDesk, tr } from './support/desk-ui';
import { signIn } from './support/sign-in';
import { startDeskProcess, type DeskProcess } from './support/desk-process';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { expect as baseExpect, newPinnedContext, test } from './support/test';

/**
 * Issue #11's shift change, on three desks synced through one central server (zh-CN). The demo roster of the
 * pinned day puts 刘洋 (agent04) alone on team 1's day shift (08:00–16:00) and 李娜 (agent02), 陈静 and the lead
 * 郑伟 on its evening shift (16:00–00:00). The day runs twice: at 07:50 刘洋 checks in for the day shift (10
 * minutes early, in time for the roll call); then every process starts again on the same data at 15:50, ten
 * minutes before the change: the lead publishes a notice; 刘洋 writes the handover log with an open difficult
 * issue and tries to check out, but is stopped (handover.outgoing-waits); 李娜 checks in, presses F2 and is
 * shown the unread notice before the call log (handover.read-notices), reads it with Enter, acknowledges the
 * log; 刘洋 checks out. The lead's floor, open on the third desk and never reloaded, shows each change as the
 * server's poke brings it.
 */
const t = tr('zh-CN');
// A server, three desks and four browser pages on a two-core machine: a step may take longer than the usual 10 s.
const expect = baseExpect.configure({ timeout: 30_000 });
const MORNING = atShanghai('07:50');
const CHANGE = atShanghai('15:50');
const NOTICE = { title: '国际漫游套餐调整', body: '自3月18日起，国际漫游日包资费下调，来电咨询按新资费解答。' };
const ISSUE = '客户138 0013 8000投诉宽带断线，已报修未回访，请接班跟进';

const row = (page: Page, shift: 'D' | 'E', name: string) => page.locator(`[data-shift="team-a-${shift}"] [data-person="${name}"]`);

test('shift change: notice first, the outgoing agent waits for the incoming one, the log is acknowledged, the floor shows it live (zh-CN)', async ({ browser }) => {
  test.setTimeout(240_000);
  const root = mkdtempSync(join(tmpdir(), 'zhiban-e2e-shift-change-'));
  const dir = (name: string) => join(root, name);
  const servers: ServerProcess[] = [];
  const desks: DeskProcess[] = [];
  const contexts: BrowserContext[] = [];
  const open = async (desk: DeskProcess, user: string, at: string): Promise<Page> => {
    const context = await newPinnedContext(browser, {}, at);
    contexts.push(context);
    const page = await context.newPage();
    await openDesk(page, desk.url);
    await signIn(page, user, { synced: true });
    return page;
  };
  try {
    // 07:50: 刘洋 checks in for the day shift on her desk, which sends it to the server.
    const morning = await startServerProcess(dir('server'), { clock: MORNING });
    servers.push(morning);
    const early = await startDeskProcess(dir('agent04-desk'), morning.url, { clock: MORNING });
    desks.push(early);
    const dawn = await open(early, 'agent04', MORNING);
    await go(dawn, 'shift');
    await dawn.getByTestId('duty-key').click();
    await expect(dawn.getByTestId('my-shift')).toContainText(t('duty.checkedIn', { time: '07:50' }));
    await expect(dawn.getByTestId('rule-checklist').locator('[data-rule="handover.early-arrival"]')).toHaveAttribute('data-status', 'pass');
    await expect(dawn.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
    await contexts.pop()!.close();
    await desks.pop()!.stop();
    await servers.pop()!.stop();

    // 15:50: the same server and 刘洋's desk again, and two more desks.
    const server = await startServerProcess(dir('server'), { clock: CHANGE });
    servers.push(server);
    const [outDesk, inDesk, leadDesk] = await Promise.all(['agent04-desk', 'agent02-desk', 'lead-desk'].map((d) => startDeskProcess(dir(d), server.url, { clock: CHANGE })));
    desks.push(outDesk!, inDesk!, leadDesk!);

    // The lead watches the floor: 刘洋 in since 07:50, 李娜 due at 16:00.
    const lead = await open(leadDesk!, 'lead01', CHANGE);
    await go(lead, 'floor');
    await expect(row(lead, 'D', '刘洋')).toHaveAttribute('data-state', 'checkedIn');
    await expect(row(lead, 'D', '刘洋')).toContainText('07:50');
    await expect(row(lead, 'E', '李娜')).toHaveAttribute('data-state', 'due');

    // 1. The lead publishes a notice (a business change) from the floor screen.
    const notices = lead.getByTestId('notices');
    await notices.getByPlaceholder(t('notice.titleField')).fill(NOTICE.title);
    await notices.getByPlaceholder(t('notice.bodyField')).fill(NOTICE.body);
    await notices.getByRole('button', { name: t('notice.publish') }).click();
    const published = notices.getByTestId('notice').filter({ hasText: NOTICE.title });
    await expect(published).toContainText('李娜');

    // 2. 刘洋 writes the handover log: an open difficult issue, nothing else to report.
    const outgoing = await open(outDesk!, 'agent04', CHANGE);
    await go(outgoing, 'shift');
    await expect(outgoing.getByTestId('duty-key')).toHaveText(t('duty.checkOut').replace(/\s/g, ''));
    const log = outgoing.getByTestId('handover-logs');
    for (const k of ['equipment', 'staff', 'instructions', 'complaints', 'carryOver']) await log.getByTestId(`nothing-${k}`).check();
    await log.getByTestId('section-issues').fill(ISSUE);
    await log.getByTestId('handover-send').click();
    await expect(log.getByTestId('handover-log')).toContainText(ISSUE);
    await expect(log.getByTestId('handover-log')).toContainText(t('handover.waiting'));

    // 3. She tries to check out: stopped, because nobody of the evening shift is in yet; the screen says why.
    await outgoing.getByTestId('duty-key').click();
    const refused = outgoing.getByTestId('duty-refused');
    await expect(refused.locator('[data-rule="handover.outgoing-waits"][data-status=fail]')).toContainText('李娜');
    await expect(refused.locator('[data-rule="handover.outgoing-waits"] [data-citation]')).toContainText('handover.outgoing-waits');
    await expect(refused.locator('[data-rule="duty.on-time"]')).toHaveCount(0); // 15:50 is not leaving early
    await outgoing.screenshot({ path: '/tmp/e2e11-refused-zh-CN.png', fullPage: true });
    await expect(row(lead, 'D', '刘洋')).toHaveAttribute('data-state', 'checkedIn');

    // 4. 李娜 arrives ten minutes early and checks in; the floor shows her in.
    const incoming = await open(inDesk!, 'agent02', CHANGE);
    await go(incoming, 'shift');
    await incoming.getByTestId('duty-key').click();
    await expect(incoming.getByTestId('my-shift')).toContainText(t('duty.checkedIn', { time: '15:50' }));
    await expect(row(lead, 'E', '李娜')).toHaveAttribute('data-state', 'checkedIn');

    // 5. F2 before her first call: the unread notice comes first, not the call log.
    await expect(incoming.getByTestId('shift-count')).toContainText('1');
    await incoming.keyboard.press('F2');
    const gate = incoming.getByTestId('notice-gate');
    await expect(gate).toHaveAttribute('data-blocking', 'yes');
    await expect(gate).toContainText(NOTICE.title);
    await expect(gate).toContainText(NOTICE.body);
    await expect(gate.locator('[data-citation]')).toContainText('handover.read-notices');
    await expect(incoming.getByTestId('call-form')).toHaveCount(0);
    await incoming.screenshot({ path: '/tmp/e2e11-notice-gate-zh-CN.png' });
    // Enter reads it (the receipt the publisher sees) and goes on to the call log, timer running.
    await incoming.keyboard.press('Enter');
    await expect(incoming.getByTestId('call-phone')).toBeFocused();
    await expect(gate).toHaveCount(0);
    await expect(published).not.toContainText('李娜');
    // No call yet: Esc closes the empty log.
    await incoming.keyboard.press('Escape');
    await expect(incoming.getByTestId('call-form')).toHaveCount(0);

    // 6. She acknowledges the handover log.
    await go(incoming, 'shift');
    const theirLog = incoming.getByTestId('handover-logs').getByTestId('handover-log').filter({ hasText: ISSUE });
    await theirLog.getByTestId('handover-ack').click();
    await expect(theirLog).toContainText(t('handover.acked', { name: '李娜', time: '15:50' }));
    await incoming.getByTestId('handover-logs').scrollIntoViewIfNeeded();
    await incoming.screenshot({ path: '/tmp/e2e11-handover-log-zh-CN.png', fullPage: true });
    await expect(log.getByTestId('handover-log')).toContainText(t('handover.acked', { name: '李娜', time: '15:50' }));

    // 7. 刘洋's desk sees 李娜 in; now she checks out, and the floor shows her gone.
    await expect(outgoing.getByTestId('my-shift')).toContainText(t('duty.incomingIn', { names: '李娜' }));
    await outgoing.getByTestId('duty-key').click();
    await expect(outgoing.getByTestId('my-shift')).toContainText(t('duty.checkedOut', { time: '15:50' }));
    await expect(outgoing.getByTestId('rule-checklist').locator('[data-rule="handover.outgoing-waits"]')).toHaveAttribute('data-status', 'pass');
    await expect(row(lead, 'D', '刘洋')).toHaveAttribute('data-state', 'checkedOut');
    await expect(row(lead, 'D', '刘洋').getByTestId('floor-times')).toHaveText('07:50–15:50');
    // Who has still to read it: the rest of the team, not 李娜 (read) nor 郑伟 (who published it).
    await expect(published).toContainText(t('notice.unread', { count: 5, names: '王芳、张敏、刘洋、陈静、杨帆' }));
    await expect(lead.locator('[data-shift="team-a-E"] [data-testid=coverage]')).toHaveText(t('floor.coverage', { present: 1, min: 1 }));
    await lead.screenshot({ path: '/tmp/e2e11-floor-zh-CN.png', fullPage: true });

    // The same screens in English, for the record.
    await lead.goto(`${new URL(leadDesk!.url).origin}/?lang=en`);
    await go(lead, 'floor');
    await expect(row(lead, 'D', '刘洋')).toContainText(tr('en')('floor.state.checkedOut'));
    await lead.screenshot({ path: '/tmp/e2e11-floor-en.png', fullPage: true });
    await incoming.goto(`${new URL(inDesk!.url).origin}/?lang=en`);
    await go(incoming, 'shift');
    await expect(incoming.getByTestId('handover-logs').getByTestId('handover-log').filter({ hasText: ISSUE })).toContainText(tr('en')('handover.acked', { name: '李娜', time: '15:50' }));
    await incoming.screenshot({ path: '/tmp/e2e11-handover-log-en.png', fullPage: true });
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
    await Promise.all(desks.map((d) => d.stop()));
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(root, { recursive: true, force: true });
  }
});
