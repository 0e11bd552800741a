import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { nextShift } from '../handover/rules';
import { policyAt } from '../policy/in-force';
import { shiftInterval } from '../roster/shift-time';
import { scopeFor } from '../sync/scope';
import { floorShift, notFound, ownTeam, refusal } from './guards';
import type { briefingMethods } from './methods';
import { checkMeeting } from './rules';

type M = typeof briefingMethods;

const IN: readonly string[] = ['checkedIn', 'late', 'away', 'checkedOut'];

/** The people of the outgoing shift and of the one that takes over (same team), present as their check-ins say. */
async function sheet(ctx: HandlerContext, o: { date: string; teamId: string; fromShift: string }) {
  const outgoing = await floorShift(ctx, { date: o.date, teamId: o.teamId, shiftCode: o.fromShift, shiftPath: 'fromShift' });
  const policy = await policyAt(ctx.store, ctx.now);
  const type = (await ctx.store.roster.shiftTypes()).find((t) => t.code === o.fromShift)!;
  const next = nextShift(await ctx.store.roster.shiftTypes(), { date: o.date, code: type.code, ...shiftInterval(o.date, type, policy.timezone) }, policy.timezone);
  const incoming = next ? await floorShift(ctx, { date: next.date, teamId: o.teamId, shiftCode: next.code, shiftPath: 'fromShift' }) : null;
  const side = (side: 'outgoing' | 'incoming', people: typeof outgoing.people) => people.map((p) => ({ userId: p.userId, name: p.name, side, present: IN.includes(p.state) }));
  // Someone on both shifts (a double) attends once, as the outgoing side.
  const out = side('outgoing', outgoing.people);
  const seen = new Set(out.map((a) => a.userId));
  return { toShift: next?.code ?? null, toDate: next?.date ?? null, attendees: [...out, ...side('incoming', incoming?.people ?? []).filter((a) => !seen.has(a.userId))] };
}

export const meetingSheet: Handler<M['briefing.meetingSheet']> = async (ctx, input) => {
  ownTeam(ctx, input.teamId, 'handover.meeting');
  return sheet(ctx, input);
};

async function load(ctx: HandlerContext, id: string) {
  const m = await ctx.store.briefing.meeting(id);
  if (!m) throw notFound('handover meeting', 'id', 'err.meetingNotFound', id);
  return m;
}

/**
 * handover.meeting: every item said (or "nothing" chosen), attendance ticked among the two shifts' people,
 * someone there. Saved once; afterwards only corrections are appended.
 */
export const holdMeeting: Handler<M['briefing.holdMeeting']> = async (ctx, input) => {
  ownTeam(ctx, input.teamId, 'handover.meeting');
  if (await ctx.store.briefing.meeting(input.id)) throw new DeskError({ code: 'conflict', message: 'A meeting with this id exists', ruleIds: ['handover.meeting'], fields: [{ path: 'id', code: 'err.meetingExists', message: input.id }] });
  const s = await sheet(ctx, input);
  const j = checkMeeting({ items: input.items, attendees: input.attendees, expected: s.attendees.map((a) => a.userId) });
  if (j.checks.some((c) => c.status === 'fail')) {
    const fields = j.blank.length
      ? j.blank.map((k) => ({ path: `items.${k}.text`, code: 'err.handoverBlank', message: k }))
      : j.strangers.length
        ? j.strangers.map((u) => ({ path: `attendees.${input.attendees.findIndex((a) => a.userId === u)}.userId`, code: 'err.meetingNotOnShift', message: u }))
        : [{ path: 'attendees', code: 'err.meetingNobody', message: 'noAttendees' }];
    throw refusal('Handover meeting', j.checks, fields);
  }
  const ticked = new Map(input.attendees.map((a) => [a.userId, a.present]));
  await ctx.store.briefing.putMeeting({
    id: input.id,
    teamId: input.teamId,
    date: input.date,
    fromShift: input.fromShift,
    toShift: s.toShift ?? '',
    toDate: s.toDate ?? input.date,
    attendees: s.attendees.filter((a) => ticked.has(a.userId)).map((a) => ({ ...a, present: ticked.get(a.userId)! })),
    items: input.items,
    heldBy: ctx.actor.userId,
    heldAt: ctx.now,
    corrections: [],
  });
  return load(ctx, input.id);
};

/** A correction is appended by the team's lead or a director; what was recorded stays. */
export const correctMeeting: Handler<M['briefing.correctMeeting']> = async (ctx, input) => {
  const m = await load(ctx, input.id);
  ownTeam(ctx, m.teamId, 'handover.meeting', 'id');
  await ctx.store.briefing.putMeeting({ ...m.row, corrections: [...m.row.corrections, { by: ctx.actor.userId, at: ctx.now, text: input.text }] });
  return load(ctx, input.id);
};

export const listMeetings: Handler<M['briefing.meetings']> = async (ctx, input) => ctx.store.briefing.listMeetings({ scope: scopeFor(ctx.actor, 'handover_meetings'), from: input.from });
