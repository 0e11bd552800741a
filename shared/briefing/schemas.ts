import { z } from 'zod';
import { CalendarDay, Id, Month, Text } from '../api/fields';

/** What the lead ticks for each person at roll call (点名): the floor's states, said the way a roll call says them. */
export const MARKS = ['present', 'late', 'absent', 'leave'] as const;
export type Mark = (typeof MARKS)[number];

/** qa.criteria: what a common issue is about (optional). */
export const CRITERIA = ['wording', 'attitude', 'tone', 'needs', 'adaptability'] as const;
export type Criterion = (typeof CRITERIA)[number];

const ShiftCode = Text(8, { required: true, trim: false });
const Note = (max: number) => Text(max, { multiline: true });

/** A common service-quality problem QA (or a lead, a director) wants briefed at roll call (qa.rollcall). */
export const IssueSchema = z.object({
  id: z.string(),
  title: z.string(),
  seen: z.string(),
  sayInstead: z.string(),
  criterion: z.enum(CRITERIA).nullable(),
  publishedBy: z.string(),
  publishedByName: z.string(),
  publishedAt: z.string(),
  withdrawnBy: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** In how many roll calls the reader can see it was briefed, and the last day it was. */
  briefed: z.number().int(),
  lastBriefed: z.string().nullable(),
});
export type Issue = z.infer<typeof IssueSchema>;

/** Plain input, so a later QA scorecard domain can publish what it finds common without a screen. */
export const PublishIssueInputSchema = z.object({
  id: z.uuid(),
  title: Text(80, { required: true }),
  seen: Text(1000, { required: true, multiline: true }),
  sayInstead: Text(1000, { required: true, multiline: true }),
  criterion: z.enum(CRITERIA).nullable().default(null),
});

/** One person on a roll call: the mark, and the lead's remark (点评) about them, which they may read. */
export const RollCallEntrySchema = z.object({
  id: z.string(),
  rollCallId: z.string(),
  teamId: z.string(),
  date: z.string(),
  shiftCode: z.string(),
  userId: z.string(),
  userName: z.string(),
  mark: z.enum(MARKS),
  remark: z.string(),
});
export type RollCallEntry = z.infer<typeof RollCallEntrySchema>;

/** A roll call: one per team, day and shift, re-saved while it is worked on (each save a new revision). */
export const RollCallSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  date: z.string(),
  shiftCode: z.string(),
  remarks: z.string(),
  /** The common issues ticked as briefed. */
  briefed: z.array(z.string()),
  takenBy: z.string(),
  takenByName: z.string(),
  takenAt: z.string(),
  revision: z.number().int(),
  revisedBy: z.string(),
  revisedByName: z.string(),
  revisedAt: z.string(),
  synced: z.boolean(),
});
export type RollCall = z.infer<typeof RollCallSchema>;

export const RollCallPickSchema = z.object({ date: CalendarDay, teamId: Id(), shiftCode: ShiftCode });

export const SaveRollCallInputSchema = RollCallPickSchema.extend({
  people: z.array(z.object({ userId: Id(), mark: z.enum(MARKS), remark: Note(500) })).max(200),
  remarks: Note(2000),
  briefed: z.array(Id()).max(50),
});

/** Who is due on the shift as the floor sees them now, and the mark the roll call suggests. */
export const DuePersonSchema = z.object({
  userId: z.string(),
  name: z.string(),
  suggested: z.enum(MARKS),
  checkedInAt: z.string().nullable(),
  lateMinutes: z.number().int(),
  /** Checked in at least the policy's early-arrival minutes before the start (handover.early-arrival); null: not in. */
  early: z.boolean().nullable(),
});

export const RollCallSheetSchema = z.object({
  date: z.string(),
  teamId: z.string(),
  shiftCode: z.string(),
  start: z.string(),
  due: z.array(DuePersonSchema),
  saved: RollCallSchema.nullable(),
  entries: z.array(RollCallEntrySchema),
  /** Active common issues (qa.rollcall), newest first. */
  issues: z.array(IssueSchema),
});

/** The items of a handover meeting (handover.meeting): each filled, or "nothing" chosen on purpose. */
export const MEETING_ITEMS = ['business', 'instructions', 'customers', 'process'] as const;
export type MeetingItem = (typeof MEETING_ITEMS)[number];
const ItemSchema = z.object({ nothing: z.boolean(), text: Note(2000) });
export const MeetingItemsSchema = z.object(Object.fromEntries(MEETING_ITEMS.map((k) => [k, ItemSchema])) as Record<MeetingItem, typeof ItemSchema>);
export type MeetingItems = z.infer<typeof MeetingItemsSchema>;

export const SIDES = ['outgoing', 'incoming'] as const;
export const AttendeeSchema = z.object({ userId: z.string(), name: z.string(), side: z.enum(SIDES), present: z.boolean() });

export const MeetingSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  date: z.string(),
  fromShift: z.string(),
  toShift: z.string(),
  toDate: z.string(),
  attendees: z.array(AttendeeSchema),
  items: MeetingItemsSchema,
  heldBy: z.string(),
  heldByName: z.string(),
  heldAt: z.string(),
  /** Appended after saving; the record itself never changes. */
  corrections: z.array(z.object({ by: z.string(), byName: z.string(), at: z.string(), text: z.string() })),
  synced: z.boolean(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const MeetingPickSchema = z.object({ date: CalendarDay, teamId: Id(), fromShift: ShiftCode });
export const HoldMeetingInputSchema = MeetingPickSchema.extend({
  id: z.uuid(),
  attendees: z.array(z.object({ userId: Id(), present: z.boolean() })).max(200),
  items: MeetingItemsSchema,
});

export const MeetingSheetSchema = z.object({
  toShift: z.string().nullable(),
  toDate: z.string().nullable(),
  /** Rostered on the outgoing and the incoming shift of the team; `present` prefilled from check-ins. */
  attendees: z.array(AttendeeSchema),
});

/** A duty-log line (值班日志): what happened on the shift, when. */
export const DUTY_KINDS = ['event', 'problem', 'decision', 'figure'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

export const DutyEntrySchema = z.object({
  id: z.string(),
  teamId: z.string(),
  date: z.string(),
  shiftCode: z.string(),
  /** Local time of day on the floor, HH:MM. */
  time: z.string(),
  kind: z.enum(DUTY_KINDS),
  text: z.string(),
  /** A figure's number (calls waiting, tickets open …); null for other kinds. */
  figure: z.number().nullable(),
  writtenBy: z.string(),
  writtenByName: z.string(),
  writtenAt: z.string(),
  synced: z.boolean(),
});
export type DutyEntry = z.infer<typeof DutyEntrySchema>;

export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'err.timeOfDay' });

export const LogDutyInputSchema = z.object({
  id: z.uuid(),
  date: CalendarDay,
  teamId: Id(),
  shiftCode: ShiftCode,
  time: TimeOfDay,
  kind: z.enum(DUTY_KINDS),
  text: Text(1000, { required: true, multiline: true }),
  figure: z.number().min(-1e9).max(1e9).nullable().default(null),
});

/** A month's duty log in numbers: what the summary starts from. */
export const DutyCountsSchema = z.object({
  shifts: z.number().int(),
  entries: z.number().int(),
  event: z.number().int(),
  problem: z.number().int(),
  decision: z.number().int(),
  figure: z.number().int(),
});
export type DutyCounts = z.infer<typeof DutyCountsSchema>;

/** The duty lead's monthly summary (report.monthly-quality: summarized each month, due by the policy's day). */
export const SummarySchema = z.object({
  id: z.string(),
  teamId: z.string(),
  month: z.string(),
  text: z.string(),
  counts: DutyCountsSchema,
  writtenBy: z.string(),
  writtenByName: z.string(),
  writtenAt: z.string(),
  revision: z.number().int(),
  synced: z.boolean(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const SummaryPickSchema = z.object({ teamId: Id(), month: Month });
export const SaveSummaryInputSchema = SummaryPickSchema.extend({ text: Text(8000, { required: true, multiline: true }) });

export const SummaryDraftSchema = z.object({
  teamId: z.string(),
  month: z.string(),
  counts: DutyCountsSchema,
  /** The month's problems, oldest first: what the summary most needs to mention. */
  problems: z.array(z.object({ date: z.string(), shiftCode: z.string(), text: z.string() })),
  due: z.string(),
  saved: SummarySchema.nullable(),
});
