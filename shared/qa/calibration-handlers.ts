import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { ruleError } from '../rules/check';
import type { RuleId } from '../rules/registry';
import { ALL } from '../sync/scope-rules';
import { scopeFor } from '../sync/scope';
import { throwIfBadAnswers } from './answer-check';
import { calibrationResults } from './calibration';
import { CALIBRATORS, type Calibration, type CalibrationView } from './calibration-schemas';
import type { qaMethods } from './methods';
import { scoreEvaluation } from './score';
import type { Template } from './schemas';
import { DEFAULT_TEMPLATE } from './template';

type M = typeof qaMethods;
type Code = 'forbidden' | 'conflict' | 'not_found' | 'invalid_input';

const RULES: RuleId[] = ['qa.calibration'];
const refuse = (code: Code, message: string, path: string, key: string, params?: Record<string, string | number>, ruleIds: RuleId[] = RULES) =>
  ruleError({ code, message, ruleIds, ...(params ? { params } : {}), fields: [{ path, code: key, message }] });

const isCalibrator = (role: string) => (CALIBRATORS as readonly string[]).includes(role);

async function templateById(ctx: HandlerContext, id: string): Promise<Template | null> {
  return [DEFAULT_TEMPLATE, ...(await ctx.store.qa.templates())].find((t) => t.id === id) ?? null;
}

async function loadSession(ctx: HandlerContext, id: string, path: string): Promise<Calibration> {
  const c = await ctx.store.qa.calibration(id);
  if (!c) throw refuse('not_found', 'No such calibration session', path, 'err.calibrationNotFound');
  return c;
}

/**
 * A session as one reader sees it. Blind: the others' scores (and so deviations and agreement) only once the
 * session is closed. The handler reads every score row regardless of the reader's sync scope, because it
 * decides the blindness itself; a desk holds only its own rows, so on a desk a closed session's results may
 * be out of reach (`resultsElsewhere`) until the server answers.
 */
async function views(ctx: HandlerContext, sessions: readonly Calibration[]): Promise<CalibrationView[]> {
  if (sessions.length === 0) return [];
  const people = new Map((await ctx.store.org.people()).map((p) => [p.userId, p.displayName]));
  const nameOf = (id: string) => people.get(id) ?? id;
  const scores = await ctx.store.qa.calibrationScores({ scope: ALL, sessionIds: sessions.map((s) => s.id) });
  const templates = [DEFAULT_TEMPLATE, ...(await ctx.store.qa.templates())];
  const out: CalibrationView[] = [];
  for (const s of sessions) {
    const mine = scores.find((x) => x.sessionId === s.id && x.inspectorId === ctx.actor.userId) ?? null;
    const all = scores.filter((x) => x.sessionId === s.id);
    const call = await ctx.store.calls.get(s.callId, scopeFor(ctx.actor, 'calls'));
    const t = templates.find((x) => x.id === s.templateVersionId);
    const complete = s.status === 'closed' && all.length >= s.scored.length && all.length >= 2;
    const invited = s.participants.includes(ctx.actor.userId);
    out.push({
      ...s,
      ownerName: nameOf(s.ownerId),
      participantNames: Object.fromEntries(s.participants.map((p) => [p, nameOf(p)])),
      call: call ? { agentName: call.agentName, startedAt: call.startedAt, category: call.category, summary: call.summary } : null,
      myScore: mine,
      mine: { invited, owner: s.ownerId === ctx.actor.userId, mayScore: invited && !mine && s.status === 'open', mayClose: s.ownerId === ctx.actor.userId && s.status === 'open' && s.scored.length >= 2 },
      results:
        complete && t
          ? calibrationResults(
              t,
              // In the order they were invited, so the chart reads the same for everyone.
              s.participants.flatMap((p) => all.filter((x) => x.inspectorId === p)).map((x) => ({ ...x, inspectorName: nameOf(x.inspectorId) })),
              s.referenceId,
            )
          : null,
      resultsElsewhere: s.status === 'closed' && !complete,
    });
  }
  return out;
}

const viewOf = async (ctx: HandlerContext, id: string) => (await views(ctx, [(await ctx.store.qa.calibration(id))!]))[0]!;

export const calibrationOpen: Handler<M['qa.calibrationOpen']> = async (ctx, input) => {
  if (await ctx.store.qa.calibration(input.id)) throw new DeskError({ code: 'conflict', message: 'This record already exists', fields: [{ path: 'id', code: 'err.duplicateId', message: input.id }] });
  const call = await ctx.store.calls.get(input.callId, scopeFor(ctx.actor, 'calls'));
  if (!call) throw refuse('not_found', 'No such call', 'callId', 'err.callNotFound');
  if (!(await templateById(ctx, input.templateVersionId))) throw refuse('not_found', 'No such template version', 'templateVersionId', 'err.templateNotFound', undefined, ['qa.form']);
  const participants = [...new Set(input.participants)];
  if (participants.length < 2) throw refuse('invalid_input', 'Invite at least two inspectors', 'participants', 'err.calibrationTooFew', { min: 2 });
  const people = new Map((await ctx.store.org.people()).map((p) => [p.userId, p]));
  const bad = participants.findIndex((id) => {
    const p = people.get(id);
    return !p || !p.active || !isCalibrator(p.role);
  });
  if (bad >= 0) throw refuse('invalid_input', 'Only active QA inspectors and directors can score a calibration', `participants.${bad}`, 'err.calibrationNotInspector');
  if (participants.includes(call.agentId)) throw refuse('invalid_input', 'The call is their own', 'participants', 'err.ownCall', undefined, ['qa.form']);
  if (input.referenceId !== null && !participants.includes(input.referenceId))
    throw refuse('invalid_input', 'The reference scorer must be one of the invited', 'referenceId', 'err.calibrationReferenceNotInvited');
  await ctx.store.qa.putCalibration({
    id: input.id,
    callId: call.id,
    templateVersionId: input.templateVersionId,
    ownerId: ctx.actor.userId,
    participants,
    referenceId: input.referenceId,
    note: input.note,
    scored: [],
    status: 'open',
    closedAt: null,
    closedBy: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return viewOf(ctx, input.id);
};

export const calibrationScore: Handler<M['qa.calibrationScore']> = async (ctx, input) => {
  if (await ctx.store.qa.calibrationScore(input.id)) throw new DeskError({ code: 'conflict', message: 'This record already exists', fields: [{ path: 'id', code: 'err.duplicateId', message: input.id }] });
  const s = await loadSession(ctx, input.sessionId, 'sessionId');
  if (!s.participants.includes(ctx.actor.userId)) throw refuse('forbidden', 'You are not invited to this calibration', 'sessionId', 'err.calibrationNotInvited');
  if (s.status === 'closed') throw refuse('conflict', 'This calibration is closed', 'sessionId', 'err.calibrationClosed');
  if (s.scored.some((x) => x.inspectorId === ctx.actor.userId)) throw refuse('conflict', 'You have scored this calibration already', 'sessionId', 'err.calibrationAlreadyScored');
  const t = await templateById(ctx, s.templateVersionId);
  if (!t) throw refuse('not_found', 'No such template version', 'sessionId', 'err.templateNotFound', undefined, ['qa.form']);
  throwIfBadAnswers(t, input.answers);
  const result = scoreEvaluation(t, input.answers);
  if (result.score === null) throw refuse('invalid_input', 'Score at least one criterion', 'answers', 'err.allNa', undefined, ['qa.criteria']);
  if (Math.abs(result.score - input.expectedScore) > 0.005) throw refuse('conflict', 'The score does not match the scorecard', 'expectedScore', 'err.scoreMismatch', { score: result.score }, ['qa.form']);
  await ctx.store.qa.putCalibrationScore({
    id: input.id,
    sessionId: s.id,
    inspectorId: ctx.actor.userId,
    answers: input.answers,
    comments: input.comments,
    details: input.details,
    score: result.score,
    critical: result.critical,
    createdAt: ctx.now,
  });
  const scored = [...s.scored, { inspectorId: ctx.actor.userId, at: ctx.now }];
  // The last invited inspector's score closes the session: nobody is left to keep blind.
  const done = s.participants.every((p) => scored.some((x) => x.inspectorId === p));
  await ctx.store.qa.putCalibration({ ...s, scored, ...(done ? { status: 'closed' as const, closedAt: ctx.now, closedBy: null } : {}), updatedAt: ctx.now });
  return viewOf(ctx, s.id);
};

export const calibrationClose: Handler<M['qa.calibrationClose']> = async (ctx, input) => {
  const s = await loadSession(ctx, input.id, 'id');
  if (s.ownerId !== ctx.actor.userId) throw refuse('forbidden', 'Only the one who opened the session closes it', 'id', 'err.calibrationNotOwner');
  if (s.status === 'closed') throw refuse('conflict', 'This calibration is closed', 'id', 'err.calibrationClosed');
  if (s.scored.length < 2) throw refuse('conflict', 'At least two scores are needed to compare', 'id', 'err.calibrationTooFewScores', { min: 2, scored: s.scored.length });
  await ctx.store.qa.putCalibration({ ...s, status: 'closed', closedAt: ctx.now, closedBy: ctx.actor.userId, updatedAt: ctx.now });
  return viewOf(ctx, s.id);
};

export const calibrations: Handler<M['qa.calibrations']> = async (ctx) => views(ctx, await ctx.store.qa.calibrations());

export const calibrationHandlers = {
  'qa.calibrationOpen': calibrationOpen,
  'qa.calibrationScore': calibrationScore,
  'qa.calibrationClose': calibrationClose,
  'qa.calibrations': calibrations,
};
