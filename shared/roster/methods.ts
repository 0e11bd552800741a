import { z } from 'zod';
import { defineMethod } from '../api/method';
import { RosterImportInputSchema } from './import';
import { AssignInputSchema, MineInputSchema, MonthInputSchema, RosterEntrySchema, RosterPersonSchema, ShiftTypeSchema } from './schemas';

const DayInfoSchema = z.object({ date: z.string(), kind: z.enum(['holiday', 'makeUpWorkday', 'weekend', 'workday']), holiday: z.string().nullable() });

export const rosterMethods = {
  'roster.shiftTypes': defineMethod({ kind: 'query', access: 'authenticated', input: z.object({}), output: z.array(ShiftTypeSchema) }),
  /** The month grid: people × days, with coverage per day and shift against each minimum (agents: their team's, read only). */
  'roster.month': defineMethod({
    kind: 'query',
    access: ['agent', 'team_lead', 'department_director', 'center_director', 'qa_inspector', 'admin'],
    input: MonthInputSchema,
    output: z.object({
      days: z.array(DayInfoSchema),
      teams: z.array(z.object({ id: z.string(), name: z.string() })),
      /** Per person, one shift code per day of `days` ('' = rest) and the day indexes only this desk has yet: compact, because a 500-person month is 15 000 cells. */
      /** `leave`: day indexes on approved leave (the cell is marked and the shift does not count towards coverage). */
      people: z.array(RosterPersonSchema.extend({ shifts: z.array(z.string()), pending: z.array(z.number().int()), leave: z.array(z.number().int()) })),
      coverage: z.array(z.object({ date: z.string(), shiftCode: z.string(), count: z.number().int(), min: z.number().int() })),
    }),
  }),
  /** "My shifts": the signed-in person's coming days, with the real start and end instants. */
  'roster.mine': defineMethod({
    kind: 'query',
    access: ['agent', 'team_lead'],
    input: MineInputSchema,
    output: z.array(
      z.object({ date: z.string(), shiftCode: z.string(), shiftName: z.string(), startsAt: z.string(), endsAt: z.string(), day: DayInfoSchema, entryId: z.string() }),
    ),
  }),
  'roster.assign': defineMethod({
    kind: 'mutation',
    access: ['team_lead', 'department_director', 'center_director'],
    input: AssignInputSchema,
    output: RosterEntrySchema.nullable(),
  }),
  /** Add or change a shift type (code, times, night flag, minimum coverage per team). */
  'roster.saveShiftType': defineMethod({
    kind: 'mutation',
    audit: true,
    access: ['department_director', 'center_director'],
    input: ShiftTypeSchema,
    output: ShiftTypeSchema,
  }),
  /** A month from a spreadsheet, all or nothing: any row error and nothing is written. */
  'roster.import': defineMethod({
    kind: 'mutation',
    access: ['team_lead', 'department_director', 'center_director'],
    input: RosterImportInputSchema,
    output: z.object({ written: z.number().int(), cleared: z.number().int(), kept: z.number().int() }),
  }),
};
