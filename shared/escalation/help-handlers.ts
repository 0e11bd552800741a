import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { ruleError } from '../rules/check';
import { scopeFor } from '../sync/scope';
import type { Help, HelpRow } from './help';
import type { helpMethods } from './help-methods';

type M = typeof helpMethods;

const toRow = (h: Help): HelpRow => {
  const { agentName: _n, synced: _s, ...row } = h;
  return row;
};

export async function loadHelp(ctx: HandlerContext, id: string, path = 'id'): Promise<Help> {
  const h = await ctx.store.help.get(id);
  if (!h) throw new DeskError({ code: 'not_found', message: 'No such raised hand', fields: [{ path, code: 'err.helpNotFound', message: id }] });
  return h;
}

const leadOf = (ctx: HandlerContext, h: Help) => ctx.actor.role === 'team_lead' && ctx.actor.teamId !== null && ctx.actor.teamId === h.teamId;

/** escalate.must-report: a customer deliberately making trouble goes to the team lead — at once, during the call. */
export const raiseHand: Handler<M['help.raise']> = async (ctx, input) => {
  if (await ctx.store.help.get(input.id)) throw new DeskError({ code: 'conflict', message: 'This record already exists', fields: [{ path: 'id', code: 'err.duplicateId', message: input.id }] });
  if (!ctx.actor.teamId) throw ruleError({ code: 'conflict', message: 'Only an agent in a team has a duty lead to call', ruleIds: ['escalate.must-report'], fields: [{ path: 'id', code: 'err.teamRequired', message: 'no team' }] });
  await ctx.store.help.put({ id: input.id, agentId: ctx.actor.userId, teamId: ctx.actor.teamId, callId: input.callId, note: input.note, status: 'raised', leadId: null, answeredAt: null, closedNote: '', reportId: null, createdAt: ctx.now, updatedAt: ctx.now });
  return loadHelp(ctx, input.id);
};

export const answerHand: Handler<M['help.answer']> = async (ctx, input) => {
  const h = await loadHelp(ctx, input.id);
  if (!leadOf(ctx, h)) throw ruleError({ code: 'forbidden', message: "Only the agent's own team lead answers a raised hand", ruleIds: ['escalate.level-by-level'], fields: [{ path: 'id', code: 'err.notYourTeam', message: 'other team' }] });
  if (h.status === 'closed' || h.status === 'taken-over' || (h.status === 'acknowledged' && !input.takeOver))
    throw new DeskError({ code: 'conflict', message: 'This hand is already answered', fields: [{ path: 'id', code: 'err.helpAnswered', message: h.status }] });
  await ctx.store.help.put({ ...toRow(h), status: input.takeOver ? 'taken-over' : 'acknowledged', leadId: ctx.actor.userId, answeredAt: h.answeredAt ?? ctx.now, updatedAt: ctx.now });
  return loadHelp(ctx, h.id);
};

export const closeHand: Handler<M['help.close']> = async (ctx, input) => {
  const h = await loadHelp(ctx, input.id);
  if (h.agentId !== ctx.actor.userId && !leadOf(ctx, h)) throw ruleError({ code: 'forbidden', message: 'Only the agent or their team lead closes a raised hand', ruleIds: ['escalate.level-by-level'], fields: [{ path: 'id', code: 'err.notYourTeam', message: 'other team' }] });
  if (h.status === 'closed') throw new DeskError({ code: 'conflict', message: 'Already closed', fields: [{ path: 'id', code: 'err.helpClosed', message: h.status }] });
  await ctx.store.help.put({ ...toRow(h), status: 'closed', closedNote: input.note, updatedAt: ctx.now });
  return loadHelp(ctx, h.id);
};

/** The report that formalises a hand closes it and links the two (called by escalation.report). */
export async function linkHelp(ctx: HandlerContext, helpId: string, reportId: string): Promise<void> {
  const h = await loadHelp(ctx, helpId, 'helpId');
  if (h.agentId !== ctx.actor.userId) throw ruleError({ code: 'forbidden', message: 'Only the agent who raised the hand reports it', ruleIds: ['escalate.must-report'], fields: [{ path: 'helpId', code: 'err.notReporter', message: 'not yours' }] });
  if (h.reportId) throw new DeskError({ code: 'conflict', message: 'This hand is already reported', fields: [{ path: 'helpId', code: 'err.helpReported', message: h.reportId }] });
  await ctx.store.help.put({ ...toRow(h), status: 'closed', reportId, updatedAt: ctx.now });
}

export const listHelp: Handler<M['help.list']> = async (ctx) => ctx.store.help.list(scopeFor(ctx.actor, 'help_requests'));

export const helpHandlers = { 'help.raise': raiseHand, 'help.answer': answerHand, 'help.close': closeHand, 'help.list': listHelp };
