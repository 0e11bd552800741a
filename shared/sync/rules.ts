/**
 * Sync's own decisions carry rule IDs like every other decision. Parameters here are defaults until the
 * versioned center policy (org/policy issue) takes them over.
 */
export const SYNC_RULES = {
  /** A desk clock may run at most this far ahead of the server's. */
  clockDrift: { id: 'sync.clock-drift', maxAheadMs: 5 * 60 * 1000 },
  /** Work older than this (offline too long) is refused rather than rewriting history. */
  maxOfflineAge: { id: 'sync.max-offline-age', maxAgeMs: 14 * 24 * 60 * 60 * 1000 },
  /** The actor's role on the server now, not the role the desk remembered. */
  currentRole: { id: 'sync.current-role' },
} as const;

export type TimeVerdict = { ok: true } | { ok: false; ruleId: string; params: Record<string, number> };

/** Bounds an act time by the server's clock. */
export function checkActTime(actedWall: number, serverNow: number): TimeVerdict {
  const { clockDrift, maxOfflineAge } = SYNC_RULES;
  if (actedWall > serverNow + clockDrift.maxAheadMs)
    return { ok: false, ruleId: clockDrift.id, params: { aheadMinutes: Math.round((actedWall - serverNow) / 60_000), limitMinutes: clockDrift.maxAheadMs / 60_000 } };
  if (actedWall < serverNow - maxOfflineAge.maxAgeMs)
    return { ok: false, ruleId: maxOfflineAge.id, params: { ageDays: Math.floor((serverNow - actedWall) / 86_400_000), limitDays: maxOfflineAge.maxAgeMs / 86_400_000 } };
  return { ok: true };
}
