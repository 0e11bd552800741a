import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import { scopeFor } from '../sync/scope';
import type { callMethods } from './methods';
import { checkCallTimes, durationSeconds } from './rules';
import { MIN_LOOKUP_DIGITS, phoneKey } from './phone';
import { maskName, maskPhone, masksCustomers } from '../customers/mask';
import type { Actor } from '../auth/roles';
import { CALL_CATEGORIES, type CallRecord } from './schemas';
import { policyAt } from '../policy/in-force';
import { hourInZone } from './hour';
import { SEARCH_COUNT_CAP, searchFrom } from './history-schemas';

type M = typeof callMethods;

/** customer.confidential: a call as this reader may read it (number and name masked for roles that do not call customers). */
export function callFor(actor: Actor): (c: CallRecord) => CallRecord {
  if (!masksCustomers(actor.role)) return (c) => c;
  return (c) => ({ ...c, customerPhone: maskPhone(c.customerPhone), customerName: maskName(c.customerName), masked: true });
}

export const logCall: Handler<M['calls.log']> = async (ctx, input) => {
  const issues = checkCallTimes(input.startedAt, input.endedAt, ctx.now);
  if (issues.length > 0) throw new DeskError({ code: 'invalid_input', message: issues[0]!.message, fields: issues });
  const inserted = await ctx.store.calls.insert({
    ...input,
    agentId: ctx.actor.userId,
    teamId: ctx.actor.teamId,
    durationSec: durationSeconds(input.startedAt, input.endedAt),
    phoneKey: phoneKey(input.customerPhone),
    createdAt: ctx.now,
  });
  if (!inserted)
    throw new DeskError({ code: 'conflict', message: 'A call with this id is already logged', fields: [{ path: 'id', code: 'err.duplicate', message: 'Already logged' }] });
  const saved = await ctx.store.calls.get(input.id);
  if (!saved) throw new Error('call vanished inside its own transaction');
  return saved;
};

export const listCalls: Handler<M['calls.list']> = async (ctx, input) => {
  const masked = masksCustomers(ctx.actor.role);
  // A masked reader searches what they can read (summary, outcome), never digits they cannot see.
  const rows = await ctx.store.calls.list({ scope: scopeFor(ctx.actor, 'calls'), from: input.from, to: input.to, q: input.q, limit: input.limit, textOnly: masked });
  return rows.map(callFor(ctx.actor));
};

export const callHistory: Handler<M['calls.history']> = async (ctx, input) => {
  const r = await ctx.store.calls.page({ ...input, scope: scopeFor(ctx.actor, 'calls'), textOnly: masksCustomers(ctx.actor.role) });
  // A replica holds only the sync window of calls (shared/sync/windows.ts): the page says where it came from.
  return { total: r.total, items: r.items.map(callFor(ctx.actor)), source: ctx.scope ? 'replica' : 'center' };
};

/**
 * The same scope and masking as the history (customer.confidential): a masked reader's words are looked for
 * in summaries and outcomes only. A query under three characters looks at the last SHORT_QUERY_DAYS of the range
 * (searchFrom). A replica (ctx.scope set) says so; the server and a standalone desk hold
 * the whole center.
 */
export const searchCalls: Handler<M['calls.search']> = async (ctx, input) => {
  const from = searchFrom(input);
  const r = await ctx.store.calls.search({ ...input, from, scope: scopeFor(ctx.actor, 'calls'), textOnly: masksCustomers(ctx.actor.role), countCap: SEARCH_COUNT_CAP });
  return { ...r, items: r.items.map(callFor(ctx.actor)), source: ctx.scope ? 'replica' : 'center', searchedFrom: from };
};

export const getCall: Handler<M['calls.get']> = async (ctx, input) => {
  const call = await ctx.store.calls.get(input.id, scopeFor(ctx.actor, 'calls'));
  if (!call) throw new DeskError({ code: 'not_found', message: 'No such call', fields: [{ path: 'id', code: 'err.unknownCall', message: input.id }] });
  return callFor(ctx.actor)(call);
};

/** Too few digits is no number yet: an empty answer, not an error (the panel asks while the phone is typed). */
export const callerHistory: Handler<M['calls.caller']> = async (ctx, input) => {
  const key = phoneKey(input.phone);
  if (key.length < MIN_LOOKUP_DIGITS) return { key, count: 0, recent: [], valueTag: null };
  const r = await ctx.store.calls.byPhoneKey({ scope: scopeFor(ctx.actor, 'calls'), key, excludeId: input.excludeId, limit: input.limit });
  const tag = masksCustomers(ctx.actor.role) ? null : await ctx.store.customers.tag(key);
  return { key, count: r.total, recent: r.items.map(callFor(ctx.actor)), valueTag: tag?.tag ?? null };
};

export const callStats: Handler<M['calls.stats']> = async (ctx, input) => {
  const { timezone } = await policyAt(ctx.store, ctx.now);
  const facts = await ctx.store.calls.facts({ scope: scopeFor(ctx.actor, 'calls'), from: input.from, to: input.to });
  const byCategory = Object.fromEntries(CALL_CATEGORIES.map((c) => [c, 0])) as Record<(typeof CALL_CATEGORIES)[number], number>;
  const byHour = Array.from({ length: 24 }, () => 0);
  let followUps = 0;
  for (const f of facts) {
    byCategory[f.category]++;
    byHour[hourInZone(f.startedAt, timezone)]!++;
    if (f.followUp) followUps++;
  }
  return { total: facts.length, byCategory, byHour, followUps };
};

export const callHandlers = { 'calls.log': logCall, 'calls.list': listCalls, 'calls.history': callHistory, 'calls.search': searchCalls, 'calls.get': getCall, 'calls.caller': callerHistory, 'calls.stats': callStats };
