import { addDays, weekday } from '../calendar/day-kind';
import { criterionScore } from './score';
import type { Evaluation, Names, Template } from './schemas';
import { criterionOf } from './template';

/**
 * qa.weekly: how a weekly summary turns scores into a training plan. A criterion is weak for an agent when
 * their average on it is below WEAK_BELOW (of 100). Weak for at least TEAM_SHARE of the agents evaluated
 * (and for two or more of them) → one team-wide training item; otherwise one individual item per weak
 * agent. Team-wide items are the common problems qa.rollcall briefs at roll call.
 */
export const WEAK_BELOW = 70;
export const TEAM_SHARE = 1 / 3;
export const TEAM_MIN_AGENTS = 2;

/** The Monday of a day's week (weeks run Monday to Sunday, as the floor counts them). */
export const mondayOf = (day: string): string => addDays(day, -((weekday(day) + 6) % 7));

export const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100);

type Scored = Pick<Evaluation, 'agentId' | 'templateVersionId' | 'answers'>;

/** Each criterion's scores (0..100, N/A left out) per agent, with the criterion's names. */
export function criterionScores(evaluations: readonly Scored[], templates: ReadonlyMap<string, Template>) {
  const out = new Map<string, { names: Names; byAgent: Map<string, number[]> }>();
  for (const e of evaluations) {
    const t = templates.get(e.templateVersionId);
    if (!t) continue;
    for (const a of e.answers) {
      const c = criterionOf(t, a.criterionId);
      const s = c ? criterionScore(c, a.value) : null;
      if (!c || s === null) continue;
      const slot = out.get(c.id) ?? out.set(c.id, { names: c.names, byAgent: new Map() }).get(c.id)!;
      (slot.byAgent.get(e.agentId) ?? slot.byAgent.set(e.agentId, []).get(e.agentId)!).push(s);
    }
  }
  return out;
}

export interface CriterionFigure {
  criterionId: string;
  names: Names;
  /** The average over every scored answer. */
  average: number;
  /** Agents with at least one scored answer on it. */
  agents: number;
  /** Agents whose own average on it is below WEAK_BELOW, weakest first. */
  weak: { agentId: string; average: number }[];
}

/** Per criterion across agents, weakest first (ties by id, so the order is stable). */
export function criterionFigures(evaluations: readonly Scored[], templates: ReadonlyMap<string, Template>): CriterionFigure[] {
  return [...criterionScores(evaluations, templates).entries()]
    .map(([criterionId, v]) => {
      const perAgent = [...v.byAgent.entries()].map(([agentId, xs]) => ({ agentId, average: mean(xs)! }));
      return {
        criterionId,
        names: v.names,
        average: mean([...v.byAgent.values()].flat())!,
        agents: perAgent.length,
        weak: perAgent.filter((a) => a.average < WEAK_BELOW).sort((x, y) => x.average - y.average || (x.agentId < y.agentId ? -1 : 1)),
      };
    })
    .sort((x, y) => x.average - y.average || (x.criterionId < y.criterionId ? -1 : 1));
}

export interface PlanItem {
  scope: 'team' | 'agent';
  criterionId: string;
  names: Names;
  /** The agents it is for (every weak one for a team item). */
  agentIds: string[];
  /** Their average on the criterion (the weak agents' mean for a team item). */
  average: number;
}

/** Whether a criterion weak for `weak` of `evaluated` agents calls for team-wide training (qa.weekly). */
export const teamWide = (weak: number, evaluated: number): boolean => weak >= TEAM_MIN_AGENTS && evaluated > 0 && weak / evaluated >= TEAM_SHARE - 1e-9;

/** qa.weekly: the training plan derived from the criteria figures and the number of agents evaluated. */
export function trainingPlan(criteria: readonly CriterionFigure[], evaluatedAgents: number): PlanItem[] {
  const out: PlanItem[] = [];
  for (const c of criteria) {
    if (c.weak.length === 0) continue;
    if (teamWide(c.weak.length, evaluatedAgents)) out.push({ scope: 'team', criterionId: c.criterionId, names: c.names, agentIds: c.weak.map((w) => w.agentId), average: mean(c.weak.map((w) => w.average))! });
    else for (const w of c.weak) out.push({ scope: 'agent', criterionId: c.criterionId, names: c.names, agentIds: [w.agentId], average: w.average });
  }
  return out;
}
