import ICAL from 'ical.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastDay } from '../../shared/calendar/month';
import { dateInZone } from '../../shared/policy/zoned-date';
import { addDays, MONTH, TODAY, ZONE } from './support/clock';
import { go, tr } from './support/desk-ui';
import { scanScreen } from './support/scan-screen';
import { signIn } from './support/sign-in';
import { startDeskProcess } from './support/desk-process';
import { startServerProcess } from './support/server-process';
import { startCable } from './support/tcp-proxy';
import { expect, newPinnedContext, test } from './support/test';

const t = tr('zh-CN');

test('a team lead imports a roster (GBK CSV), changes a cell offline; after sync the agent sees it and downloads an ICS that parses', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'zhiban-e2e-roster-'));
  const server = await startServerProcess(join(root, 'server'));
  const cable = await startCable(new URL(server.url)); // the lead desk's network
  const leadDesk = await startDeskProcess(join(root, 'lead-desk'), cable.url);
  const agentDesk = await startDeskProcess(join(root, 'agent-desk'), server.url);
  const leadCtx = await newPinnedContext(browser);
  const agentCtx = await newPinnedContext(browser, { acceptDownloads: true });
  try {
    const lead = await leadCtx.newPage();
    const agent = await agentCtx.newPage();
    await lead.goto(leadDesk.url);
    await signIn(lead, 'lead01', { synced: true });
    await agent.goto(agentDesk.url);
    await signIn(agent, 'agent01', { synced: true });

    // The day after tomorrow on the pinned clock (support/clock.ts): in this month, inside the demo roster, and in "my shifts".
    const day = addDays(TODAY, 2);
    const month = MONTH;
    await go(lead, 'roster');
    await expect(lead.getByText(t('roster.title', { month }), { exact: true })).toBeVisible();
    // Import from a CSV as Excel on Chinese Windows saves it (GBK): first a file with mistakes, refused whole…
    const days = Number(lastDay(month).slice(8));
    const gbkLabel = Buffer.from([0xd3, 0xc3, 0xbb, 0xa7, 0xc3, 0xfb]); // 用户名
    const csv = (rows: string[]) => Buffer.concat([gbkLabel, Buffer.from(`,${Array.from({ length: days }, (_, i) => i + 1).join(',')}\r\n${rows.join('\r\n')}\r\n`)]);
    const pattern = Array.from({ length: days }, (_, i) => ['D', 'E', '', 'N'][i % 4]).join(',');
    await lead.getByTestId('roster-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: csv([`agent02,${pattern}`, `agent07,${pattern}`]) });
    // agent07 is in the other team: this lead's desk does not even know them.
    await expect(lead.getByTestId('sheet-import-issues')).toContainText('agent07');
    await expect(lead.getByTestId('sheet-import-issues')).toContainText(t('err.unknownPerson'));
    await expect(lead.getByText('GBK / GB18030')).toBeVisible();
    await expect(lead.getByTestId('sheet-import-confirm')).toBeDisabled();
    await scanScreen(lead, 'roster import refused');
    await lead.screenshot({ path: testInfo.outputPath('import-refused.png') });
    await lead.keyboard.press('Escape');
    // …then a clean one, imported in one go.
    await lead.getByTestId('roster-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: csv([`agent02,${pattern}`]) });
    await lead.getByTestId('sheet-import-confirm').click();
    await expect(lead.locator(`[data-cell="user-agent02|${month}-01"]`)).toHaveAttribute('data-code', 'D');
    await expect(lead.locator(`[data-cell="user-agent02|${month}-02"]`)).toHaveAttribute('data-code', 'E');
    await expect(lead.locator(`[data-cell="user-agent02|${month}-03"]`)).toHaveAttribute('data-code', '');
    await expect(lead.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

    const cell = lead.locator(`[data-cell="user-agent01|${day}"]`);
    await expect(cell).toBeVisible();
    const before = (await cell.getAttribute('data-code')) ?? '';
    const target = before === 'N' ? 'D' : 'N';

    await cable.cut();
    await lead.getByRole('button', { name: t('sync.now') }).click();
    await expect(lead.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
    await cell.click();
    await lead.getByRole('menuitem', { name: new RegExp(`^${target} `) }).click();
    await expect(cell).toHaveAttribute('data-code', target);
    await expect(lead.getByTestId('sync-status')).toHaveAttribute('data-pending', '1');
    await lead.screenshot({ path: testInfo.outputPath('lead-offline-edit.png') });

    await cable.restore();
    await expect(lead.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

    await go(agent, 'myShifts');
    const dayLabel = new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' }).format(new Date(`${day}T00:00:00Z`));
    const item = agent.getByTestId('my-shifts').locator('.ant-list-item', { hasText: dayLabel });
    await expect(item).toContainText(`(${target})`, { timeout: 20_000 });
    await scanScreen(agent, 'my shifts');
    await agent.screenshot({ path: testInfo.outputPath('agent-my-shifts.png') });

    const [download] = await Promise.all([agent.waitForEvent('download'), agent.getByTestId('ics-download').click()]);
    const file = testInfo.outputPath('shifts.ics');
    await download.saveAs(file);
    const comp = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(5);
    const changed = events.find((e) => dateInZone(e.startDate.toJSDate(), ZONE) === day);
    expect(changed?.summary).toContain(`(${target})`);
  } finally {
    await leadCtx.close();
    await agentCtx.close();
    await leadDesk.stop();
    await agentDesk.stop();
    await cable.close().catch(() => undefined);
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
