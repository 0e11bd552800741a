import { z } from 'zod';
import { CalendarDay, Text } from '../api/fields';
import { defineMethod } from '../api/method';
import { PolicyValuesSchema, PolicyVersionSchema } from './schema';

export const policyMethods = {
  /** The policy in force today (or on `date`), for every decision a desk makes. */
  'policy.current': defineMethod({
    kind: 'query',
    access: 'authenticated',
    input: z.object({ date: CalendarDay.optional() }),
    output: PolicyVersionSchema,
  }),
  /** Every version ever saved, newest first: the audit of policy changes. Everyone reads the rules they are judged by. */
  'policy.history': defineMethod({
    kind: 'query',
    access: 'authenticated',
    input: z.object({}),
    output: z.array(PolicyVersionSchema),
  }),
  'policy.update': defineMethod({
    kind: 'mutation',
    audit: true,
    access: ['center_director'],
    input: z.object({
      id: z.uuid(),
      effectiveFrom: CalendarDay,
      values: PolicyValuesSchema,
      note: Text(500, { multiline: true }).default(''),
    }),
    output: PolicyVersionSchema,
  }),
};
