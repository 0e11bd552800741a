import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import { policyAt } from '../policy/in-force';
import { scopeFor } from '../sync/scope';
import { notFound, ownTeam } from './guards';
import type { briefingMethods } from './methods';
import { dutyCounts, monthDays, summaryDue, summaryId } from './rules';

type M = typeof briefingMethods;

/** report.monthly-quality (班长认真填写值班日志): a line of a team's shift log, by its lead or a director. */
export const logDuty: Handler<M['briefing.logDuty']> = async (ctx, input) => {
  ownTeam(ctx, input.teamId, 'report.monthly-quality');
  if (!(await ctx.store.roster.shiftTypes()).some((t) => t.code === input.shiftCode))
    throw new DeskError({ code: 'invalid_input', message: 'No such shift type', fields: [{ path: 'shiftCode', code: 'err.shiftCode', message: input.shiftCode }] });
  if (input.kind === 'figure' && input.figure === null) throw new DeskError({ code: 'invalid_input', message: 'A figure needs its number', fields: [{ path: 'figure', code: 'err.required', message: 'figure' }] });
  if (await ctx.store.briefing.dutyEntry(input.id)) throw new DeskError({ code: 'conflict', message: 'A line with this id exists', fields: [{ path: 'id', code: 'err.dutyEntryExists', message: input.id }] });
  await ctx.store.briefing.putDutyEntry({ ...input, figure: input.kind === 'figure' ? input.figure : null, writtenBy: ctx.actor.userId, writtenAt: ctx.now });
  return (await ctx.store.briefing.dutyEntry(input.id))!;
};

export const listDutyLog: Handler<M['briefing.dutyLog']> = async (ctx, input) => ({
  entries: await ctx.store.briefing.listDutyEntries({ scope: scopeFor(ctx.actor, 'duty_log'), from: input.from }),
  summaries: await ctx.store.briefing.listSummaries({ scope: scopeFor(ctx.actor, 'duty_summaries'), from: input.from }),
});

/** The month in numbers and its problems: what the summary starts from; due on the policy's day of the month after. */
export const summaryDraft: Handler<M['briefing.summaryDraft']> = async (ctx, input) => {
  ownTeam(ctx, input.teamId, 'report.monthly-quality');
  const entries = await ctx.store.briefing.dutyEntries({ teamId: input.teamId, ...monthDays(input.month) });
  const policy = await policyAt(ctx.store, ctx.now);
  return {
    ...input,
    counts: dutyCounts(entries),
    problems: entries.filter((e) => e.kind === 'problem').map((e) => ({ date: e.date, shiftCode: e.shiftCode, text: e.text })),
    due: summaryDue(input.month, policy.monthlyQualityReportDueDay),
    saved: await ctx.store.briefing.summary(summaryId(input.teamId, input.month)),
  };
};

/** One summary per team and month; saving again is a new revision, with the counts as of that save. */
export const saveSummary: Handler<M['briefing.saveSummary']> = async (ctx, input) => {
  ownTeam(ctx, input.teamId, 'report.monthly-quality');
  const id = summaryId(input.teamId, input.month);
  const before = await ctx.store.briefing.summary(id);
  const entries = await ctx.store.briefing.dutyEntries({ teamId: input.teamId, ...monthDays(input.month) });
  await ctx.store.briefing.putSummary({ id, teamId: input.teamId, month: input.month, text: input.text, counts: dutyCounts(entries), writtenBy: ctx.actor.userId, writtenAt: ctx.now, revision: (before?.revision ?? 0) + 1 });
  const saved = await ctx.store.briefing.summary(id);
  if (!saved) throw notFound('summary', 'month', 'err.summaryNotFound', id);
  return saved;
};
