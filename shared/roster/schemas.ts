import { z } from 'zod';
import { CalendarDay, Id, Month, Text } from '../api/fields';
import { LocalNamesSchema } from '../i18n/local-names';

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'err.timeOfDay' });
const DateStr = CalendarDay;

export const ShiftTypeSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{0,7}$/, { error: 'err.shiftCode' }),
  name: Text(32, { required: true }),
  start: TimeOfDay,
  /** At or before `start`: the shift ends the next day. */
  end: TimeOfDay,
  night: z.boolean(),
  /** Minimum people on this shift, per team id. */
  minCoverage: z.record(Text(64, { trim: false }), z.number().int().min(0).max(500)),
  /** Its name in each UI language, and a short one (1–4 characters) for the month grid's cells. */
  names: LocalNamesSchema.optional(),
  shortNames: LocalNamesSchema.optional(),
});
export type ShiftType = z.infer<typeof ShiftTypeSchema>;

/** What a center starts with: three 8-hour shifts. Centers rename, retime or add their own. */
export const DEFAULT_SHIFT_TYPES: readonly ShiftType[] = [
  { code: 'D', name: '白班', start: '08:00', end: '16:00', night: false, minCoverage: { 'team-a': 2, 'team-b': 2 }, names: { 'zh-CN': '白班', 'zh-TW': '白班', en: 'Day shift' }, shortNames: { 'zh-CN': '白', 'zh-TW': '白', en: 'Day' } },
  { code: 'E', name: '中班', start: '16:00', end: '00:00', night: false, minCoverage: { 'team-a': 1, 'team-b': 1 }, names: { 'zh-CN': '中班', 'zh-TW': '中班', en: 'Evening shift' }, shortNames: { 'zh-CN': '中', 'zh-TW': '中', en: 'Eve' } },
  { code: 'N', name: '夜班', start: '00:00', end: '08:00', night: true, minCoverage: { 'team-a': 1, 'team-b': 1 }, names: { 'zh-CN': '夜班', 'zh-TW': '夜班', en: 'Night shift' }, shortNames: { 'zh-CN': '夜', 'zh-TW': '夜', en: 'Night' } },
];

export const RosterEntrySchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  teamId: z.string().nullable(),
  date: z.string(),
  shiftCode: z.string(),
  /** False while only this desk has the change. */
  synced: z.boolean(),
});
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

export const RosterPersonSchema = z.object({
  userId: z.string(),
  username: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  jobType: z.string(),
  skillLevel: z.number().int(),
});
export type RosterPerson = z.infer<typeof RosterPersonSchema>;

export const MonthInputSchema = z.object({
  month: Month,
  teamId: Text(64, { trim: false }).optional(),
});

export const AssignInputSchema = z.object({
  id: z.uuid(),
  userId: Id(),
  date: DateStr,
  /** null clears the day (rest day). */
  shiftCode: Text(8, { trim: false }).nullable(),
});

export const MineInputSchema = z.object({ from: DateStr, days: z.number().int().min(1).max(92).default(31) });
