import { z } from 'zod';
import { CalendarDay as Day, Id, Text } from '../api/fields';
import { defineMethod } from '../api/method';

const ViolationSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  teamId: z.string().nullable(),
  date: z.string(),
  kind: z.enum(['late', 'away']),
  minutes: z.number().int(),
  note: z.string(),
  ruleIds: z.array(z.string()),
  recordedBy: z.string(),
  createdAt: z.string(),
});

/** leave.discipline: the duty lead records lateness or time away; past the threshold without approved leave it is a violation. */
export const disciplineMethods = {
  'discipline.record': defineMethod({
    kind: 'mutation',
    audit: true,
    access: ['team_lead', 'department_director'],
    input: z.object({ id: z.uuid(), userId: Id(), date: Day, kind: z.enum(['late', 'away']), minutes: z.number().int().min(1).max(24 * 60), note: Text(200, { multiline: true }).default('') }),
    output: ViolationSchema,
  }),
  'discipline.list': defineMethod({ kind: 'query', access: ['agent', 'team_lead', 'department_director', 'center_director'], input: z.object({ from: Day }), output: z.array(ViolationSchema) }),
};
