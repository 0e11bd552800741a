import { z } from 'zod';
import { Month, Text } from '../api/fields';
import type { RosterPerson, ShiftType } from './schemas';
import { overlaps, shiftInterval } from './shift-time';

/**
 * A month roster as people write it in a spreadsheet: one row per person (username first), one column
 * per day of the month holding a shift code, empty for a rest day. Parsed on the desk, validated here
 * for the preview and again by the mutation: a file with any error imports nothing.
 */
export const RosterImportInputSchema = z.object({
  month: Month,
  /** Cells as text, header row first: as the file has them (the plan trims), but no control characters beyond a cell's own tab and line breaks. */
  rows: z.array(z.array(Text(64, { multiline: true, trim: false })).max(40)).min(1).max(5001),
});
export type RosterImportInput = z.infer<typeof RosterImportInputSchema>;

export interface ImportIssue {
  /** 1-based, as a spreadsheet numbers them (the header is row 1). */
  row: number;
  /** 1-based column. */
  column: number;
  code: 'err.importHeader' | 'err.unknownPerson' | 'err.duplicatePerson' | 'err.unknownShift' | 'err.formula' | 'err.notYourTeam' | 'err.tooManyDays' | 'err.overlap';
  value: string;
}

export interface ImportPlan {
  entries: { userId: string; date: string; shiftCode: string | null }[];
  issues: ImportIssue[];
}

const isFormula = (v: string) => /^[=+@]/.test(v) || /^-[^\d]/.test(v);

interface PlanContext {
  people: readonly RosterPerson[];
  shiftTypes: readonly ShiftType[];
  teamId: string | null;
  timeZone: string;
}

export function planRosterImport(input: RosterImportInput, o: PlanContext): ImportPlan {
  return runSteps(planRosterImportSteps(input, o));
}

/** Drives a step generator to its result in one go (the server, tests); the desk drives it in slices to show progress. */
export function runSteps<T>(steps: Generator<number, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Rows checked per step: a 5 000-person file yields 25 times. */
export const PLAN_SLICE = 200;

/** The plan, yielding the fraction of rows done (0‥1) every PLAN_SLICE rows. */
export function* planRosterImportSteps(input: RosterImportInput, o: PlanContext): Generator<number, ImportPlan> {
  const [y, m] = input.month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const issues: ImportIssue[] = [];
  const entries: ImportPlan['entries'] = [];
  const header = input.rows[0]!;
  // Header: a label, then 1, 2, … for each day of the month.
  header.slice(1).forEach((h, i) => {
    if (h.trim() !== String(i + 1)) issues.push({ row: 1, column: i + 2, code: 'err.importHeader', value: h });
  });
  if (header.length - 1 > daysInMonth) issues.push({ row: 1, column: daysInMonth + 2, code: 'err.tooManyDays', value: String(header.length - 1) });
  const seen = new Set<string>();
  const codes = new Set(o.shiftTypes.map((s) => s.code));
  const byUsername = new Map(o.people.map((p) => [p.username, p]));
  const body = input.rows.slice(1);
  // A month has ~30 days and a few shift types: each (day, shift) interval is worked out once, not per cell
  // (zone arithmetic asks Intl several times per interval; per cell, a 2 000-person month took minutes).
  const intervals = new Map<string, ReturnType<typeof shiftInterval>>();
  const interval = (date: string, t: ShiftType) => {
    const key = `${date}|${t.code}`;
    let i = intervals.get(key);
    if (!i) intervals.set(key, (i = shiftInterval(date, t, o.timeZone)));
    return i;
  };
  const typeOf = new Map(o.shiftTypes.map((s) => [s.code, s]));
  for (let r = 0; r < body.length; r++) {
    if (r > 0 && r % PLAN_SLICE === 0) yield r / body.length;
    const cells = body[r]!;
    const row = r + 2;
    const username = (cells[0] ?? '').trim();
    if (!username && cells.every((c) => !c.trim())) continue; // blank line
    if (isFormula(username)) {
      issues.push({ row, column: 1, code: 'err.formula', value: username });
      continue;
    }
    const person = byUsername.get(username);
    const personIssue = !person ? 'err.unknownPerson' : o.teamId && person.teamId !== o.teamId ? 'err.notYourTeam' : seen.has(username) ? 'err.duplicatePerson' : null;
    if (!person || personIssue) {
      issues.push({ row, column: 1, code: personIssue ?? 'err.unknownPerson', value: username });
      continue;
    }
    seen.add(username);
    // Every day the header names: a short row (a spreadsheet drops trailing empty cells) means rest days.
    for (let d = 1; d <= Math.min(daysInMonth, header.length - 1); d++) {
      const raw = (cells[d] ?? '').trim();
      const column = d + 1;
      if (isFormula(raw)) {
        issues.push({ row, column, code: 'err.formula', value: raw });
        continue;
      }
      const code = raw.toUpperCase();
      if (code && !codes.has(code)) {
        issues.push({ row, column, code: 'err.unknownShift', value: raw });
        continue;
      }
      const date = `${input.month}-${String(d).padStart(2, '0')}`;
      const prev = entries[entries.length - 1];
      const type = typeOf.get(code);
      const prevType = prev && prev.userId === person.userId && prev.shiftCode ? typeOf.get(prev.shiftCode) : undefined;
      // Two days in a row for one person must not overlap (a late shift running into the next morning's).
      if (type && prevType && overlaps(interval(prev!.date, prevType), interval(date, type))) {
        issues.push({ row, column, code: 'err.overlap', value: raw });
        continue;
      }
      entries.push({ userId: person.userId, date, shiftCode: code || null });
    }
  }
  return { entries, issues };
}
