import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import { daysBetween } from './day-kind';
import type { calendarMethods } from './methods';

type M = typeof calendarMethods;

export const calendarDays: Handler<M['calendar.days']> = async (ctx, input) => {
  if (Date.parse(input.to) - Date.parse(input.from) > 366 * 86_400_000)
    throw new DeskError({ code: 'invalid_input', message: 'At most a year at a time', fields: [{ path: 'to', code: 'err.range', message: 'Too long' }] });
  return daysBetween(input.from, input.to, await ctx.store.calendar.overrides(input.from, input.to));
};

export const importCalendar: Handler<M['calendar.import']> = async (ctx, input) => {
  const seen = new Set<string>();
  for (const [i, d] of input.days.entries()) {
    if (seen.has(d.date)) throw new DeskError({ code: 'invalid_input', message: `${d.date} appears twice`, fields: [{ path: `days.${i}.date`, code: 'err.duplicateDate', message: d.date }] });
    seen.add(d.date);
  }
  for (const d of input.days) await ctx.store.calendar.put({ ...d, updatedBy: ctx.actor.userId, updatedAt: ctx.now });
  return { saved: input.days.length };
};

export const calendarOverrides: Handler<M['calendar.overrides']> = async (ctx) => ctx.store.calendar.overrides('0000-01-01', '9999-12-31');

export const calendarHandlers = { 'calendar.days': calendarDays, 'calendar.overrides': calendarOverrides, 'calendar.import': importCalendar };
