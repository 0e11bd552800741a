import { DeskError } from '../api/errors';
import { MIN_DAY } from '../api/fields';
import type { Handler, HandlerContext } from '../api/method';
import { policyAt } from '../policy/in-force';
import { scopeFor } from '../sync/scope';
import type { briefingMethods } from './methods';
import type { IssueRow } from './port';
import { checkRollCall, inForRollCall, rollCallEntryId, rollCallId, suggestedMark } from './rules';
import type { Issue } from './schemas';
import { floorShift, notFound, ownTeam, refusal } from './guards';

type M = typeof briefingMethods;

/** Each issue with how often the roll calls the reader holds briefed it (QA sees every team's, a lead their own). */
async function withCounts(ctx: HandlerContext, rows: (IssueRow & { publishedByName: string })[]): Promise<Issue[]> {
  const calls = await ctx.store.briefing.listRollCalls({ scope: scopeFor(ctx.actor, 'roll_calls'), from: MIN_DAY });
  const count = new Map<string, { n: number; last: string | null }>();
  for (const c of calls)
    for (const id of c.briefed) {
      const k = count.get(id) ?? { n: 0, last: null };
      count.set(id, { n: k.n + 1, last: k.last && k.last > c.date ? k.last : c.date });
    }
  return rows.map((r) => ({ ...r, briefed: count.get(r.id)?.n ?? 0, lastBriefed: count.get(r.id)?.last ?? null }));
}

async function loadIssue(ctx: HandlerContext, id: string): Promise<Issue> {
  const r = await ctx.store.briefing.issue(id);
  if (!r) throw notFound('common issue', 'id', 'err.issueNotFound', id);
  return (await withCounts(ctx, [r]))[0]!;
}

/** qa.rollcall: published by QA, a lead or a director; active at once, on every desk that syncs. */
export const publishIssue: Handler<M['briefing.publishIssue']> = async (ctx, input) => {
  if (await ctx.store.briefing.issue(input.id)) throw new DeskError({ code: 'conflict', message: 'An issue with this id exists', ruleIds: ['qa.rollcall'], fields: [{ path: 'id', code: 'err.issueExists', message: input.id }] });
  await ctx.store.briefing.putIssue({ ...input, publishedBy: ctx.actor.userId, publishedAt: ctx.now, withdrawnBy: null, withdrawnAt: null });
  return loadIssue(ctx, input.id);
};

/** Withdrawn by whoever published it, any QA inspector, or a director; once. Roll calls that briefed it keep it. */
export const withdrawIssue: Handler<M['briefing.withdrawIssue']> = async (ctx, input) => {
  const r = await ctx.store.briefing.issue(input.id);
  if (!r) throw notFound('common issue', 'id', 'err.issueNotFound', input.id);
  if (ctx.actor.role === 'team_lead' && r.publishedBy !== ctx.actor.userId)
    throw new DeskError({ code: 'forbidden', message: 'A lead withdraws only what they published', ruleIds: ['qa.rollcall'], fields: [{ path: 'id', code: 'err.issueNotYours', message: input.id }] });
  if (r.withdrawnAt) throw refusal('Withdrawing', [{ ruleId: 'qa.rollcall', status: 'fail', params: { problem: 'withdrawn' } }], [{ path: 'id', code: 'err.issueWithdrawn', message: input.id }]);
  const { publishedByName: _n, ...row } = r;
  await ctx.store.briefing.putIssue({ ...row, withdrawnBy: ctx.actor.userId, withdrawnAt: ctx.now });
  return loadIssue(ctx, input.id);
};

export const listIssues: Handler<M['briefing.issues']> = async (ctx) => withCounts(ctx, await ctx.store.briefing.issues());

const active = async (ctx: HandlerContext) => (await ctx.store.briefing.issues()).filter((i) => !i.withdrawnAt);

/** The roll call sheet: who is due (the floor's facts, a suggested mark each), what is saved, what to brief. */
export const rollCallSheet: Handler<M['briefing.rollCallSheet']> = async (ctx, input) => {
  ownTeam(ctx, input.teamId, 'handover.early-arrival');
  const shift = await floorShift(ctx, input);
  const policy = await policyAt(ctx.store, ctx.now);
  const id = rollCallId(input.teamId, input.date, input.shiftCode);
  return {
    ...input,
    start: shift.start,
    due: shift.people.map((p) => ({ userId: p.userId, name: p.name, suggested: suggestedMark(p.state, p.lateMinutes), checkedInAt: p.checkedInAt, lateMinutes: p.lateMinutes, early: inForRollCall(p.checkedInAt, shift.start, policy.earlyArrivalMinutes) })),
    saved: await ctx.store.briefing.rollCall(id),
    entries: await ctx.store.briefing.rollCallEntries(id),
    issues: await withCounts(ctx, await active(ctx)),
  };
};

/**
 * handover.early-arrival (the roll call of the people due on the shift) and qa.rollcall (the common issues
 * briefed). One record per team, day and shift: saving again is a new revision of it (who, when), and the
 * people not named again keep their line.
 */
export const saveRollCall: Handler<M['briefing.saveRollCall']> = async (ctx, input) => {
  ownTeam(ctx, input.teamId, 'handover.early-arrival');
  const shift = await floorShift(ctx, input);
  const id = rollCallId(input.teamId, input.date, input.shiftCode);
  const before = await ctx.store.briefing.rollCall(id);
  const recorded = (await ctx.store.briefing.rollCallEntries(id)).map((e) => e.userId);
  const people = input.people.map((p) => p.userId);
  const stillActive = [...(await active(ctx)).map((i) => i.id), ...(before?.briefed ?? [])];
  const checks = checkRollCall({ due: shift.people.map((p) => p.userId), recorded, people, briefed: input.briefed, active: stillActive });
  const failed = checks.find((c) => c.status === 'fail');
  if (failed) {
    const at = failed.ruleId === 'qa.rollcall' ? `briefed.${input.briefed.indexOf(String(failed.params.issueId))}` : failed.params.userId !== undefined ? `people.${people.lastIndexOf(String(failed.params.userId))}.userId` : 'shiftCode';
    throw refusal('Roll call', checks, [{ path: at, code: failed.ruleId === 'qa.rollcall' ? 'err.issueNotActive' : 'err.rollCallNotDue', message: String(failed.params.problem) }]);
  }
  await ctx.store.briefing.putRollCall({
    id,
    teamId: input.teamId,
    date: input.date,
    shiftCode: input.shiftCode,
    remarks: input.remarks,
    briefed: [...new Set(input.briefed)],
    takenBy: before?.takenBy ?? ctx.actor.userId,
    takenAt: before?.takenAt ?? ctx.now,
    revision: (before?.revision ?? 0) + 1,
    revisedBy: ctx.actor.userId,
    revisedAt: ctx.now,
  });
  for (const p of input.people)
    await ctx.store.briefing.putRollCallEntry({ id: rollCallEntryId(id, p.userId), rollCallId: id, teamId: input.teamId, date: input.date, shiftCode: input.shiftCode, userId: p.userId, mark: p.mark, remark: p.remark });
  return (await ctx.store.briefing.rollCall(id))!;
};

export const listRollCalls: Handler<M['briefing.rollCalls']> = async (ctx, input) => ({
  rollCalls: await ctx.store.briefing.listRollCalls({ scope: scopeFor(ctx.actor, 'roll_calls'), from: input.from }),
  entries: await ctx.store.briefing.listRollCallEntries({ scope: scopeFor(ctx.actor, 'roll_call_entries'), from: input.from }),
});
