import { z } from 'zod';
import { CalendarDay, Id, Text } from '../api/fields';
import { RuleCheckSchema } from '../rules/check';
import { AwaySchema } from './away';

/** One person's attendance on one rostered shift: checked in (and when, how late), checked out. */
export const AttendanceSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  teamId: z.string().nullable(),
  date: z.string(),
  shiftCode: z.string(),
  checkedInAt: z.string(),
  /** Minutes after the shift's start (0 when on time or early). */
  lateMinutes: z.number().int(),
  /** The violation recorded through leave.discipline for this check-in, if any. */
  violationId: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  ruleIds: z.array(z.string()),
  synced: z.boolean(),
});
export type Attendance = z.infer<typeof AttendanceSchema>;

/** A lead lets a person leave without waiting for the incoming colleague or before the shift's end, with a reason. */
export const ReleaseSchema = z.object({
  id: z.string(),
  userId: z.string(),
  teamId: z.string().nullable(),
  date: z.string(),
  reason: z.string(),
  releasedBy: z.string(),
  releasedByName: z.string(),
  createdAt: z.string(),
});
export type Release = z.infer<typeof ReleaseSchema>;

/** The sections of a handover log (handover.log-contents: the first three; handover.meeting: the rest). */
export const LOG_SECTIONS = ['equipment', 'issues', 'staff', 'instructions', 'complaints', 'carryOver'] as const;
export type LogSection = (typeof LOG_SECTIONS)[number];
export const LOG_CONTENTS_SECTIONS: readonly LogSection[] = ['equipment', 'issues', 'staff'];

/** "Nothing to report" is a choice the writer makes, never what a blank means. */
const SectionSchema = z.object({ nothing: z.boolean(), text: Text(2000, { multiline: true }) });
export type LogSectionValue = z.infer<typeof SectionSchema>;
export const SectionsSchema = z.object(Object.fromEntries(LOG_SECTIONS.map((k) => [k, SectionSchema])) as Record<LogSection, typeof SectionSchema>);
export type Sections = z.infer<typeof SectionsSchema>;

const CorrectionSchema = z.object({ by: z.string(), byName: z.string(), at: z.string(), text: z.string() });

export const HandoverLogSchema = z.object({
  id: z.string(),
  teamId: z.string().nullable(),
  date: z.string(),
  fromShift: z.string(),
  toShift: z.string(),
  toDate: z.string(),
  writtenBy: z.string(),
  writtenByName: z.string(),
  writtenAt: z.string(),
  sections: SectionsSchema,
  ackedBy: z.string().nullable(),
  ackedByName: z.string().nullable(),
  ackedAt: z.string().nullable(),
  /** Appended after writing; the log itself never changes. */
  corrections: z.array(CorrectionSchema),
  synced: z.boolean(),
});
export type HandoverLog = z.infer<typeof HandoverLogSchema>;

export const CheckInInputSchema = z.object({ date: CalendarDay });
export const CheckInResultSchema = z.object({ attendance: AttendanceSchema, checks: z.array(RuleCheckSchema) });

export const ReleaseInputSchema = z.object({ id: z.uuid(), userId: Id(), date: CalendarDay, reason: Text(200, { required: true, multiline: true }) });

export const WriteLogInputSchema = z.object({ id: z.uuid(), date: CalendarDay, fromShift: Text(8, { trim: false }), sections: SectionsSchema });

/** The person's shift on a day and where it stands: what the home key shows. */
export const MyShiftSchema = z.object({
  date: z.string(),
  shift: z.object({ code: z.string(), start: z.string(), end: z.string() }).nullable(),
  attendance: AttendanceSchema.nullable(),
  /** When check-in opens and closes (ISO instants), null without a shift. */
  opensAt: z.string().nullable(),
  released: z.boolean(),
  /** The person's time away not yet closed (asked, or allowed and running). */
  away: AwaySchema.nullable(),
  /** The next shift of the same team: who comes in, and whether any of them has checked in. */
  incoming: z.object({ shift: z.string(), date: z.string(), names: z.array(z.string()), checkedIn: z.array(z.string()) }).nullable(),
});

export const FLOOR_STATES = ['due', 'checkedIn', 'late', 'away', 'onLeave', 'missing', 'checkedOut'] as const;
export type FloorState = (typeof FLOOR_STATES)[number];

export const FloorPersonSchema = z.object({
  userId: z.string(),
  name: z.string(),
  state: z.enum(FLOOR_STATES),
  /** Works this shift for an approved swap (its swapped-in or pay-back shift): counts as their own. */
  swappedIn: z.boolean(),
  checkedInAt: z.string().nullable(),
  /** When they left (the floor shows "07:50–15:50", not a bare check-in time beside "checked out"). */
  checkedOutAt: z.string().nullable(),
  lateMinutes: z.number().int(),
  released: z.boolean(),
  /** An open time away: asked (waiting for the lead) or allowed (since when, for how long). */
  away: z.object({ id: z.string(), reason: z.string(), approvedAt: z.string().nullable(), limitMinutes: z.number().int() }).nullable(),
});

export const FloorSchema = z.object({
  date: z.string(),
  teams: z.array(
    z.object({
      teamId: z.string(),
      shifts: z.array(
        z.object({
          code: z.string(),
          start: z.string(),
          end: z.string(),
          minCoverage: z.number().int(),
          /** Checked in and not yet out. */
          present: z.number().int(),
          people: z.array(FloorPersonSchema),
        }),
      ),
    }),
  ),
});
export type Floor = z.infer<typeof FloorSchema>;

export const StaffChangesSchema = z.object({
  swaps: z.array(z.object({ requester: z.string(), partner: z.string(), giveDate: z.string(), takeDate: z.string() })),
  leave: z.array(z.object({ name: z.string() })),
});
