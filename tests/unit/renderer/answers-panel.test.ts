// @vitest-environment happy-dom
import { App as AntApp } from 'antd';
import { randomUUID } from 'node:crypto';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../../electron/backend/desk-host';
import type { Actor } from '../../../shared/auth/roles';
import { createDeskClient } from '../../../renderer/client/desk-client';
import { AnswersPanel } from '../../../renderer/features/answers/AnswersPanel';
import { useAnswersPanel } from '../../../renderer/features/answers/panel-store';
import { useCallDraft } from '../../../renderer/features/calls/call-draft-store';
import { useSession } from '../../../renderer/stores/session-store';
import { Fixture, FIXED_NOW } from '../support/fixture';
import { startDemoDesk } from '../support/desks';
import { tempDir } from '../support/tmp';
import { until } from '../support/until';

/**
 * The answers panel beside the call form (meeting.weekly): F4's request focuses the search box, every
 * keystroke searches the desk's own copy (Chinese substrings), answers for the call's category come first,
 * ↑↓ pick, Enter opens, Esc puts the cursor back in the call form where it was, the draft untouched.
 */
describe('unified answers panel on the call screen', () => {
  const dir = tempDir();
  let host: DeskHost;
  let root: Root;
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  const base = { question: '客户来电询问', keywords: [] as string[], meetingDate: '2026-03-09' };

  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
    const fx = new Fixture(host.dispatch);
    await fx.call('lead01', 'answer.publish', { id: randomUUID(), ...base, title: '话费查询', answer: '先核实机主身份，再查询话费余额。', categories: ['query'] });
    await fx.call('lead01', 'answer.publish', { id: randomUUID(), ...base, title: '话费争议处理', answer: '话费有异议先调详单，三个工作日内回复。', keywords: ['投诉'], categories: ['complaint'] });
    await fx.call('lead01', 'answer.publish', { id: randomUUID(), ...base, title: '宽带报修时限', answer: '报修后 48 小时内上门。', categories: ['complaint'] });
    const client = createDeskClient({ kind: 'http', call: (m, a, s) => host.dispatch(m as never, a, s), onEvent: (cb) => host.events.on(cb) }, () => undefined);
    client.setSession(await fx.token('agent01'));
    const actor = (await client.call('session.me', {})) as Actor;
    useSession.setState({ client, actor });
    useCallDraft.getState().set({ id: 'draft-1', ownerId: actor.userId, startedAt: FIXED_NOW.toISOString(), customerPhone: '139 0000 1234', customerName: '', category: 'complaint', summary: '', outcome: '', followUp: false });
    document.body.innerHTML = '<div id="root"></div>';
    root = createRoot(document.getElementById('root')!);
    // A stand-in for the call form: the panel goes back to the field the cursor came from.
    const form = createElement('div', { 'data-testid': 'call-form' }, createElement('input', { 'data-testid': 'call-summary', defaultValue: '' }));
    root.render(createElement(AntApp, null, form, createElement(AnswersPanel)));
  });
  afterAll(async () => {
    root.unmount();
    await host.close();
    dir.remove();
  });

  const search = () => document.querySelector<HTMLInputElement>('[data-testid=answers-search]')!;
  const titles = () => [...document.querySelectorAll('[data-testid=answers-result]')].map((r) => r.querySelector('.ant-typography')!.textContent);
  const selected = () => document.querySelector('[data-testid=answers-result][aria-selected=true] .ant-typography')?.textContent;
  const key = (k: string) => search().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  function type(text: string) {
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    set.call(search(), text);
    search().dispatchEvent(new Event('input', { bubbles: true }));
  }

  it('opens on request with the cursor in the search box, coming from the call form', async () => {
    await until(() => document.querySelector('[data-testid=answers-open]') !== null, { what: 'the closed panel button' });
    document.querySelector<HTMLInputElement>('[data-testid=call-summary]')!.focus();
    useAnswersPanel.getState().show();
    await until(() => search() !== null && document.activeElement === search(), { what: 'search focused' });
    await until(() => titles().length === 3, { what: 'every answer listed' });
  });

  it("searches as you type, Chinese substrings, the call's category (complaint) first", async () => {
    type('话费');
    await until(() => titles().length === 2, { what: 'two matches for 话费' });
    expect(titles()).toEqual(['话费争议处理', '话费查询']);
    type('详单');
    await until(() => titles().length === 1, { what: 'one match in the answer text' });
    expect(titles()).toEqual(['话费争议处理']);
    type('话费');
    await until(() => titles().length === 2, { what: 'back to two' });
  });

  it('arrow keys move the pick, Enter opens the picked answer, Esc goes back to the call form', async () => {
    expect(selected()).toBe('话费争议处理');
    key('ArrowDown');
    await until(() => selected() === '话费查询', { what: 'second picked' });
    key('ArrowDown');
    await until(() => selected() === '话费争议处理', { what: 'wraps to the first' });
    key('ArrowUp');
    await until(() => selected() === '话费查询', { what: 'up wraps to the last' });
    key('Enter');
    await until(() => document.querySelector('[data-testid=answer-text]')?.textContent === '先核实机主身份，再查询话费余额。', { what: 'the answer opened' });
    key('Escape');
    await until(() => document.activeElement === document.querySelector('[data-testid=call-summary]'), { what: 'focus back in the call form' });
    expect(useCallDraft.getState().draft).toMatchObject({ id: 'draft-1', customerPhone: '139 0000 1234', category: 'complaint' });
  });
});
