import { useEffect, useMemo } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import type { Actor } from '../../../shared/auth/roles';
import { addDays } from '../../../shared/calendar/day-kind';
import { noticesToRead } from '../../../shared/handover/notice-gate';
import type { Notice } from '../../../shared/handover/notices';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useNoticeGate } from './notice-gate-store';

/** How far back a notice still counts as "latest": the notices panel shows the same two weeks. */
export const NOTICE_DAYS = 14;

/**
 * The signed-in person's unread notices (handover.read-notices), from the desk's own replica (so it works
 * offline), reloaded when a notice or a receipt reaches the desk (its own, or synced: a poke). Kept in the
 * gate's store for the call log's keys and screen pop; returned for the menu badge and the bell.
 */
export function useNoticeFeed(actor: Actor): Notice[] {
  const { today } = useCenterToday();
  const may = mayCall(api['notice.list'].access, actor);
  const q = useQuery('notice.list', may ? { from: addDays(today, -NOTICE_DAYS) } : null, { tables: ['notices', 'notice_reads'] });
  const toRead = useMemo(() => noticesToRead(q.data?.notices ?? [], actor.userId), [q.data, actor.userId]);
  useEffect(() => useNoticeGate.getState().setToRead(toRead), [toRead]);
  // A new sign-in starts with no call held for notices.
  useEffect(() => () => useNoticeGate.setState({ toRead: [], holding: false }), [actor.userId]);
  return toRead;
}
