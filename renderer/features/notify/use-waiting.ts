import { useEffect, useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import type { Actor } from '../../../shared/auth/roles';
import { dateInZone } from '../../../shared/policy/zoned-date';
import { useClient } from '../../stores/session-store';
import { waitsFor } from '../leave/LeaveList';
import { actionFor } from '../swap/SwapList';

/** How many leave requests and swaps wait for this person to act: the menu shows them as badges. */
export function useWaiting(actor: Actor): { leave: number; swaps: number } {
  const client = useClient();
  const [counts, setCounts] = useState({ leave: 0, swaps: 0 });
  useEffect(() => {
    let alive = true;
    const today = dateInZone(Date.now(), 'Asia/Shanghai');
    // From last month on: an approval can wait across a month boundary.
    const from = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1)).toISOString().slice(0, 10);
    const load = async () => {
      const leave = mayCall(api['leave.list'].access, actor) ? (await client.call('leave.list', { from, checks: false }).catch(() => [])).filter((l) => waitsFor(l, actor)).length : 0;
      const swaps = mayCall(api['swap.list'].access, actor) ? ((await client.call('swap.list', { month: from.slice(0, 7), checks: false }).catch(() => null))?.swaps ?? []).filter((s) => actionFor(s, actor) !== null).length : 0;
      if (alive) setCounts({ leave, swaps });
    };
    void load();
    const off = client.onEvent((e) => e.type === 'changed' && (e.tables.includes('leave_requests') || e.tables.includes('swaps')) && void load());
    return () => {
      alive = false;
      off();
    };
  }, [client, actor]);
  return counts;
}
