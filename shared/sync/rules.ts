/** Sync's own decisions carry rule IDs like every other decision; their limits come from the policy. */
export const SYNC_RULES = {
  /** A desk clock may run at most policy.clockDriftMinutes ahead of the server's. */
  clockDrift: { id: 'sync.clock-drift' },
  /** Work older than policy.maxOfflineDays (offline too long) is refused rather than rewriting history. */
  maxOfflineAge: { id: 'sync.max-offline-age' },
  /** The actor's role on the server now, not the role the desk remembered. */
  currentRole: { id: 'sync.current-role' },
} as const;

export interface ActTimeLimits {
  clockDriftMinutes: number;
  maxOfflineDays: number;
}

export type TimeVerdict = { ok: true } | { ok: false; ruleId: string; params: Record<string, number> };

/** Bounds an act time by the server's clock. */
export function checkActTime(actedWall: number, serverNow: number, limits: ActTimeLimits): TimeVerdict {
  const { clockDrift, maxOfflineAge } = SYNC_RULES;
  if (actedWall > serverNow + limits.clockDriftMinutes * 60_000)
    return { ok: false, ruleId: clockDrift.id, params: { aheadMinutes: Math.round((actedWall - serverNow) / 60_000), limitMinutes: limits.clockDriftMinutes } };
  if (actedWall < serverNow - limits.maxOfflineDays * 86_400_000)
    return { ok: false, ruleId: maxOfflineAge.id, params: { ageDays: Math.floor((serverNow - actedWall) / 86_400_000), limitDays: limits.maxOfflineDays } };
  return { ok: true };
}

/** An act that reached the server this long after it was done is shown to approvers as "done offline at …". */
export const OFFLINE_FLAG_MINUTES = 15;

/**
 * The time the server judges an act by (notice periods, effective dates, "the shift has not started"): the
 * desk's act time, but never earlier than that desk's last successful pull — its clock was set to the
 * server's then and it knew everything up to then, so a push cannot be backdated past it. `offlineAt` is set
 * when the act came in long after it was done.
 */
export function judgedActTime(actedWall: number, lastPullWall: number | null, receivedWall: number): { at: number; offlineAt: number | null } {
  const at = lastPullWall !== null ? Math.max(actedWall, lastPullWall) : actedWall;
  return { at, offlineAt: receivedWall - at > OFFLINE_FLAG_MINUTES * 60_000 ? at : null };
}
