import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import { phoneKey } from '../calls/phone';
import { scopeFor } from '../sync/scope';
import { maskName, maskPhone, masksCustomers } from './mask';
import type { customerMethods } from './methods';

type M = typeof customerMethods;

export const customerDirectory: Handler<M['customers.directory']> = async (ctx, input) => {
  const masked = masksCustomers(ctx.actor.role);
  // A masked reader cannot search by what is hidden from them: probing digits would rebuild the number.
  const r = await ctx.store.customers.directory({ callScope: scopeFor(ctx.actor, 'calls'), q: masked ? '' : input.q, offset: input.offset, limit: input.limit });
  return {
    total: r.total,
    items: r.items.map((c) => ({
      ref: c.ref,
      phone: masked ? maskPhone(c.phone) : c.phone,
      name: masked ? maskName(c.name) : c.name,
      calls: c.calls,
      lastCallAt: c.lastCallAt,
      valueTag: c.valueTag,
      masked,
    })),
  };
};

export const customerTags: Handler<M['customers.tags']> = async (ctx) => ctx.store.customers.tags();

/** customer.value-tiers: a lead tags a customer their team has talked to; an unknown number is refused. */
export const setCustomerTag: Handler<M['customers.setTag']> = async (ctx, input) => {
  const key = phoneKey(input.phone);
  if (!(await ctx.store.customers.known(scopeFor(ctx.actor, 'calls'), key)))
    throw new DeskError({ code: 'not_found', message: 'No call you can see came from this number', ruleIds: ['customer.value-tiers'], params: { phone: input.phone }, fields: [{ path: 'phone', code: 'err.unknownCustomer', message: input.phone }] });
  const t = { key, tag: input.tag, taggedBy: ctx.actor.userId, taggedAt: ctx.now };
  await ctx.store.customers.putTag(t);
  return t;
};

/** customer.confidential: the full number of one call in the reader's scope, with the reason on record. */
export const revealCustomer: Handler<M['customers.reveal']> = async (ctx, input) => {
  const call = await ctx.store.calls.get(input.callId, scopeFor(ctx.actor, 'calls'));
  if (!call) throw new DeskError({ code: 'not_found', message: 'No such call', ruleIds: ['customer.confidential'], fields: [{ path: 'callId', code: 'err.unknownCall', message: input.callId }] });
  await ctx.store.customers.putReveal({ id: input.id, callId: call.id, actorId: ctx.actor.userId, reason: input.reason, at: ctx.now });
  return { phone: call.customerPhone, name: call.customerName, ruleIds: ['customer.confidential'] };
};

export const customerReveals: Handler<M['customers.reveals']> = async (ctx) => ctx.store.customers.reveals(scopeFor(ctx.actor, 'customer_reveals'));

export const customerHandlers = {
  'customers.directory': customerDirectory,
  'customers.tags': customerTags,
  'customers.setTag': setCustomerTag,
  'customers.reveal': revealCustomer,
  'customers.reveals': customerReveals,
};
