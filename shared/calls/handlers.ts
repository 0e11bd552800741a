import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import { scopeFor } from '../sync/scope';
import type { callMethods } from './methods';
import { checkCallTimes, durationSeconds } from './rules';
import { MIN_LOOKUP_DIGITS, phoneKey } from './phone';

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
    phoneKey: phoneKey(input.customerPhone),
    createdAt: ctx.now,
  });
  const saved = await ctx.store.calls.get(input.id);
  if (!saved) throw new Error('call vanished inside its own transaction');
  return saved;
};

export const listCalls: Handler<M['calls.list']> = async (ctx, input) =>
  ctx.store.calls.list({ scope: scopeFor(ctx.actor, 'calls'), from: input.from, to: input.to, q: input.q, limit: input.limit });

export const callHistory: Handler<M['calls.history']> = async (ctx, input) => ctx.store.calls.page({ ...input, scope: scopeFor(ctx.actor, 'calls') });

export const getCall: Handler<M['calls.get']> = async (ctx, input) => {
  const call = await ctx.store.calls.get(input.id, scopeFor(ctx.actor, 'calls'));
  if (!call) throw new DeskError({ code: 'not_found', message: 'No such call', fields: [{ path: 'id', code: 'err.unknownCall', message: input.id }] });
  return call;
};

/** Too few digits is no number yet: an empty answer, not an error (the panel asks while the phone is typed). */
export const callerHistory: Handler<M['calls.caller']> = async (ctx, input) => {
  const key = phoneKey(input.phone);
  if (key.length < MIN_LOOKUP_DIGITS) return { key, count: 0, recent: [] };
  const r = await ctx.store.calls.byPhoneKey({ scope: scopeFor(ctx.actor, 'calls'), key, excludeId: input.excludeId, limit: input.limit });
  return { key, count: r.total, recent: r.items };
};

export const callHandlers = { 'calls.log': logCall, 'calls.list': listCalls, 'calls.history': callHistory, 'calls.get': getCall, 'calls.caller': callerHistory };
