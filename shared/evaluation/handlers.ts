import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { policyOn } from '../policy/in-force';
import { scopeFor } from '../sync/scope';
import type { evaluationMethods } from './methods';
import type { EvaluationRow } from './port';
import { evaluate, evaluationId, lastDayOf } from './rules';
import type { Evaluation } from './schemas';

type M = typeof evaluationMethods;

/** The row with its indicators, under the policy in force on the period's last day. */
async function view(ctx: HandlerContext, row: EvaluationRow): Promise<Evaluation> {
  const p = await policyOn(ctx.store, lastDayOf(row.month));
  return { ...row, result: evaluate(row, p) };
}

export const saveEvaluation: Handler<M['evaluation.save']> = async (ctx, input) => {
  if (!(await ctx.store.org.teamExists(input.teamId))) throw new DeskError({ code: 'invalid_input', message: 'No such team', fields: [{ path: 'teamId', code: 'err.unknownTeam', message: input.teamId }] });
  const counts = Array.from({ length: input.surveyScale }, (_, i) => input.surveyCounts.find((c) => c.point === i + 1)?.count ?? 0);
  const id = evaluationId(input.teamId, input.month);
  await ctx.store.evaluation.put({
    id,
    teamId: input.teamId,
    month: input.month,
    surveyScale: input.surveyScale,
    surveyCounts: counts,
    complaintSource: input.complaintSource,
    complaints: input.complaints,
    complaintsResolved: input.complaintsResolved,
    suggestions: input.suggestions,
    suggestionsResolved: input.suggestionsResolved,
    plansRated: input.plansRated,
    plansSatisfied: input.plansSatisfied,
    incidents: input.incidents,
    enteredBy: ctx.actor.userId,
    updatedAt: ctx.now,
  });
  const saved = await ctx.store.evaluation.get(id);
  if (!saved) throw new Error('evaluation vanished inside its own transaction');
  return view(ctx, saved);
};

export const listEvaluations: Handler<M['evaluation.list']> = async (ctx, input) => {
  const rows = await ctx.store.evaluation.list({ scope: scopeFor(ctx.actor, 'center_evaluations'), fromMonth: input.from, toMonth: input.to, teamId: input.teamId });
  return Promise.all(rows.map((r) => view(ctx, r)));
};

export const evaluationHandlers = { 'evaluation.save': saveEvaluation, 'evaluation.list': listEvaluations };
