import { z } from 'zod';
import { CalendarDay, Id, Text } from '../api/fields';
import { defineMethod } from '../api/method';
import {
  DutyEntrySchema,
  HoldMeetingInputSchema,
  IssueSchema,
  LogDutyInputSchema,
  MeetingPickSchema,
  MeetingSchema,
  MeetingSheetSchema,
  PublishIssueInputSchema,
  RollCallEntrySchema,
  RollCallPickSchema,
  RollCallSchema,
  RollCallSheetSchema,
  SaveRollCallInputSchema,
  SaveSummaryInputSchema,
  SummaryDraftSchema,
  SummaryPickSchema,
  SummarySchema,
} from './schemas';

/** Roll call, the handover meeting and the duty log are the team lead's (their own team) and the directors'. */
const LEADS = ['team_lead', 'department_director', 'center_director'] as const;
/** Common issues are published by QA, leads and directors (qa.rollcall). */
const ISSUE_WRITERS = ['qa_inspector', 'team_lead', 'department_director', 'center_director'] as const;
/** Agents read the active issues and the remarks about themselves. */
const READERS = ['agent', 'qa_inspector', 'team_lead', 'department_director', 'center_director'] as const;
const MEETING_READERS = ['agent', 'team_lead', 'department_director', 'center_director'] as const;

export const briefingMethods = {
  /** qa.rollcall: a common issue to brief at roll call, active until withdrawn. Plain input: a scorecard domain may call it. */
  'briefing.publishIssue': defineMethod({ kind: 'mutation', access: ISSUE_WRITERS, input: PublishIssueInputSchema, output: IssueSchema }),
  'briefing.withdrawIssue': defineMethod({ kind: 'mutation', access: ISSUE_WRITERS, input: z.object({ id: Id() }), output: IssueSchema }),
  /** Every issue (withdrawn too), newest first, with how often the reader's roll calls briefed it. */
  'briefing.issues': defineMethod({ kind: 'query', access: READERS, input: z.object({}), output: z.array(IssueSchema) }),
  /** What a roll call starts from: who is due (from the live floor), the saved roll call if any, the active issues. */
  'briefing.rollCallSheet': defineMethod({ kind: 'query', access: LEADS, input: RollCallPickSchema, output: RollCallSheetSchema }),
  /** handover.early-arrival, qa.rollcall: saves the roll call of a team's shift (again: a new revision). */
  'briefing.saveRollCall': defineMethod({ kind: 'mutation', access: LEADS, input: SaveRollCallInputSchema, output: RollCallSchema }),
  /** Roll calls and per-person lines in the reader's scope from a day on (an agent: the lines about them). */
  'briefing.rollCalls': defineMethod({ kind: 'query', access: READERS, input: z.object({ from: CalendarDay }), output: z.object({ rollCalls: z.array(RollCallSchema), entries: z.array(RollCallEntrySchema) }) }),
  /** Who should attend the handover between a team's shift and the next, prefilled from check-ins. */
  'briefing.meetingSheet': defineMethod({ kind: 'query', access: LEADS, input: MeetingPickSchema, output: MeetingSheetSchema }),
  /** handover.meeting: the shift-change briefing, final once saved. */
  'briefing.holdMeeting': defineMethod({ kind: 'mutation', access: LEADS, input: HoldMeetingInputSchema, output: MeetingSchema }),
  'briefing.correctMeeting': defineMethod({ kind: 'mutation', access: LEADS, input: z.object({ id: Id(), text: Text(1000, { required: true, multiline: true }) }), output: MeetingSchema }),
  'briefing.meetings': defineMethod({ kind: 'query', access: MEETING_READERS, input: z.object({ from: CalendarDay }), output: z.array(MeetingSchema) }),
  /** One line of the duty log (值班日志) of a team's shift. */
  'briefing.logDuty': defineMethod({ kind: 'mutation', access: LEADS, input: LogDutyInputSchema, output: DutyEntrySchema }),
  /** Duty-log lines and monthly summaries in the reader's scope from a day on. */
  'briefing.dutyLog': defineMethod({ kind: 'query', access: LEADS, input: z.object({ from: CalendarDay }), output: z.object({ entries: z.array(DutyEntrySchema), summaries: z.array(SummarySchema) }) }),
  /** The month's duty log in numbers, its problems, the due day (report.monthly-quality) and the saved summary. */
  'briefing.summaryDraft': defineMethod({ kind: 'query', access: LEADS, input: SummaryPickSchema, output: SummaryDraftSchema }),
  'briefing.saveSummary': defineMethod({ kind: 'mutation', access: LEADS, input: SaveSummaryInputSchema, output: SummarySchema }),
};
