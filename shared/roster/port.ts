import type { LocalNames } from '../i18n/local-names';
import type { RosterEntry, RosterPerson, ShiftType } from './schemas';

export interface RosterPort {
  shiftTypes(): Promise<ShiftType[]>;
  teams(): Promise<{ id: string; name: string; names: LocalNames }[]>;
  putShiftType(t: ShiftType): Promise<void>;
  /** People who can be rostered (agents and team leads), of one team or all. */
  people(teamId: string | null): Promise<RosterPerson[]>;
  person(userId: string): Promise<RosterPerson | null>;
  entries(o: { teamId: string | null; userId?: string; from: string; to: string }): Promise<RosterEntry[]>;
  /**
   * The shifts of [from, to] (of one team or all) folded per day in the database, in date order: one row per
   * day with any shift, `cells` its people's `userId<U+001F>CODE` joined by U+001E, with '*' after a code only
   * this desk has yet (version 0). What the month grid reads: 31 rows instead of 60 000 row objects.
   */
  monthCells(o: { teamId: string | null; from: string; to: string }): Promise<{ date: string; cells: string }[]>;
  put(e: { id: string; userId: string; teamId: string | null; date: string; shiftCode: string; updatedBy: string; updatedAt: string }): Promise<void>;
  /**
   * Makes the day a rest day: a row with no shift (created if the day had none), stamped like a put, so
   * the change reaches other desks and its act time counts for roster.later-edit-wins.
   */
  clear(e: { id: string; userId: string; teamId: string | null; date: string; updatedBy: string; updatedAt: string }): Promise<void>;
  /** Many cells at once (an import's chunk): the rows people in `userIds` have in [from, to], by `userId|date`. */
  cells(o: { userIds: readonly string[]; from: string; to: string }): Promise<Map<string, { id: string; shiftCode: string; updatedAt: string }>>;
  /** `put` for many cells in few statements; each row names its id (an existing day keeps its own). */
  putCells(rows: readonly { id: string; userId: string; teamId: string | null; date: string; shiftCode: string; updatedBy: string; updatedAt: string }[]): Promise<void>;
  /** One cell as last written: who and when (the act time), for "the later edit wins". */
  cell(userId: string, date: string): Promise<{ id: string; shiftCode: string; updatedBy: string; updatedAt: string } | null>;
}
