import type { RuleId } from '../rules/registry';
import type { Notice } from './notices';

/** What the gate needs of a notice: who published it, when, and whether this reader has read it. */
export type GateNotice = Pick<Notice, 'id' | 'publishedBy' | 'publishedAt' | 'readAt'>;

/**
 * handover.read-notices: the notices a person must read before their next call, oldest first (read in the
 * order they were published, so a later notice that corrects an earlier one is read after it). Every unread
 * notice counts, including one published during the shift after the first call: the rule is "read the latest
 * notices before taking calls", not only at the start. Their own notices are not theirs to read.
 */
export function noticesToRead<N extends GateNotice>(notices: readonly N[], readerId: string): N[] {
  return notices
    .filter((n) => n.readAt === null && n.publishedBy !== readerId)
    .sort((a, b) => (a.publishedAt === b.publishedAt ? (a.id < b.id ? -1 : 1) : a.publishedAt < b.publishedAt ? -1 : 1));
}

/** How a call starts: the agent asks for one (F2, the new-call button) or the phone system pops one (ringing). */
export type CallStart = 'key' | 'ring';

/**
 * Before a call: `show` is the notice to put in front of the person (the oldest unread), `blocks` whether the
 * call log waits for it. A call the agent starts waits until every unread notice is read; a ringing call
 * never waits (the customer is on the line), the notice is shown beside its log so it is not lost.
 */
export function gateCall<N extends GateNotice>(start: CallStart, toRead: readonly N[]): { blocks: boolean; show: N | null; left: number; ruleIds: RuleId[] } {
  const show = toRead[0] ?? null;
  return { blocks: start === 'key' && show !== null, show, left: toRead.length, ruleIds: ['handover.read-notices'] };
}
