import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import type { callMethods } from './methods';
import type { CallScope } from './port';
import { checkCallTimes, durationSeconds } from './rules';

type M = typeof callMethods;

export const logCall: Handler<M['calls.log']> = async (ctx, input) => {
  const issues = checkCallTimes(input.startedAt, input.endedAt, ctx.now);
  if (issues.length > 0) throw new DeskError({ code: 'invalid_input', message: issues[0]!.message, fields: issues });
  if (await ctx.store.calls.exists(input.id))
    throw new DeskError({ code: 'conflict', message: 'A call with this id is already logged', fields: [{ path: 'id', code: 'err.duplicate', message: 'Already logged' }] });
  await ctx.store.calls.insert({
    ...input,
    agentId: ctx.actor.userId,
    teamId: ctx.actor.teamId,
    durationSec: durationSeconds(input.startedAt, input.endedAt),
  });
  const saved = await ctx.store.calls.get(input.id);
  if (!saved) throw new Error('call vanished inside its own transaction');
  return saved;
};

/** Agents read their own calls, a team lead the team's, QA and directors the center's. */
export function callScopeOf(actor: HandlerContext['actor']): CallScope {
  if (actor.role === 'agent') return { kind: 'agent', agentId: actor.userId };
  if (actor.role === 'team_lead') {
    if (!actor.teamId) return { kind: 'agent', agentId: actor.userId };
    return { kind: 'team', teamId: actor.teamId };
  }
  return { kind: 'center' };
}

export const listCalls: Handler<M['calls.list']> = async (ctx, input) =>
  ctx.store.calls.list({ scope: callScopeOf(ctx.actor), from: input.from, to: input.to, q: input.q, limit: input.limit });

export const callHandlers = { 'calls.log': logCall, 'calls.list': listCalls };
