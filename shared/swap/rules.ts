import { addDays, type DayInfo } from '../calendar/day-kind';
import { fail, pass, unknown, type RuleCheck } from '../rules/check';
import { backToBack, shiftInterval } from '../roster/shift-time';
import type { ShiftType } from '../roster/schemas';
import type { SwapStatus } from './schemas';

export interface SwapParty {
  userId: string;
  name: string;
  teamId: string | null;
  jobType: string;
  skillLevel: number;
}

/** A person's roster around the swap's days, or `known: false` where this desk does not hold it. */
export interface PartyRoster {
  known: boolean;
  entries: readonly { date: string; code: string }[];
}

export interface OtherSwap {
  id: string;
  requesterId: string;
  partnerId: string;
  giveDate: string;
  takeDate: string;
  status: SwapStatus;
}

export interface Coverage {
  known: boolean;
  teamId: string | null;
  count: number;
  min: number;
}

/** Everything the swap rules need, gathered by the handler from the store (desk or server). */
export interface SwapFacts {
  now: string;
  timeZone: string;
  maxSwapsPerMonth: number;
  swapSkillTolerance: number;
  requester: SwapParty;
  partner: SwapParty;
  giveDate: string;
  takeDate: string;
  shiftTypes: readonly ShiftType[];
  requesterRoster: PartyRoster;
  partnerRoster: PartyRoster;
  days: { give: DayInfo; take: DayInfo };
  /** Every other swap either party is in (any status; the rules pick what counts), as far as this store holds them. */
  otherSwaps: readonly OtherSwap[];
  /** Whether this store holds every swap of each person (a desk holds only its scope's). */
  swapsKnown?: { requester: boolean; partner: boolean };
  /** Leave (open or approved) on the day each person would take: null where this desk cannot see it. */
  leaveOnTaken?: { requester: boolean | null; partner: boolean | null };
  /** The shifts the registration form recorded, for a side whose roster this desk does not hold. */
  recorded?: { give: string | null; take: string | null };
  /** Coverage of the requester's team for the given shift and of the partner's team for the taken one, before the swap. */
  coverage: { give: Coverage; take: Coverage };
}

/**
 * swap.both-leads: which side(s) of a swap this person may approve. Each side is approved by a team lead
 * of that person's team; where a party to the swap leads that side's team, by the department director,
 * the next level up (nobody approves their own swap).
 */
export function approverSides(
  s: { requesterId: string; requesterTeam: string | null; requesterIsLead: boolean; partnerId: string; partnerTeam: string | null; partnerIsLead: boolean },
  actor: { userId: string; role: string; teamId: string | null },
): { a: boolean; b: boolean } {
  if (actor.userId === s.requesterId || actor.userId === s.partnerId) return { a: false, b: false };
  if (actor.role === 'department_director') {
    // A side stands in need when a party who leads that side's team would have to approve it.
    const sameTeam = s.requesterTeam === s.partnerTeam;
    return { a: s.requesterIsLead || (sameTeam && s.partnerIsLead), b: s.partnerIsLead || (sameTeam && s.requesterIsLead) };
  }
  if (actor.role !== 'team_lead' || actor.teamId === null) return { a: false, b: false };
  return { a: actor.teamId === s.requesterTeam, b: actor.teamId === s.partnerTeam };
}

export const SWAP_RULES = ['swap.allowed', 'swap.same-role-skill', 'swap.holiday', 'swap.monthly-limit', 'swap.no-consecutive', 'swap.no-back-to-back', 'swap.staffing', 'swap.no-leave'] as const;

const codeOn = (r: PartyRoster, date: string) => r.entries.find((e) => e.date === date)?.code ?? null;

/** The shift each side gives up, as the roster has it now (null: no shift that day, or not known here). */
export function swapShifts(f: SwapFacts): { give: string | null; take: string | null } {
  return {
    give: f.requesterRoster.known ? codeOn(f.requesterRoster, f.giveDate) : (f.recorded?.give ?? null),
    take: f.partnerRoster.known ? codeOn(f.partnerRoster, f.takeDate) : (f.recorded?.take ?? null),
  };
}

/** Judges one swap against every `swap.*` rule that can be decided from facts, in a fixed order. */
export function checkSwap(f: SwapFacts): RuleCheck[] {
  return [allowed(f), sameRoleSkill(f), holiday(f), monthlyLimit(f), noConsecutive(f), noBackToBack(f), staffing(f), noLeave(f)];
}

function allowed(f: SwapFacts): RuleCheck {
  const id = 'swap.allowed';
  if (f.requester.userId === f.partner.userId) return fail(id, { problem: 'self' });
  const { give, take } = swapShifts(f);
  if (!give) return f.requesterRoster.known ? fail(id, { problem: 'noGiveShift', date: f.giveDate }) : unknown(id, { date: f.giveDate });
  if (!take) return f.partnerRoster.known ? fail(id, { problem: 'noTakeShift', date: f.takeDate, name: f.partner.name }) : unknown(id, { date: f.takeDate });
  const type = (c: string) => f.shiftTypes.find((t) => t.code === c);
  const earliest = Math.min(...[[f.giveDate, give] as const, [f.takeDate, take] as const].map(([d, c]) => (type(c) ? shiftInterval(d, type(c)!, f.timeZone).start : Date.parse(`${d}T00:00:00Z`))));
  if (earliest <= Date.parse(f.now)) return fail(id, { problem: 'past' });
  // The roster holds one shift per person per day: the day you take must be free, except the one you give up.
  if (f.giveDate !== f.takeDate && f.partnerRoster.known && codeOn(f.partnerRoster, f.giveDate)) return fail(id, { problem: 'partnerBusy', name: f.partner.name, date: f.giveDate });
  if (f.giveDate !== f.takeDate && f.requesterRoster.known && codeOn(f.requesterRoster, f.takeDate)) return fail(id, { problem: 'requesterBusy', date: f.takeDate });
  return pass(id, { give, take, requester: f.requester.name, partner: f.partner.name, requesterId: f.requester.userId, partnerId: f.partner.userId });
}

function sameRoleSkill(f: SwapFacts): RuleCheck {
  const diff = Math.abs(f.requester.skillLevel - f.partner.skillLevel);
  const params = { requesterJob: f.requester.jobType, partnerJob: f.partner.jobType, diff, tolerance: f.swapSkillTolerance };
  return f.requester.jobType === f.partner.jobType && diff <= f.swapSkillTolerance ? pass('swap.same-role-skill', params) : fail('swap.same-role-skill', params);
}

function holiday(f: SwapFacts): RuleCheck {
  const hit = [f.days.give, f.days.take].find((d) => d.kind === 'holiday');
  return hit ? fail('swap.holiday', { date: hit.date, holiday: hit.holiday ?? '' }) : pass('swap.holiday');
}

/** Approved swaps count against the month of their given shift, for both people in them. */
export function swapsUsed(f: Pick<SwapFacts, 'otherSwaps'>, userId: string, month: string): number {
  return f.otherSwaps.filter((s) => s.status === 'approved' && (s.requesterId === userId || s.partnerId === userId) && s.giveDate.startsWith(month)).length;
}

function monthlyLimit(f: SwapFacts): RuleCheck {
  const month = f.giveDate.slice(0, 7);
  for (const p of [f.requester, f.partner]) {
    const used = swapsUsed(f, p.userId, month);
    if (used >= f.maxSwapsPerMonth) return fail('swap.monthly-limit', { name: p.name, used, max: f.maxSwapsPerMonth, month });
  }
  const used = swapsUsed(f, f.requester.userId, month);
  // Under the limit as far as this desk can see: the server, which sees everyone's swaps, decides.
  const blind = [f.requester, f.partner].find((p) => !known(f, p));
  if (blind) return unknown('swap.monthly-limit', { name: blind.name, month, used, max: f.maxSwapsPerMonth });
  return pass('swap.monthly-limit', { name: f.requester.name, used, max: f.maxSwapsPerMonth, month });
}

/** Our reading of 不允許連續換班: no one swaps on a day next to (or the same as) a day of another approved swap of theirs. */
function noConsecutive(f: SwapFacts): RuleCheck {
  const mine = [f.giveDate, f.takeDate];
  for (const p of [f.requester, f.partner]) {
    for (const s of f.otherSwaps) {
      if (s.status !== 'approved' || (s.requesterId !== p.userId && s.partnerId !== p.userId)) continue;
      const near = [s.giveDate, s.takeDate].find((d) => mine.some((m) => d >= addDays(m, -1) && d <= addDays(m, 1)));
      if (near) return fail('swap.no-consecutive', { name: p.name, date: near });
    }
  }
  const blind = [f.requester, f.partner].find((p) => !known(f, p));
  return blind ? unknown('swap.no-consecutive', { name: blind.name }) : pass('swap.no-consecutive');
}

/** After the swap neither person works two shifts with no rest between them (連班), nor two at once. */
function noBackToBack(f: SwapFacts): RuleCheck {
  const { give, take } = swapShifts(f);
  const type = (c: string | null) => (c ? f.shiftTypes.find((t) => t.code === c) : undefined);
  const sides = [
    { who: f.partner, roster: f.partnerRoster, date: f.giveDate, code: give, leaves: f.takeDate },
    { who: f.requester, roster: f.requesterRoster, date: f.takeDate, code: take, leaves: f.giveDate },
  ];
  for (const s of sides) {
    if (!s.roster.known) return unknown('swap.no-back-to-back', { name: s.who.name });
    const t = type(s.code);
    if (!t) continue;
    const taken = shiftInterval(s.date, t, f.timeZone);
    for (const e of s.roster.entries) {
      if (e.date === s.leaves) continue; // the shift this person gives up in the swap
      const other = type(e.code);
      if (other && backToBack(taken, shiftInterval(e.date, other, f.timeZone))) return fail('swap.no-back-to-back', { name: s.who.name, date: s.date, otherDate: e.date, otherShift: e.code });
    }
  }
  return pass('swap.no-back-to-back');
}

const known = (f: SwapFacts, p: SwapParty) => (p.userId === f.requester.userId ? f.swapsKnown?.requester : f.swapsKnown?.partner) ?? true;

/** swap.no-leave, from the swap's side: nobody takes a shift on a day they are (asking to be) on leave. */
function noLeave(f: SwapFacts): RuleCheck {
  const sides = [
    // null (cannot see) must survive: no `??` here.
    { who: f.partner, date: f.giveDate, onLeave: f.leaveOnTaken ? f.leaveOnTaken.partner : false },
    { who: f.requester, date: f.takeDate, onLeave: f.leaveOnTaken ? f.leaveOnTaken.requester : false },
  ];
  const hit = sides.find((s) => s.onLeave === true);
  if (hit) return fail('swap.no-leave', { problem: 'onLeave', name: hit.who.name, date: hit.date });
  const blind = sides.find((s) => s.onLeave === null);
  return blind ? unknown('swap.no-leave', { name: blind.who.name }) : pass('swap.no-leave', { variant: 'swap' });
}

/** Inside one team coverage does not move; across teams each team loses the shift it gives away. */
function staffing(f: SwapFacts): RuleCheck {
  if (f.requester.teamId === f.partner.teamId) return pass('swap.staffing', { sameTeam: 1 });
  const { give, take } = swapShifts(f);
  for (const [c, date, code, roster] of [[f.coverage.give, f.giveDate, give, f.requesterRoster], [f.coverage.take, f.takeDate, take, f.partnerRoster]] as const) {
    if (!c.known || !roster.known) return unknown('swap.staffing', { date, shift: code ?? '' });
    if (!code) continue;
    if (c.count - 1 < c.min) return fail('swap.staffing', { team: c.teamId ?? '', date, shift: code, after: c.count - 1, min: c.min });
  }
  // The coverage impact an approver weighs: what the given shift's team keeps.
  const { count, min, teamId } = f.coverage.give;
  return give ? pass('swap.staffing', { variant: 'numbers', team: teamId ?? '', date: f.giveDate, shift: give, after: count - 1, min }) : pass('swap.staffing');
}
