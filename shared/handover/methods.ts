import { z } from 'zod';
import { CalendarDay, Id, Text } from '../api/fields';
import { defineMethod } from '../api/method';
import { RuleCheckSchema } from '../rules/check';
import { AwaySchema } from './away';
import { AttendanceSchema, CheckInInputSchema, CheckInResultSchema, FloorSchema, HandoverLogSchema, MyShiftSchema, ReleaseInputSchema, ReleaseSchema, StaffChangesSchema, WriteLogInputSchema } from './schemas';

/** People who work rostered shifts. */
const ON_SHIFT = ['agent', 'team_lead'] as const;
/** Who may release a person from waiting (handover.outgoing-waits) and watches the floor. */
const LEADS = ['team_lead', 'department_director', 'center_director'] as const;
const READERS = ['agent', 'team_lead', 'department_director', 'center_director'] as const;

export const dutyMethods = {
  /** My shift on a day and where it stands (the home key). */
  'duty.mine': defineMethod({ kind: 'query', access: ON_SHIFT, input: z.object({ date: CalendarDay }), output: MyShiftSchema }),
  /** Check in for my rostered shift on `date` (duty.on-time, handover.early-arrival, leave.discipline). */
  'duty.checkIn': defineMethod({ kind: 'mutation', access: ON_SHIFT, input: CheckInInputSchema, output: CheckInResultSchema }),
  /** Check out of it: only once the incoming colleague is in, or released (handover.outgoing-waits). */
  'duty.checkOut': defineMethod({ kind: 'mutation', access: ON_SHIFT, input: CheckInInputSchema, output: z.object({ attendance: AttendanceSchema, checks: z.array(RuleCheckSchema) }) }),
  'duty.release': defineMethod({ kind: 'mutation', audit: true, access: LEADS, input: ReleaseInputSchema, output: ReleaseSchema }),
  /** The live floor: per team and shift of a day, who is due, in, late, on leave, missing. */
  'duty.floor': defineMethod({ kind: 'query', access: LEADS, input: z.object({ date: CalendarDay }), output: FloorSchema }),
  /** Attendance, releases and times away in the reader's scope from a date on. */
  'duty.list': defineMethod({ kind: 'query', access: READERS, input: z.object({ from: CalendarDay }), output: z.object({ attendance: z.array(AttendanceSchema), releases: z.array(ReleaseSchema), away: z.array(AwaySchema) }) }),
};

export const handoverMethods = {
  /** The outgoing shift writes its handover log (handover.log-contents, handover.meeting). */
  'handover.write': defineMethod({ kind: 'mutation', access: ON_SHIFT, input: WriteLogInputSchema, output: HandoverLogSchema }),
  /** The incoming colleague acknowledges it; from then on it never changes. */
  'handover.ack': defineMethod({ kind: 'mutation', access: ON_SHIFT, input: z.object({ id: Id() }), output: HandoverLogSchema }),
  /** A correction appended to a log (the log itself stays as written). */
  'handover.correct': defineMethod({ kind: 'mutation', access: ON_SHIFT, input: z.object({ id: Id(), text: Text(1000, { required: true, multiline: true }) }), output: HandoverLogSchema }),
  'handover.list': defineMethod({ kind: 'query', access: READERS, input: z.object({ from: CalendarDay }), output: z.array(HandoverLogSchema) }),
  /** The day's approved swaps and leave of my team: the staff-changes section's starting text. */
  'handover.staffChanges': defineMethod({ kind: 'query', access: ON_SHIFT, input: z.object({ date: CalendarDay }), output: StaffChangesSchema }),
};
