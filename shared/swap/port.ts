import type { RowScope } from '../sync/scope-rules';
import type { OtherSwap } from './rules';
import type { Swap, SwapStatus } from './schemas';

export interface SwapRow {
  id: string;
  requesterId: string;
  requesterTeam: string | null;
  partnerId: string;
  partnerTeam: string | null;
  giveDate: string;
  giveShift: string | null;
  takeDate: string;
  takeShift: string | null;
  reason: string;
  status: SwapStatus;
  leadA: { by: string; at: string } | null;
  leadB: { by: string; at: string } | null;
  decisionRules: string[];
  note: string;
  createdAt: string;
  updatedAt: string;
  /** Acted on a desk long offline: when (approvers see "done offline at …"). */
  actedOfflineAt: string | null;
}

export interface SwapPort {
  get(id: string): Promise<Swap | null>;
  put(row: SwapRow): Promise<void>;
  /** Every swap either person is in, whatever its status, with a day in [from, to]. */
  involving(userIds: readonly string[], from: string, to: string): Promise<OtherSwap[]>;
  /**
   * Swaps in the reader's scope (the rows their pull holds): every open one, whatever month it falls in,
   * then those with a day in [from, to]; newest first.
   */
  /**
   * Swaps in the reader's scope: every one with a day in [from, to] (none when `after` is given), then open ones
   * outside it, soonest give date first by (giveDate, id), at most `limit`, after the keyset cursor `after`.
   */
  list(o: { scope: RowScope; from: string; to: string; limit: number; after?: { giveDate: string; id: string } }): Promise<Swap[]>;
}
