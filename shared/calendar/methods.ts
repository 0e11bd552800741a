import { z } from 'zod';
import { CalendarDay, Text } from '../api/fields';
import { defineMethod } from '../api/method';

const DayInfoSchema = z.object({ date: z.string(), kind: z.enum(['holiday', 'makeUpWorkday', 'weekend', 'workday']), holiday: z.string().nullable() });

export const calendarMethods = {
  /** Every day in a range with its kind (public holiday, make-up working day, weekend, working day). */
  'calendar.days': defineMethod({
    kind: 'query',
    access: 'authenticated',
    input: z.object({ from: CalendarDay, to: CalendarDay }).refine((v) => v.from <= v.to, { path: ['to'], error: 'err.range' }),
    output: z.array(DayInfoSchema),
  }),
  /** The center's own days (imported or corrected), as every desk holds them. */
  'calendar.overrides': defineMethod({
    kind: 'query',
    access: 'authenticated',
    input: z.object({}),
    output: z.array(z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() })),
  }),
  /** A center's own days (e.g. from an ICS file), winning over the built-in list. */
  'calendar.import': defineMethod({
    kind: 'mutation',
    audit: true,
    access: ['department_director', 'center_director', 'admin'],
    input: z.object({
      days: z
        .array(z.object({ date: CalendarDay, kind: z.enum(['holiday', 'workday']), name: Text(64) }))
        .min(1)
        .max(400),
    }),
    output: z.object({ saved: z.number().int() }),
  }),
};
