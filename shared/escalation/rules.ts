import type { Role } from '../auth/roles';
import type { PolicyValues } from '../policy/schema';
import { fail, pass, type RuleCheck } from '../rules/check';
import { ESCALATION_LEVELS, type EscalationCategory, type EscalationLevel, type TimelineEvent } from './schemas';

/** The rules a decision of this domain names, in rulebook order. */
export const ESCALATION_RULES = ['escalate.must-report', 'escalate.level-by-level', 'escalate.emergency-skip', 'escalate.proposal', 'escalate.instructions'] as const;

/**
 * The levels above a reporter, nearest first (agent → team lead → department director → center director).
 * A QA inspector stands beside the team leads and reports to the department director; the center director
 * (and the admin, outside the chain) has no one above on the desk.
 */
export function chainAbove(role: Role): readonly EscalationLevel[] {
  switch (role) {
    case 'agent':
      return ESCALATION_LEVELS;
    case 'team_lead':
    case 'qa_inspector':
      return ['department_director', 'center_director'];
    case 'department_director':
      return ['center_director'];
    default:
      return [];
  }
}

/** Who may act for a level of one reporter's chain: their own team's lead, any department or center director. */
export function actsAt(person: { role: Role; teamId: string | null; active?: boolean }, level: EscalationLevel, reporterTeam: string | null): boolean {
  if (person.active === false || person.role !== level) return false;
  return level !== 'team_lead' || (person.teamId !== null && person.teamId === reporterTeam);
}

/** Where a person stands in a reporter's chain (0: the next level up), or -1: outside it. */
export function chainIndex(chain: readonly EscalationLevel[], person: { role: Role; teamId: string | null; active?: boolean }, reporterTeam: string | null): number {
  return chain.findIndex((level) => actsAt(person, level, reporterTeam));
}

/**
 * escalate.level-by-level + escalate.emergency-skip: a report (from = -1) or a forward (from = the holder's
 * index) goes to the next level; further up only in an emergency, and then each level passed over is listed
 * to be informed afterwards.
 */
export function checkRoute(o: { chain: readonly EscalationLevel[]; from: number; to: number; emergency: boolean }): { checks: RuleCheck[]; skipped: EscalationLevel[] } {
  const next = o.chain[o.from + 1];
  if (o.to < 0 || o.to <= o.from) return { checks: [fail('escalate.level-by-level', { next: next ?? '' })], skipped: [] };
  const skipped = o.chain.slice(o.from + 1, o.to);
  if (skipped.length === 0) return { checks: [pass('escalate.level-by-level', { next: next ?? '' })], skipped };
  if (!o.emergency) return { checks: [fail('escalate.level-by-level', { next: next ?? '', skipped: skipped.length })], skipped: [] };
  return { checks: [pass('escalate.level-by-level', { next: next ?? '' }), pass('escalate.emergency-skip', { skipped: skipped.length })], skipped };
}

/** escalate.proposal: a report carries the reporter's proposed handling (the schema already refuses it empty). */
export function checkProposal(proposal: string): RuleCheck {
  return proposal.trim() === '' ? fail('escalate.proposal') : pass('escalate.proposal');
}

/**
 * escalate.must-report: 用户故意刁难报班长解决 — a customer deliberately making trouble goes to the team lead
 * (who may forward it up), never past them, emergency or not. Other categories: no constraint here.
 */
export function checkCategoryRoute(category: EscalationCategory, chain: readonly EscalationLevel[], to: number): RuleCheck | null {
  if (category !== 'customer-trouble' || chain[0] !== 'team_lead' || to < 0) return null;
  return to === 0 ? pass('escalate.must-report') : fail('escalate.must-report');
}

/** Leaks, accidents and danger are urgent; beyond remit and customer trouble are ordinary. */
export const URGENT: readonly EscalationCategory[] = ['leak', 'accident', 'danger'];

export function targets(category: EscalationCategory, p: PolicyValues): { responseMs: number; resolutionMs: number; warnMs: number } {
  const urgent = URGENT.includes(category);
  return {
    responseMs: (urgent ? p.escalateResponseMinutesUrgent : p.escalateResponseMinutesOrdinary) * 60_000,
    resolutionMs: (urgent ? p.escalateResolutionHoursUrgent : p.escalateResolutionHoursOrdinary) * 3_600_000,
    warnMs: p.escalateWarnMinutes * 60_000,
  };
}

/** The current level has answered: an instruction recorded there since it took the report. */
export function answered(timeline: readonly TimelineEvent[], level: EscalationLevel, since: string): boolean {
  return timeline.some((e) => e.kind === 'instructed' && e.level === level && e.at >= since);
}

export interface Holding {
  index: number;
  since: string;
  /** Moves up the timers imply, oldest first. */
  moves: { at: string; from: EscalationLevel; to: EscalationLevel }[];
}

/**
 * The automatic move up (escalate.level-by-level, escalate.must-report "promptly"): a level that has not
 * answered within the response target passes the report to the next level, at the instant the target ran
 * out, and so on up to the top. Pure, from stored facts and the clock: every desk and the server derive the
 * same holder at the same instant, and the next write records the moves (docs/DECISIONS.md).
 */
export function holdingAt(o: { chain: readonly EscalationLevel[]; index: number; since: string; open: boolean; timeline: readonly TimelineEvent[]; responseMs: number }, now: string): Holding {
  const out: Holding = { index: o.index, since: o.since, moves: [] };
  if (!o.open) return out;
  while (out.index < o.chain.length - 1 && !answered(o.timeline, o.chain[out.index]!, out.since)) {
    const due = new Date(Date.parse(out.since) + o.responseMs).toISOString();
    if (due > now) break;
    out.moves.push({ at: due, from: o.chain[out.index]!, to: o.chain[out.index + 1]! });
    out.index += 1;
    out.since = due;
  }
  return out;
}

/** The reporter owes an acknowledgement of the latest instruction. */
export function awaitingAcknowledgement(timeline: readonly TimelineEvent[]): boolean {
  const last = [...timeline].reverse().find((e) => e.kind === 'instructed' || e.kind === 'acknowledged');
  return last?.kind === 'instructed';
}

/** The latest acknowledgement recorded a disagreement: escalate.instructions lets the reporter raise it upward (having executed first). */
export function disagreed(timeline: readonly TimelineEvent[]): boolean {
  const last = [...timeline].reverse().find((e) => e.kind === 'instructed' || e.kind === 'acknowledged' || e.kind === 'forwarded' || e.kind === 'auto-forwarded');
  return last?.kind === 'acknowledged' && last.text.trim() !== '';
}
