// @vitest-environment happy-dom
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../../electron/backend/desk-host';
import type { Actor } from '../../../shared/auth/roles';
import { createDeskClient } from '../../../renderer/client/desk-client';
import { NotificationCentre } from '../../../renderer/features/notify/NotificationCentre';
import { useSession } from '../../../renderer/stores/session-store';
import { translate } from '../../../renderer/i18n/catalogues';
import { EXAMPLES } from '../support/examples';
import { Fixture, FIXED_NOW } from '../support/fixture';
import { startDemoDesk } from '../support/desks';
import { tempDir } from '../support/tmp';
import { until } from '../support/until';

/**
 * The bell is built from every domain's `useNotifications` declaration, never from a list of its own: a
 * lead with a swap to approve, a leave request to decide and a report at their level sees all three, each
 * in their own domain's words, unread until opened.
 */
describe('notification centre', () => {
  const dir = tempDir();
  let host: DeskHost;
  let fx: Fixture;
  let root: Root;
  const shown: string[] = [];
  // Data arrives asynchronously from a real desk: the test waits on conditions (until), not on act().
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
    fx = new Fixture(host.dispatch);
    for (const m of ['swap.decide', 'leave.decide', 'escalation.instruct'] as const) await EXAMPLES[m].input(fx); // each leaves something waiting for lead01
    const token = await fx.token('lead01');
    const client = createDeskClient({ kind: 'http', call: (m, a, s) => host.dispatch(m as never, a, s), onEvent: (cb) => host.events.on(cb) }, () => undefined);
    client.setSession(token);
    const actor = (await client.call('session.me', {})) as Actor;
    useSession.setState({ client, actor });
    document.body.innerHTML = '<div id="root"></div>';
    root = createRoot(document.getElementById('root')!);
    root.render(createElement(AntApp, null, createElement(NotificationCentre, { actor, show: (a: string) => shown.push(a) })));
  });
  afterAll(async () => {
    root.unmount();
    await host.close();
    dir.remove();
  });

  const bell = () => document.querySelector<HTMLButtonElement>('[data-testid=notify-bell]')!;
  const bellSays = (count: number) => bell()?.getAttribute('aria-label') === translate('zh-CN', 'notify.bell', { count });
  const unread = () => document.querySelectorAll('[data-testid=notify-list] [data-unread=yes]').length;
  // Besides the three requests, the day's own reminders (report due dates, the monthly meeting) also wait for a
  // lead: the bell counts whatever the list holds, at least the three.
  let total = 0;

  it('counts what waits in every domain, and the bell is a labelled button (keyboard reachable)', async () => {
    await until(() => bell() !== null, { what: 'the bell' });
    bell().click();
    await until(() => unread() >= 3 && bellSays(unread()), { what: 'three unread notices, and the bell counting the list' });
    total = unread();
    expect(bell().tagName).toBe('BUTTON');
  });

  it('lists each domain\'s notice in its own words; opening one marks it read and goes to its area', async () => {
    await until(() => unread() === total, { what: 'the list' });
    const text = document.querySelector('[data-testid=notify-list]')!.textContent!;
    expect(text).toContain(translate('zh-CN', 'escalation.notify.turn', { who: '张敏', category: translate('zh-CN', 'escalation.cat.beyond-remit') }));
    expect(text).toMatch(/换班等你审批/);
    expect(text).toMatch(/请假.*等你审批/);
    const first = document.querySelector<HTMLButtonElement>('[data-testid=notify-list] [data-unread=yes] button')!;
    first.click();
    await until(() => shown.length === 1, { what: 'the area opened' });
    await until(() => bellSays(total - 1), { what: 'one read' });
  });

  it('toasts a notice once: signing in again toasts only what arrived since, and the bell still lists the rest', async () => {
    const toasts = () => [...document.querySelectorAll('.ant-notification-notice')].map((n) => n.textContent ?? '');
    await until(() => toasts().length > 0, { what: 'the arrival toasts of the first sign-in' });
    // The person signs out and in again (the centre mounts afresh); meanwhile one more request arrives.
    root.unmount();
    await EXAMPLES['leave.cancel'].input(fx); // agent06 asks for leave: one new notice for lead01
    root = createRoot(document.getElementById('root')!);
    root.render(createElement(AntApp, null, createElement(NotificationCentre, { actor: useSession.getState().actor!, show: (a: string) => shown.push(a) })));
    await until(() => toasts().length > 0, { what: 'the new request toasted' });
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toMatch(/请假.*等你审批/);
    await until(() => bellSays(total), { what: 'the bell counting the old unread notices and the new one' });
  });
});
