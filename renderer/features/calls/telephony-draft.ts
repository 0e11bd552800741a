import type { DeskEvent } from '../../../shared/api/events';
import type { CallDraft } from './call-draft-store';
import { isDraftEmpty } from './call-draft-store';

type TelephonyEvent = Extract<DeskEvent, { type: 'telephony' }>;

/**
 * The call log after a phone-system event. Ringing pops a new log with the caller's number, unless the
 * agent is in the middle of another one (their typing is never thrown away); answered restarts its timer at
 * the answer; ended stops it. Events of another call than the open log's change nothing.
 * `pop`: the screen should open the call log.
 */
export function applyTelephony(draft: CallDraft | null, e: TelephonyEvent, ownerId: string, newId: string): { draft: CallDraft | null; pop: boolean } {
  const mine = draft?.ownerId === ownerId ? draft : null;
  if (e.event === 'ringing') {
    if (mine && !isDraftEmpty(mine) && mine.telephonyId !== e.callId) return { draft, pop: false };
    if (mine?.telephonyId === e.callId) return { draft, pop: true };
    return {
      draft: { id: newId, ownerId, startedAt: e.at, customerPhone: e.phone, customerName: '', category: null, summary: '', outcome: '', followUp: false, telephonyId: e.callId },
      pop: true,
    };
  }
  if (!mine || mine.telephonyId !== e.callId) return { draft, pop: false };
  return e.event === 'answered' ? { draft: { ...mine, startedAt: e.at, endedAt: undefined }, pop: false } : { draft: { ...mine, endedAt: e.at }, pop: false };
}
