import { ruleError } from '../rules/check';
import type { Answer, TemplateBody } from './schemas';
import { answerProblems } from './score';

/** Refuses answers that do not fit the template, naming the first offending answer (evaluations and calibration alike). */
export function throwIfBadAnswers(t: TemplateBody, answers: readonly Answer[]): void {
  const [p] = answerProblems(t, answers);
  if (!p) return;
  const i = answers.findIndex((a) => a.criterionId === p.criterionId);
  const path = p.kind === 'missing' ? 'answers' : p.kind === 'unknown' ? `answers.${i}.criterionId` : `answers.${i}.value`;
  const key = { missing: 'err.answerMissing', unknown: 'err.criterionUnknown', offScale: 'err.offScale', naNotAllowed: 'err.naNotAllowed' }[p.kind];
  const message = `Answer for ${p.criterionId}: ${p.kind}`;
  throw ruleError({ code: 'invalid_input', message, ruleIds: ['qa.criteria'], params: { criterionId: p.criterionId }, fields: [{ path, code: key, message }] });
}
