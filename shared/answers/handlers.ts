import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { policyAt } from '../policy/in-force';
import { dateInZone } from '../policy/zoned-date';
import { ruleError, type RuleCheck } from '../rules/check';
import { scopeFor } from '../sync/scope';
import { rowInScope } from '../sync/scope-rules';
import type { answerMethods } from './methods';
import type { AnswerRow, StoredAnswer } from './port';
import { checkMayChange, checkMeetingDate, isoWeek } from './rules';
import type { Answer, AnswerAck } from './schemas';

type M = typeof answerMethods;
type Fields = { title: string; question: string; answer: string; keywords: string[]; categories: Answer['categories']; meetingDate: string };

/** An acknowledgement's key: one per agent and version, whichever desk it was given on. */
export const ackId = (answerId: string, revision: number, userId: string) => `ack:${answerId}:${revision}:${userId}`;

const refuse = (c: RuleCheck, code: 'rule_violation' | 'forbidden' | 'conflict', path: string, message: string) =>
  ruleError({ code, message, ruleIds: ['meeting.weekly'], params: c.params, fields: [{ path, code: `err.answer.${String(c.params.problem)}`, message }] });

async function load(ctx: HandlerContext, id: string): Promise<StoredAnswer> {
  const a = await ctx.store.answers.get(id);
  if (!a) throw new DeskError({ code: 'not_found', message: 'No such answer', fields: [{ path: 'id', code: 'err.answerNotFound', message: id }] });
  return a;
}

/** meeting.weekly: the meeting has been held (its date, in the center's zone, is not after today). */
async function checkDate(ctx: HandlerContext, date: string): Promise<void> {
  const zone = (await policyAt(ctx.store, ctx.now)).timezone;
  const c = checkMeetingDate(date, dateInZone(ctx.now, zone));
  if (c.status === 'fail') throw refuse(c, 'rule_violation', 'meetingDate', 'The meeting has not been held yet');
}

/** Words as given, keywords and categories each once, in the order written. */
const text = (i: Fields) => ({ title: i.title, question: i.question, answer: i.answer, keywords: [...new Set(i.keywords)], categories: [...new Set(i.categories)], meetingDate: i.meetingDate, meetingWeek: isoWeek(i.meetingDate) });

const toRow = (a: StoredAnswer): AnswerRow => {
  const { publishedByName: _p, revisedByName: _r, withdrawnByName: _w, synced: _s, history, ...row } = a;
  return { ...row, history: history.map(({ byName: _b, ...v }) => v) };
};

/** The agents the reader watches (their team, for a lead; everyone, for a director): whose acknowledgement they follow. */
async function watched(ctx: HandlerContext): Promise<{ userId: string; name: string }[]> {
  const r = ctx.actor.role;
  if (r !== 'team_lead' && r !== 'department_director' && r !== 'center_director') return [];
  const scope = scopeFor(ctx.actor, 'answer_acks');
  return (await ctx.store.org.people()).filter((p) => p.role === 'agent' && p.active && rowInScope(scope, { user_id: p.userId, team_id: p.teamId })).map((p) => ({ userId: p.userId, name: p.displayName }));
}

/** The answer as this reader sees it: their acknowledgement, and (leads, directors) who has not acknowledged this version. */
function view(ctx: HandlerContext, a: StoredAnswer, acks: readonly AnswerAck[], people: readonly { userId: string; name: string }[]): Answer {
  const mine = acks.filter((k) => k.answerId === a.id && k.userId === ctx.actor.userId);
  const current = new Set(acks.filter((k) => k.answerId === a.id && k.revision === a.revision).map((k) => k.userId));
  // A withdrawn answer waits for nobody.
  const missing = a.status === 'published' ? people.filter((p) => !current.has(p.userId)).map((p) => p.name) : [];
  return {
    ...a,
    ackedAt: mine.find((k) => k.revision === a.revision)?.ackedAt ?? null,
    ackedRevision: mine.length ? Math.max(...mine.map((k) => k.revision)) : null,
    missing,
    expected: a.status === 'published' ? people.length : 0,
  };
}

async function viewOne(ctx: HandlerContext, id: string): Promise<Answer> {
  return view(ctx, await load(ctx, id), await ctx.store.answers.acks(id), await watched(ctx));
}

export const publishAnswer: Handler<M['answer.publish']> = async (ctx, input) => {
  if (await ctx.store.answers.get(input.id)) throw new DeskError({ code: 'conflict', message: 'An answer with this id exists', fields: [{ path: 'id', code: 'err.answerExists', message: input.id }] });
  await checkDate(ctx, input.meetingDate);
  const me = ctx.actor.userId;
  await ctx.store.answers.put({ id: input.id, ...text(input), revision: 1, status: 'published', publishedBy: me, publishedAt: ctx.now, revisedBy: me, revisedAt: ctx.now, note: '', withdrawnAt: null, withdrawnBy: null, withdrawReason: '', history: [] });
  return viewOne(ctx, input.id);
};

/** meeting.weekly: a new version of what the meeting agreed; the old one kept, every agent to acknowledge again. */
export const reviseAnswer: Handler<M['answer.revise']> = async (ctx, input) => {
  const a = await load(ctx, input.id);
  const may = checkMayChange(ctx.actor, a);
  if (may.status === 'fail') throw refuse(may, may.params.problem === 'notYours' ? 'forbidden' : 'rule_violation', 'id', 'This answer cannot be revised by you');
  // Two leads revising the same version: the second reads the first's words before writing over them.
  if (input.revision !== a.revision) throw ruleError({ code: 'conflict', message: 'Revised meanwhile', ruleIds: ['meeting.weekly'], params: { problem: 'stale', revision: a.revision }, fields: [{ path: 'revision', code: 'err.answer.stale', message: String(a.revision) }] });
  await checkDate(ctx, input.meetingDate);
  const row = toRow(a);
  const old = { revision: a.revision, title: a.title, question: a.question, answer: a.answer, keywords: a.keywords, categories: a.categories, meetingDate: a.meetingDate, meetingWeek: a.meetingWeek, by: a.revisedBy, at: a.revisedAt, note: a.note };
  await ctx.store.answers.put({ ...row, ...text(input), revision: a.revision + 1, revisedBy: ctx.actor.userId, revisedAt: ctx.now, note: input.note, history: [...row.history, old] });
  return viewOne(ctx, a.id);
};

export const withdrawAnswer: Handler<M['answer.withdraw']> = async (ctx, input) => {
  const a = await load(ctx, input.id);
  const may = checkMayChange(ctx.actor, a);
  if (may.status === 'fail') throw refuse(may, may.params.problem === 'notYours' ? 'forbidden' : 'rule_violation', 'id', 'This answer cannot be withdrawn by you');
  await ctx.store.answers.put({ ...toRow(a), status: 'withdrawn', withdrawnAt: ctx.now, withdrawnBy: ctx.actor.userId, withdrawReason: input.reason });
  return viewOne(ctx, a.id);
};

/**
 * meeting.weekly ("passed on to every agent"): the agent has read this version. An acknowledgement given
 * offline of a version since revised still records that version: the agent is asked again for the new one.
 */
export const ackAnswer: Handler<M['answer.ack']> = async (ctx, input) => {
  const a = await load(ctx, input.id);
  if (input.revision > a.revision) throw new DeskError({ code: 'not_found', message: 'No such version', fields: [{ path: 'revision', code: 'err.answerNotFound', message: String(input.revision) }] });
  const id = ackId(a.id, input.revision, ctx.actor.userId);
  const acks = await ctx.store.answers.acks(a.id);
  // The first acknowledgement of a version stands.
  if (!acks.some((k) => k.id === id)) await ctx.store.answers.addAck({ id, answerId: a.id, revision: input.revision, userId: ctx.actor.userId, teamId: ctx.actor.teamId, ackedAt: ctx.now });
  return viewOne(ctx, a.id);
};

export const listAnswers: Handler<M['answer.list']> = async (ctx) => {
  const [answers, acks, people] = [await ctx.store.answers.list(), await ctx.store.answers.acks(null), await watched(ctx)];
  return { answers: answers.map((a) => view(ctx, a, acks, people)), acks: await ctx.store.answers.listAcks({ scope: scopeFor(ctx.actor, 'answer_acks') }) };
};

export const answerHandlers = { 'answer.publish': publishAnswer, 'answer.revise': reviseAnswer, 'answer.withdraw': withdrawAnswer, 'answer.ack': ackAnswer, 'answer.list': listAnswers };
