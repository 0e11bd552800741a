// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/handover/notices';
import { useIntent } from '../../../renderer/app/shortcuts';
import { useCallDraft } from '../../../renderer/features/calls/call-draft-store';
import { askForCall } from '../../../renderer/features/calls/start-call';
import { useNoticeGate } from '../../../renderer/features/handover/notice-gate-store';

/** F2 and the new-call button go through handover.read-notices: an unread notice holds the call log. */
const notice = (id: string): Notice => ({ id, kind: 'business', title: '套餐调整', body: '自 3 月 18 日起……', publishedBy: 'user-lead01', publishedByName: '郑伟', publishedAt: '2026-03-17T07:00:00.000Z', readAt: null, unread: [] });

describe('askForCall (handover.read-notices)', () => {
  let shown: string[];
  const show = (a: string) => shown.push(a);
  beforeEach(() => {
    shown = [];
    useCallDraft.getState().clear();
    useNoticeGate.setState({ toRead: [], holding: false });
    useIntent.setState({ pending: null, seq: 0 });
  });

  it('handover.read-notices: with an unread notice, F2 opens the call screen holding the log: no draft, no timer', () => {
    useNoticeGate.getState().setToRead([notice('n1')]);
    askForCall('u1', show);
    expect(shown).toEqual(['calls']);
    expect(useNoticeGate.getState().holding).toBe(true);
    expect(useCallDraft.getState().draft).toBeNull();
    expect(useIntent.getState().pending).toBeNull();
  });

  it('handover.read-notices: with every notice read, F2 opens the log with its timer running', () => {
    askForCall('u1', show);
    expect(useNoticeGate.getState().holding).toBe(false);
    expect(useCallDraft.getState().draft?.ownerId).toBe('u1');
    expect(useIntent.getState().pending).toBe('startCall');
  });

  it('handover.read-notices: a call already being logged is never held (F2 mid-call goes back to it)', () => {
    useCallDraft.getState().start('u1');
    const id = useCallDraft.getState().draft!.id;
    useNoticeGate.getState().setToRead([notice('n1')]);
    askForCall('u1', show);
    expect(useNoticeGate.getState().holding).toBe(false);
    expect(useCallDraft.getState().draft?.id).toBe(id);
  });
});
