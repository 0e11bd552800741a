import type { ChunkedMutation } from '../api/chunked';
import type { HandlerContext } from '../api/method';
import { DeskError } from '../api/errors';
import { monthBounds } from '../calendar/month';
import { policyAt } from '../policy/in-force';
import { planRosterImport, planRosterImportSteps, type ImportPlan, type RosterImportInput } from './import';
import { newerEditThan } from './rules';

/** People per chunk: ~3 000 cells, a few hundred ms of writing, the longest any other push waits behind an import. */
export const IMPORT_CHUNK_PEOPLE = 100;

type Counts = { written: number; cleared: number; kept: number };

/**
 * roster.import as a chunked mutation: the whole file is checked before anything is written (any bad cell
 * and nothing is), then people are written a chunk at a time. Within a chunk, cells are read and written
 * in bulk; roster.later-edit-wins is judged per cell inside the chunk's own transaction, so an edit that
 * lands between two chunks stands just as one before the import would.
 */
export const rosterImportChunked: ChunkedMutation<RosterImportInput, Counts, Counts> = {
  async prepare(ctx, input, pause) {
    const teamId = ctx.actor.role === 'team_lead' ? ctx.actor.teamId : null;
    const [people, shiftTypes, policy] = await Promise.all([ctx.store.roster.people(null), ctx.store.roster.shiftTypes(), policyAt(ctx.store, ctx.now)]);
    const context = { people, shiftTypes, teamId, timeZone: policy.timezone };
    let plan: ImportPlan;
    if (!pause) plan = planRosterImport(input, context);
    else {
      // PLAN_SLICE rows at a time, other requests in between (the check runs on the server's one event loop).
      const steps = planRosterImportSteps(input, context);
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) {
          plan = r.value;
          break;
        }
        await pause();
      }
    }
    if (plan.issues.length > 0)
      throw new DeskError({
        code: 'invalid_input',
        message: `${plan.issues.length} cell(s) cannot be imported; nothing was written`,
        fields: plan.issues.map((i) => ({ path: `rows.${i.row}.${i.column}`, code: i.code, message: i.value })),
        params: { issues: plan.issues.length },
      });
    const teamOf = new Map(people.map((p) => [p.userId, p.teamId]));
    // The plan lists a person's days together: cut between people, never inside one.
    const byPerson = new Map<string, ImportPlan['entries']>();
    for (const e of plan.entries) {
      let list = byPerson.get(e.userId);
      if (!list) byPerson.set(e.userId, (list = []));
      list.push(e);
    }
    const groups = [...byPerson.values()];
    const { from, to } = monthBounds(input.month);
    const chunks = [];
    for (let i = 0; i < groups.length; i += IMPORT_CHUNK_PEOPLE) {
      const entries = groups.slice(i, i + IMPORT_CHUNK_PEOPLE).flat();
      chunks.push((c: HandlerContext) => applyChunk(c, entries, teamOf, from, to));
    }
    return { chunks, result: (parts) => parts.reduce((a, b) => ({ written: a.written + b.written, cleared: a.cleared + b.cleared, kept: a.kept + b.kept }), { written: 0, cleared: 0, kept: 0 }) };
  },
};

async function applyChunk(ctx: HandlerContext, entries: ImportPlan['entries'], teamOf: ReadonlyMap<string, string | null>, from: string, to: string): Promise<Counts> {
  const counts = { written: 0, cleared: 0, kept: 0 };
  const existing = await ctx.store.roster.cells({ userIds: [...new Set(entries.map((e) => e.userId))], from, to });
  const stamp = { updatedBy: ctx.actor.userId, updatedAt: ctx.now };
  const rows = [];
  for (const e of entries) {
    const cell = existing.get(`${e.userId}|${e.date}`) ?? null;
    // roster.later-edit-wins, cell by cell: a change made after this import was prepared stays.
    if (newerEditThan(cell, ctx.now)) {
      counts.kept++;
      continue;
    }
    // A blank cell clears a shift; a day that has none needs no row (a month is mostly rest days).
    if (e.shiftCode === null && !cell?.shiftCode) continue;
    // One row per person and day: an existing day keeps its row id (desks already hold it).
    rows.push({ id: cell?.id ?? `${e.userId}:${e.date}`, userId: e.userId, teamId: teamOf.get(e.userId) ?? null, date: e.date, shiftCode: e.shiftCode ?? '', ...stamp });
    if (e.shiftCode === null) counts.cleared++;
    else counts.written++;
  }
  await ctx.store.roster.putCells(rows);
  return counts;
}
