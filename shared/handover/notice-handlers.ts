import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { scopeFor } from '../sync/scope';
import { rowInScope } from '../sync/scope-rules';
import type { noticeMethods, Notice } from './notices';
import type { NoticeRow } from './port';

type M = typeof noticeMethods;

/** A receipt's key: one per person and notice, whichever desk it was read on. */
export const readId = (noticeId: string, userId: string) => `read:${noticeId}:${userId}`;

/** The notice as this reader sees it: their receipt, and (leads, directors) who they watch has not read it. */
async function view(ctx: HandlerContext, n: NoticeRow & { publishedByName: string }): Promise<Notice> {
  const reads = await ctx.store.handover.noticeReads(n.id);
  const mine = reads.find((r) => r.userId === ctx.actor.userId);
  let unread: string[] = [];
  if (ctx.actor.role === 'team_lead' || ctx.actor.role === 'department_director' || ctx.actor.role === 'center_director') {
    const scope = scopeFor(ctx.actor, 'notice_reads');
    const read = new Set(reads.map((r) => r.userId));
    // The people rostered in the reader's scope: their team (a lead) or the center (directors).
    const people = (await ctx.store.roster.people(ctx.actor.role === 'team_lead' ? ctx.actor.teamId : null)).filter((p) => rowInScope(scope, { user_id: p.userId, team_id: p.teamId }));
    // The publisher does not read their own notice (handover.read-notices asks it of everyone else).
    unread = people.filter((p) => !read.has(p.userId) && p.userId !== n.publishedBy).map((p) => p.name);
  }
  return { ...n, readAt: mine?.readAt ?? null, unread };
}

export const publishNotice: Handler<M['notice.publish']> = async (ctx, input) => {
  if (await ctx.store.handover.notice(input.id)) throw new DeskError({ code: 'conflict', message: 'A notice with this id exists', fields: [{ path: 'id', code: 'err.noticeExists', message: input.id }] });
  await ctx.store.handover.putNotice({ id: input.id, kind: input.kind, title: input.title, body: input.body, publishedBy: ctx.actor.userId, publishedAt: ctx.now });
  return view(ctx, (await ctx.store.handover.notice(input.id))!);
};

/** handover.read-notices: the desk records who read what, when; the first reading stands. */
export const readNotice: Handler<M['notice.read']> = async (ctx, input) => {
  const n = await ctx.store.handover.notice(input.id);
  if (!n) throw new DeskError({ code: 'not_found', message: 'No such notice', fields: [{ path: 'id', code: 'err.noticeNotFound', message: input.id }] });
  const reads = await ctx.store.handover.noticeReads(n.id);
  if (!reads.some((r) => r.userId === ctx.actor.userId)) await ctx.store.handover.addNoticeRead({ id: readId(n.id, ctx.actor.userId), noticeId: n.id, userId: ctx.actor.userId, teamId: ctx.actor.teamId, readAt: ctx.now });
  return view(ctx, n);
};

export const listNotices: Handler<M['notice.list']> = async (ctx, input) => ({
  notices: await Promise.all((await ctx.store.handover.notices(input.from)).map((n) => view(ctx, n))),
  reads: await ctx.store.handover.listNoticeReads({ scope: scopeFor(ctx.actor, 'notice_reads') }),
});

export const noticeHandlers = { 'notice.publish': publishNotice, 'notice.read': readNotice, 'notice.list': listNotices };
