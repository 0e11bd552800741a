import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import type { policyMethods } from './methods';
import { dateInZone } from './zoned-date';
import { policyAt, policyVersionAt } from './in-force';

type M = typeof policyMethods;

export const currentPolicy: Handler<M['policy.current']> = async (ctx, input) => {
  const v = input.date ? await ctx.store.policy.at(input.date) : await policyVersionAt(ctx.store, ctx.now);
  if (!v) throw new DeskError({ code: 'not_found', message: 'No policy is in force on that date' });
  return v;
};

export const policyHistory: Handler<M['policy.history']> = async (ctx) => ctx.store.policy.list();

/**
 * A new version, effective from a date that has not passed yet in the center's zone: policy never
 * rewrites how past days were judged.
 */
export const updatePolicy: Handler<M['policy.update']> = async (ctx, input) => {
  const today = dateInZone(ctx.now, (await policyAt(ctx.store, ctx.now)).timezone);
  if (input.effectiveFrom < today)
    throw new DeskError({
      code: 'invalid_input',
      message: `The effective date ${input.effectiveFrom} has passed (today is ${today} in the center's zone)`,
      fields: [{ path: 'effectiveFrom', code: 'err.pastDate', message: 'The effective date has passed' }],
      params: { today },
    });
  await ctx.store.policy.insert({ id: input.id, effectiveFrom: input.effectiveFrom, values: input.values, note: input.note, createdBy: ctx.actor.userId, createdAt: ctx.now });
  const saved = (await ctx.store.policy.list()).find((v) => v.id === input.id);
  if (!saved) throw new Error('policy version vanished inside its own transaction');
  return saved;
};

export const policyHandlers = { 'policy.current': currentPolicy, 'policy.history': policyHistory, 'policy.update': updatePolicy };
