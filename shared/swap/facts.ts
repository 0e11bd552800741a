import { DeskError } from '../api/errors';
import type { HandlerContext } from '../api/method';
import { addDays, dayInfo } from '../calendar/day-kind';
import { firstDay, lastDay, monthOf } from '../calendar/month';
import { policyAt, policyOn } from '../policy/in-force';
import type { RosterPerson } from '../roster/schemas';
import { rowInScope } from '../sync/scope';
import type { PartyRoster, SwapFacts, SwapParty } from './rules';
import type { SwapDraft } from './schemas';

const monthStart = (d: string) => firstDay(monthOf(d));
const monthEnd = (d: string) => lastDay(monthOf(d));
const min = (...ds: string[]) => ds.reduce((a, b) => (a < b ? a : b));
const max = (...ds: string[]) => ds.reduce((a, b) => (a > b ? a : b));

const party = (p: RosterPerson): SwapParty => ({ userId: p.userId, name: p.name, teamId: p.teamId, jobType: p.jobType, skillLevel: p.skillLevel });

/** Whether this store holds a team's roster (always, except on a desk outside its scope). */
export function rosterKnown(ctx: HandlerContext, teamId: string | null, userId: string): boolean {
  return !ctx.scope || rowInScope(ctx.scope.roster, { team_id: teamId, user_id: userId });
}

/** Reads what the swap rules need from the store: both people, their rosters near the days, the calendar, other swaps, coverage. */
export async function gatherSwapFacts(ctx: HandlerContext, requesterId: string, draft: SwapDraft, existing?: { id: string; giveShift: string | null; takeShift: string | null }): Promise<SwapFacts> {
  // The swap is judged by the policy in force on the day of the shift given away (a limit raised from 12-01
  // governs December's swaps, whenever they are asked for); the center's zone is today's.
  const [requester, partner, zone, values, shiftTypes] = await Promise.all([
    ctx.store.roster.person(requesterId),
    ctx.store.roster.person(draft.partnerId),
    policyAt(ctx.store, ctx.now).then((p) => p.timezone),
    policyOn(ctx.store, draft.giveDate),
    ctx.store.roster.shiftTypes(),
  ]);
  if (!requester) throw new DeskError({ code: 'forbidden', message: 'Only rostered people swap shifts', ruleIds: ['swap.allowed'] });
  if (!partner) throw new DeskError({ code: 'not_found', message: 'No such colleague', fields: [{ path: 'partnerId', code: 'err.unknownPerson', message: draft.partnerId }] });
  const from = addDays(min(draft.giveDate, draft.takeDate), -1);
  const to = addDays(max(draft.giveDate, draft.takeDate), 1);
  const rosterOf = async (p: RosterPerson): Promise<PartyRoster> => {
    if (!rosterKnown(ctx, p.teamId, p.userId)) return { known: false, entries: [] };
    const entries = await ctx.store.roster.entries({ teamId: null, userId: p.userId, from, to });
    return { known: true, entries: entries.map((e) => ({ date: e.date, code: e.shiftCode })) };
  };
  const [requesterRoster, partnerRoster, overrides, others] = await Promise.all([
    rosterOf(requester),
    rosterOf(partner),
    ctx.store.calendar.overrides(from, to),
    ctx.store.swaps.involving([requester.userId, partner.userId], min(monthStart(draft.giveDate), from), max(monthEnd(draft.giveDate), to)),
  ]);
  const coverageOf = async (team: string | null, userId: string, date: string, code: string | null) => {
    if (!code) return { known: true, teamId: team, count: 0, min: 0 };
    if (!rosterKnown(ctx, team, userId)) return { known: false, teamId: team, count: 0, min: 0 };
    const [entries, away] = await Promise.all([ctx.store.roster.entries({ teamId: team, from: date, to: date }), ctx.store.leave.approvedBetween({ teamId: team, from: date, to: date })]);
    const type = shiftTypes.find((t) => t.code === code);
    // People on approved leave that day are not on the floor: they do not count towards the minimum.
    const absent = new Set(away.map((l) => l.userId));
    return { known: true, teamId: team, count: entries.filter((e) => e.shiftCode === code && !absent.has(e.userId)).length, min: (team && type?.minCoverage[team]) || 0 };
  };
  // Does this store hold every swap / every leave request of a person? Ask the scope about a row with an unknown other side.
  const swapsKnown = (p: RosterPerson) =>
    !ctx.scope ||
    (rowInScope(ctx.scope.swaps, { requester_id: p.userId, requester_team: p.teamId, partner_id: '?', partner_team: '?' }) &&
      rowInScope(ctx.scope.swaps, { partner_id: p.userId, partner_team: p.teamId, requester_id: '?', requester_team: '?' }));
  const leaveOn = async (p: RosterPerson, date: string) =>
    ctx.scope && !rowInScope(ctx.scope.leave_requests, { user_id: p.userId, team_id: p.teamId, filed_by: '?' }) ? null : (await ctx.store.leave.overlapping(p.userId, date, date)).length > 0;
  const give = requesterRoster.known ? (requesterRoster.entries.find((e) => e.date === draft.giveDate)?.code ?? null) : (existing?.giveShift ?? null);
  const take = partnerRoster.known ? (partnerRoster.entries.find((e) => e.date === draft.takeDate)?.code ?? null) : (existing?.takeShift ?? null);
  return {
    now: ctx.now,
    timeZone: zone,
    maxSwapsPerMonth: values.maxSwapsPerMonth,
    swapSkillTolerance: values.swapSkillTolerance,
    requester: party(requester),
    partner: party(partner),
    giveDate: draft.giveDate,
    takeDate: draft.takeDate,
    shiftTypes,
    requesterRoster,
    partnerRoster,
    days: { give: dayInfo(draft.giveDate, overrides), take: dayInfo(draft.takeDate, overrides) },
    otherSwaps: others.filter((s) => s.id !== existing?.id),
    recorded: existing ? { give: existing.giveShift, take: existing.takeShift } : undefined,
    swapsKnown: { requester: swapsKnown(requester), partner: swapsKnown(partner) },
    leaveOnTaken: { requester: await leaveOn(requester, draft.takeDate), partner: await leaveOn(partner, draft.giveDate) },
    coverage: { give: await coverageOf(requester.teamId, requester.userId, draft.giveDate, give), take: await coverageOf(partner.teamId, partner.userId, draft.takeDate, take) },
  };
}
