// roster.import as it was before #16 (one transaction, a read and a write per cell): the baseline the import
// bench runs in the same process. Not used by the product.
import { DeskError } from '../../shared/api/errors';
import type { Handler } from '../../shared/api/method';
import { policyAt } from '../../shared/policy/in-force';
import { runSteps, PLAN_SLICE, type ImportIssue, type ImportPlan, type RosterImportInput } from '../../shared/roster/import';
import type { RosterPerson, ShiftType } from '../../shared/roster/schemas';
import { overlaps, shiftInterval } from '../../shared/roster/shift-time';
import type { rosterMethods } from '../../shared/roster/methods';
import { newerEditThan } from '../../shared/roster/rules';

type M = typeof rosterMethods;

/** Writes a whole month from a spreadsheet once every row passes; otherwise reports every bad cell. */
export const plainImportRoster: Handler<M['roster.import']> = async (ctx, input) => {
  const teamId = ctx.actor.role === 'team_lead' ? ctx.actor.teamId : null;
  const [people, shiftTypes, policy] = await Promise.all([ctx.store.roster.people(null), ctx.store.roster.shiftTypes(), policyAt(ctx.store, ctx.now)]);
  const plan = plainPlan(input, { people, shiftTypes, teamId, timeZone: policy.timezone });
  if (plan.issues.length > 0)
    throw new DeskError({
      code: 'invalid_input',
      message: `${plan.issues.length} cell(s) cannot be imported; nothing was written`,
      fields: plan.issues.map((i) => ({ path: `rows.${i.row}.${i.column}`, code: i.code, message: i.value })),
      params: { issues: plan.issues.length },
    });
  let written = 0;
  let cleared = 0;
  let kept = 0;
  const stamp = { updatedBy: ctx.actor.userId, updatedAt: ctx.now };
  for (const e of plan.entries) {
    const person = people.find((p) => p.userId === e.userId)!;
    // roster.later-edit-wins, cell by cell: a change made after this import was prepared stays.
    const cell = await ctx.store.roster.cell(e.userId, e.date);
    if (newerEditThan(cell, ctx.now)) {
      kept++;
      continue;
    }
    if (e.shiftCode === null) {
      // A blank cell clears a shift; a day that has none needs no row (a month is mostly rest days).
      if (!cell?.shiftCode) continue;
      await ctx.store.roster.clear({ id: `${e.userId}:${e.date}`, userId: e.userId, teamId: person.teamId, date: e.date, ...stamp });
      cleared++;
    } else {
      await ctx.store.roster.put({ id: `${e.userId}:${e.date}`, userId: e.userId, teamId: person.teamId, date: e.date, shiftCode: e.shiftCode, ...stamp });
      written++;
    }
  }
  return { written, cleared, kept };
};

/** The check as it was: each cell's interval worked out anew (several Intl calls per cell). */
export const plainPlan = (input: RosterImportInput, o: { people: readonly RosterPerson[]; shiftTypes: readonly ShiftType[]; teamId: string | null; timeZone: string }) => runSteps(plainPlanSteps(input, o));

const isFormula = (v: string) => /^[=+@]/.test(v) || /^-[^\d]/.test(v);

function* plainPlanSteps(input: RosterImportInput, o: { people: readonly RosterPerson[]; shiftTypes: readonly ShiftType[]; teamId: string | null; timeZone: string }): Generator<number, ImportPlan> {
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
      const type = o.shiftTypes.find((s) => s.code === code);
      const prevType = prev && prev.userId === person.userId && prev.shiftCode ? o.shiftTypes.find((s) => s.code === prev.shiftCode) : undefined;
      // Two days in a row for one person must not overlap (a late shift running into the next morning's).
      if (type && prevType && overlaps(shiftInterval(prev!.date, prevType, o.timeZone), shiftInterval(date, type, o.timeZone))) {
        issues.push({ row, column, code: 'err.overlap', value: raw });
        continue;
      }
      entries.push({ userId: person.userId, date, shiftCode: code || null });
    }
  }
  return { entries, issues };
}
