import type { Actor } from '../../../shared/auth/roles';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { actionFor } from '../swap/SwapList';
import { waitsFor } from '../leave/LeaveList';

/**
 * How many leave requests and swaps wait for this person to act: the menu shows them as badges. Lists carry
 * every open request whatever its month, so asking for this month is enough.
 */
export function useWaiting(actor: Actor): { leave: number; swaps: number } {
  const month = useCenterToday().today.slice(0, 7);
  const leave = useQuery('leave.list', mayCall(api['leave.list'].access, actor) ? { month, checks: false } : null, { tables: ['leave_requests'] });
  const swaps = useQuery('swap.list', mayCall(api['swap.list'].access, actor) ? { month, checks: false } : null, { tables: ['swaps'] });
  return {
    leave: (leave.data ?? []).filter((l) => waitsFor(l, actor)).length,
    swaps: (swaps.data?.swaps ?? []).filter((s) => actionFor(s, actor) !== null).length,
  };
}
