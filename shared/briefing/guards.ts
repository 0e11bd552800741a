import { DeskError } from '../api/errors';
import type { HandlerContext } from '../api/method';
import { floor } from '../handover/floor';
import type { RuleCheck } from '../rules/check';
import type { RuleId } from '../rules/registry';

type Field = { path: string; code: string; message: string };

/** A refused decision: every failed rule (the wire's checks) and the fields it concerns; nothing written. */
export function refusal(what: string, checks: readonly RuleCheck[], fields: Field[]): DeskError {
  const failed = checks.filter((c) => c.status === 'fail');
  return new DeskError({
    code: 'rule_violation',
    message: `${what} breaks ${failed.map((c) => c.ruleId).join(', ')}`,
    ruleIds: failed.map((c) => c.ruleId),
    params: failed[0]!.params,
    checks: failed.map((c) => ({ ruleId: c.ruleId, params: c.params })),
    fields,
  });
}

/** A team lead keeps their own team's records; directors any team's. The refusal names the rule the record serves. */
export function ownTeam(ctx: HandlerContext, teamId: string, ruleId: RuleId, path = 'teamId'): void {
  if (ctx.actor.role === 'team_lead' && ctx.actor.teamId !== teamId)
    throw new DeskError({ code: 'forbidden', message: 'A team lead keeps their own team’s records', ruleIds: [ruleId], fields: [{ path, code: 'err.notYourTeam', message: teamId }] });
}

export function notFound(what: string, path: string, code: string, id: string): DeskError {
  return new DeskError({ code: 'not_found', message: `No such ${what}`, fields: [{ path, code, message: id }] });
}

/**
 * One shift of one team on a day as the live floor has it (handover's facts: who is rostered, swapped in, checked
 * in, late, on leave), read through the floor itself so roll call and floor never disagree.
 */
export async function floorShift(ctx: HandlerContext, o: { date: string; teamId: string; shiftCode: string; shiftPath?: string }) {
  const f = await floor(ctx, { date: o.date });
  const team = f.teams.find((t) => t.teamId === o.teamId);
  if (!team) throw notFound('team', 'teamId', 'err.briefingTeam', o.teamId);
  const shift = team.shifts.find((s) => s.code === o.shiftCode);
  if (!shift) throw new DeskError({ code: 'invalid_input', message: 'No such shift type', fields: [{ path: o.shiftPath ?? 'shiftCode', code: 'err.shiftCode', message: o.shiftCode }] });
  return shift;
}
