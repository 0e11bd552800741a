// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CallDraft } from '../../../renderer/features/calls/call-draft-store';
import { applyTelephony } from '../../../renderer/features/calls/telephony-draft';

/** The screen pop's effect on the call log (#13 item 3): prefilled on ringing, timer from the answer, stopped at the end. */
const ev = (event: 'ringing' | 'answered' | 'ended', callId: string, at: string, phone = '') => ({ type: 'telephony' as const, event, callId, phone, at });
const T0 = '2026-03-17T02:30:00.000Z';
const T1 = '2026-03-17T02:30:20.000Z';
const T2 = '2026-03-17T02:34:20.000Z';

describe('applyTelephony', () => {
  it('ringing pops a log with the number; answered restarts its timer; ended stops it', () => {
    const a = applyTelephony(null, ev('ringing', 'pbx-1', T0, '138 0013 8000'), 'u1', 'd1');
    expect(a.pop).toBe(true);
    expect(a.draft).toMatchObject({ id: 'd1', ownerId: 'u1', customerPhone: '138 0013 8000', startedAt: T0, telephonyId: 'pbx-1' });
    const b = applyTelephony(a.draft, ev('answered', 'pbx-1', T1), 'u1', 'x');
    expect(b.draft).toMatchObject({ id: 'd1', startedAt: T1 });
    const c = applyTelephony(b.draft, ev('ended', 'pbx-1', T2), 'u1', 'x');
    expect(c.draft).toMatchObject({ id: 'd1', startedAt: T1, endedAt: T2 });
  });

  it('never throws away a log being typed: a second call ringing leaves it; another call\'s end changes nothing', () => {
    const typing: CallDraft = { id: 'd1', ownerId: 'u1', startedAt: T0, customerPhone: '139', customerName: '', category: null, summary: '半句话', outcome: '', followUp: false };
    expect(applyTelephony(typing, ev('ringing', 'pbx-2', T1, '95588'), 'u1', 'd2')).toEqual({ draft: typing, pop: false });
    expect(applyTelephony(typing, ev('ended', 'pbx-2', T2), 'u1', 'x')).toEqual({ draft: typing, pop: false });
  });

  it('an empty log, or another person\'s left on a shared desk, is replaced by the ringing call', () => {
    const empty: CallDraft = { id: 'd1', ownerId: 'u1', startedAt: T0, customerPhone: '', customerName: '', category: null, summary: '', outcome: '', followUp: false };
    expect(applyTelephony(empty, ev('ringing', 'pbx-3', T1, '95588'), 'u1', 'd3').draft).toMatchObject({ id: 'd3', customerPhone: '95588' });
    const theirs = { ...empty, ownerId: 'u2', summary: '别人的' };
    expect(applyTelephony(theirs, ev('ringing', 'pbx-3', T1, '95588'), 'u1', 'd3').draft).toMatchObject({ id: 'd3', ownerId: 'u1' });
  });
});
