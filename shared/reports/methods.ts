import { z } from 'zod';
import { defineMethod } from '../api/method';
import {
  CorrectReportSchema,
  FollowupsInputSchema,
  FollowupsSchema,
  ListReportsSchema,
  MeetingInputSchema,
  MeetingSchema,
  MeetingViewSchema,
  RecordMeetingSchema,
  ReportKeySchema,
  ReportSchema,
  SaveReportSchema,
  WeeklyInputSchema,
  WeeklyReportSchema,
} from './schemas';

/** Leads write their team's reports; the directors read them (they are submitted to the department director). */
const REPORT_READERS = ['team_lead', 'department_director', 'center_director'] as const;
const DIRECTORS = ['department_director', 'center_director'] as const;
const EVERYONE = ['agent', 'team_lead', 'qa_inspector', 'department_director', 'center_director'] as const;

export const reportMethods = {
  /** The report of a team and period: the stored one, or a fresh draft prefilled from the period's work. */
  'reports.get': defineMethod({ kind: 'query', access: REPORT_READERS, input: ReportKeySchema, output: ReportSchema }),
  /** report.daily / report.monthly-quality: the lead saves the text sections, or submits (then it is immutable). */
  'reports.save': defineMethod({ kind: 'mutation', access: ['team_lead'], input: SaveReportSchema, output: ReportSchema }),
  /** A correction appended to a submitted report (the submitted text stays as it was). */
  'reports.correct': defineMethod({ kind: 'mutation', access: ['team_lead'], input: CorrectReportSchema, output: ReportSchema }),
  /** Stored reports in the reader's scope, newest period first. */
  'reports.list': defineMethod({ kind: 'query', access: REPORT_READERS, input: ListReportsSchema, output: z.array(ReportSchema) }),
  /** report.daily (周报): the week's submitted dailies, figures summed and texts listed. */
  'reports.weekly': defineMethod({ kind: 'query', access: REPORT_READERS, input: WeeklyInputSchema, output: WeeklyReportSchema }),
  /** report.weekly-followups: supervised items, feedback and callbacks per team and week. */
  'reports.followups': defineMethod({ kind: 'query', access: DIRECTORS, input: FollowupsInputSchema, output: FollowupsSchema }),
  /** meeting.monthly: the month's meeting date, its record if any, and the month's figures. */
  'meetings.get': defineMethod({ kind: 'query', access: EVERYONE, input: MeetingInputSchema, output: MeetingViewSchema }),
  /** meeting.monthly: the department director records the meeting (results, rewards and penalties). */
  'meetings.record': defineMethod({ kind: 'mutation', audit: true, access: ['department_director'], input: RecordMeetingSchema, output: MeetingSchema }),
  'meetings.list': defineMethod({ kind: 'query', access: EVERYONE, input: z.object({}), output: z.array(MeetingSchema) }),
};
