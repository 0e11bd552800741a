import { describe, expect, it } from 'vitest';
import { gateCall, noticesToRead, type CallStart, type GateNotice } from '../../shared/handover/notice-gate';

/**
 * handover.read-notices (issue #11): an agent reads new notices before taking calls. F2 and the new-call
 * button show the oldest unread notice first; a ringing call is never held, its notice is shown beside it.
 */
const n = (id: string, publishedAt: string, o: Partial<GateNotice> = {}): GateNotice => ({ id, publishedBy: 'user-lead01', publishedAt: `2026-03-17T${publishedAt}:00.000Z`, readAt: null, ...o });
const ME = 'user-agent02';

describe('handover.read-notices: which notices stand between the agent and the next call', () => {
  it.each<[string, GateNotice[], string[]]>([
    ['handover.read-notices: none published: nothing to read', [], []],
    ['handover.read-notices: one unread', [n('a', '07:50')], ['a']],
    ['handover.read-notices: oldest first, whatever order the list came in (newest first)', [n('c', '08:10'), n('a', '06:00'), n('b', '07:00')], ['a', 'b', 'c']],
    ['handover.read-notices: a notice read on any desk is not asked again', [n('a', '06:00', { readAt: '2026-03-17T07:00:00.000Z' }), n('b', '07:00')], ['b']],
    ['handover.read-notices: one published during the shift, after the first call, counts too', [n('before', '00:00', { readAt: '2026-03-17T00:10:00.000Z' }), n('during', '05:00')], ['during']],
    ['handover.read-notices: the publisher does not read their own notice', [n('mine', '06:00', { publishedBy: ME }), n('theirs', '06:30')], ['theirs']],
    ['handover.read-notices: same instant: a stable order by id', [n('y', '06:00'), n('x', '06:00')], ['x', 'y']],
  ])('%s', (_label, notices, expected) => {
    expect(noticesToRead(notices, ME).map((x) => x.id)).toEqual(expected);
  });

  it.each<[string, CallStart, GateNotice[], { blocks: boolean; show: string | null; left: number }]>([
    ['handover.read-notices: F2 with an unread notice shows it first and holds the log', 'key', [n('a', '06:00'), n('b', '07:00')], { blocks: true, show: 'a', left: 2 }],
    ['handover.read-notices: F2 with every notice read opens the log', 'key', [], { blocks: false, show: null, left: 0 }],
    ['handover.read-notices: a ringing call is never held; its unread notice is shown beside it', 'ring', [n('a', '06:00')], { blocks: false, show: 'a', left: 1 }],
    ['handover.read-notices: a ringing call with nothing unread: the log alone', 'ring', [], { blocks: false, show: null, left: 0 }],
  ])('%s', (_label, start, toRead, expected) => {
    const g = gateCall(start, toRead);
    expect({ blocks: g.blocks, show: g.show?.id ?? null, left: g.left }).toEqual(expected);
    expect(g.ruleIds).toEqual(['handover.read-notices']);
  });

  it('handover.read-notices: reading one after another ends at the call log, each notice shown once, oldest first', () => {
    let list = [n('c', '08:00'), n('a', '06:00'), n('b', '07:00')];
    const shown: string[] = [];
    for (let g = gateCall('key', noticesToRead(list, ME)); g.blocks; g = gateCall('key', noticesToRead(list, ME))) {
      shown.push(g.show!.id);
      list = list.map((x) => (x.id === g.show!.id ? { ...x, readAt: '2026-03-17T08:30:00.000Z' } : x));
    }
    expect(shown).toEqual(['a', 'b', 'c']);
  });
});
