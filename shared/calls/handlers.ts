import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import { scopeFor } from '../sync/scope';
import type { callMethods } from './methods';
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
    createdAt: ctx.now,
  });
  const saved = await ctx.store.calls.get(input.id);
  if (!saved) throw new Error('call vanished inside its own transaction');
  return saved;
};

export const listCalls: Handler<M['calls.list']> = async (ctx, input) =>
  ctx.store.calls.list({ scope: scopeFor(ctx.actor, 'calls'), from: input.from, to: input.to, q: input.q, limit: input.limit });

export const callHandlers = { 'calls.log': logCall, 'calls.list': listCalls };
