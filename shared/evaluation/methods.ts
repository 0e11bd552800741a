import { z } from 'zod';
import { defineMethod } from '../api/method';
import { EvaluationSchema, ListEvaluationsSchema, SaveEvaluationSchema } from './schemas';

/**
 * seeds/000 四(一): the customer service department (客户服务部) runs the evaluation — its directors and the
 * QA inspectors enter a unit's month; directors and QA read every unit, a team lead their own team.
 */
const ENTER = ['qa_inspector', 'department_director', 'center_director'] as const;
const READ = ['team_lead', 'qa_inspector', 'department_director', 'center_director'] as const;

export const evaluationMethods = {
  /** One unit's inputs for one month: creates the month's record or replaces it (one per team and month). */
  'evaluation.save': defineMethod({ kind: 'mutation', access: ENTER, input: SaveEvaluationSchema, output: EvaluationSchema, audit: true }),
  /** The months [from, to] in the reader's scope, each with its indicators and composite. */
  'evaluation.list': defineMethod({ kind: 'query', access: READ, input: ListEvaluationsSchema, output: z.array(EvaluationSchema) }),
};
