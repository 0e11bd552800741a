import { z } from 'zod';
import { defineMethod } from '../api/method';
import { CallListInputSchema, CallLogInputSchema, CallRecordSchema } from './schemas';

export const callMethods = {
  'calls.log': defineMethod({
    kind: 'mutation',
    access: ['agent', 'team_lead'],
    input: CallLogInputSchema,
    output: CallRecordSchema,
  }),
  'calls.list': defineMethod({
    kind: 'query',
    access: ['agent', 'team_lead', 'qa_inspector', 'department_director', 'center_director'],
    input: CallListInputSchema,
    output: z.array(CallRecordSchema),
  }),
};
