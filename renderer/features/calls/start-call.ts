import { gateCall } from '../../../shared/handover/notice-gate';
import { useIntent } from '../../app/shortcuts';
import { useNoticeGate } from '../handover/notice-gate-store';
import { useCallDraft } from './call-draft-store';

/** Opens the call log with a running timer (the draft of this person, kept if one is open already). */
export function openCallLog(userId: string): void {
  const { draft, start } = useCallDraft.getState();
  if (draft?.ownerId !== userId) start(userId);
  useIntent.getState().request('startCall');
}

/**
 * The agent asks for a call (F2 on any screen, the new-call button): handover.read-notices first. With an
 * unread notice the call screen shows it and the log waits; reading the last one opens the log. A call
 * already open is never held.
 */
export function askForCall(userId: string, show: (area: string) => void): void {
  show('calls');
  // A call already being logged goes on: F2 mid-call only puts the cursor back in its log.
  const mid = useCallDraft.getState().draft?.ownerId === userId;
  if (!mid && gateCall('key', useNoticeGate.getState().toRead).blocks) useNoticeGate.getState().hold();
  else openCallLog(userId);
}
