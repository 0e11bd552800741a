import type { Generated, Kysely, Transaction } from 'kysely';

/**
 * Row types of the one schema both SQLite (desk) and PostgreSQL (server) hold.
 * Portable column choices: instants are ISO-8601 UTC text, flags are 0/1 integers, JSON is text.
 */
export interface SchemaVersionTable {
  version: number;
  applied_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** `version`: the server commit that last wrote the row; 0 while only this desk has it. */
export interface TeamsTable {
  id: string;
  name: string;
  /** {"zh-CN": …, "zh-TW": …, "en": …}: the name in each UI language, `name` the fallback. */
  names: Generated<string>;
  created_at: string;
  version: Generated<number>;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  team_id: string | null;
  password_hash: string;
  active: number;
  created_at: string;
  version: Generated<number>;
  job_type: Generated<string>;
  skill_level: Generated<number>;
  seat: Generated<string>;
  /** 1 while the password is one an administrator chose; server-side only (migration 013). */
  must_change_password: Generated<number>;
}

export interface CallsTable {
  id: string;
  agent_id: string;
  team_id: string | null;
  customer_phone: string;
  customer_name: string;
  category: string;
  summary: string;
  outcome: string;
  follow_up: number;
  started_at: string;
  ended_at: string;
  duration_sec: number;
  created_at: string;
  /** The number normalised (shared/calls/phone.ts), for look-ups; migration 018. */
  phone_key: Generated<string>;
  version: Generated<number>;
}

/** Customer value tags (seed 003), keyed by the normalised number; migration 018. */
export interface CustomersTable {
  id: string;
  value_tag: string;
  tagged_by: string;
  tagged_at: string;
  version: Generated<number>;
}

/** Who saw a masked customer's number in full, and why; migration 018. */
export interface CustomerRevealsTable {
  id: string;
  call_id: string;
  actor_id: string;
  reason: string;
  at: string;
  version: Generated<number>;
}

/** Work orders from calls, with 督办, 回访 and complaint steps (JSON); migration 018. */
export interface WorkOrdersTable {
  id: string;
  call_id: string;
  team_id: string | null;
  type: string;
  title: string;
  owner_id: string;
  created_by: string;
  created_at: string;
  due_at: string;
  status: string;
  closed_at: string | null;
  close_note: string;
  supervised_at: string | null;
  supervise_note: string;
  callback_at: string | null;
  callback_outcome: string | null;
  callback_note: string;
  steps: string;
  /** JSON: [{ at, by, fromId, toId, reason }] oldest first (migration 022). */
  handoffs: Generated<string>;
  rule_ids: string;
  updated_at: string;
  version: Generated<number>;
}

/** One unit's month of the center evaluation: survey answers per Likert point and incidents as JSON; migration 024. */
export interface CenterEvaluationsTable {
  id: string;
  team_id: string;
  month: string;
  survey_scale: number;
  survey_counts: string;
  complaint_source: string;
  complaints: number;
  complaints_resolved: number;
  suggestions: number;
  suggestions_resolved: number;
  plans_rated: number;
  plans_satisfied: number;
  incidents: string;
  entered_by: string;
  updated_at: string;
  version: Generated<number>;
}

/** Call recordings' metadata (synced; the bytes are not in any replica); migration 021. */
export interface RecordingsTable {
  id: string;
  call_id: string;
  agent_id: string;
  team_id: string | null;
  sha256: string;
  mime_type: string;
  size_bytes: number;
  duration_sec: number | null;
  file_name: string;
  uploaded_by: string;
  uploaded_at: string;
  state: string;
  replaced_by: string | null;
  version: Generated<number>;
}

/** Which recording bytes this host holds (content-addressed files in its data directory); never synced. */
export interface RecordingBlobsTable {
  sha256: string;
  size_bytes: number;
  mime_type: string;
  stored_at: string;
}

export interface OutboxTable {
  client_id: string;
  id: number;
  name: string;
  args: string;
  actor_id: string;
  acted_at: string;
  created_at: string;
}

export interface SyncStateTable {
  id: number;
  version: number;
}

export interface SyncClientsTable {
  client_id: string;
  user_id: string;
  last_mutation_id: number;
  updated_at: string;
  /** Server time of this client's last successful pull: the earliest act time the server trusts from it. */
  last_pull_at: Generated<string | null>;
}

export interface MutationLogTable {
  client_id: string;
  id: number;
  name: string;
  args: string;
  actor_id: string;
  acted_at: string;
  received_at: string;
  status: 'applied' | 'rejected';
  code: string | null;
  rule_ids: string | null;
  params: string | null;
  message: string | null;
  /** Every failed rule with its own numbers (JSON), newer rows only. */
  checks: Generated<string | null>;
}

export interface ServerSessionsTable {
  token_hash: string;
  user_id: string;
  /** Issued to this desk: presented as `<token>:<deskId>` only. Null for integrators' tokens. */
  desk_id: Generated<string | null>;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface UndoLogTable {
  seq: number;
  client_id: Generated<string>;
  mutation_id: number;
  tbl: string;
  pk: string;
  before: string | null;
}

export interface AttentionInboxTable {
  client_id: string;
  mutation_id: number;
  actor_id: string;
  name: string;
  args: string;
  acted_at: string;
  code: string;
  rule_ids: string;
  params: string;
  message: string;
  checks: Generated<string | null>;
  created_at: string;
  dismissed_at: string | null;
}

export interface DeskCredentialsTable {
  user_id: string;
  server_token: string;
  expires_at: string;
  password_hash: string;
  actor: string;
}

export interface PolicyVersionsTable {
  id: string;
  effective_from: string;
  values: string;
  note: string;
  created_by: string;
  created_at: string;
  version: Generated<number>;
}

export interface ShiftTypesTable {
  code: string;
  name: string;
  start_time: string;
  end_time: string;
  night: number;
  min_coverage: string;
  names: Generated<string>;
  short_names: Generated<string>;
  active: Generated<number>;
  version: Generated<number>;
}

export interface RosterTable {
  id: string;
  user_id: string;
  team_id: string | null;
  date: string;
  shift_code: string;
  updated_by: string;
  updated_at: string;
  version: Generated<number>;
}

export interface CalendarOverridesTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_by: string;
  updated_at: string;
  version: Generated<number>;
}

export interface SwapsTable {
  id: string;
  requester_id: string;
  requester_team: string | null;
  partner_id: string;
  partner_team: string | null;
  give_date: string;
  give_shift: string | null;
  take_date: string;
  take_shift: string | null;
  reason: string;
  status: string;
  lead_a_by: string | null;
  lead_a_at: string | null;
  lead_b_by: string | null;
  lead_b_at: string | null;
  decision_rules: Generated<string>;
  note: Generated<string>;
  created_at: string;
  updated_at: string;
  /** When the request was acted on a desk that had been offline for a while (shown to approvers). */
  acted_offline_at: Generated<string | null>;
  version: Generated<number>;
}

export interface LeaveRequestsTable {
  id: string;
  user_id: string;
  team_id: string | null;
  type: string;
  from_date: string;
  to_date: string;
  reason: string;
  filed_by: string;
  status: string;
  approvals: Generated<string>;
  flags: Generated<string>;
  certificate: string | null;
  decision_rules: Generated<string>;
  note: Generated<string>;
  created_at: string;
  updated_at: string;
  acted_offline_at: Generated<string | null>;
  version: Generated<number>;
}

export interface ViolationsTable {
  id: string;
  user_id: string;
  team_id: string | null;
  date: string;
  kind: string;
  minutes: number;
  note: Generated<string>;
  rule_ids: string;
  recorded_by: string;
  created_at: string;
  version: Generated<number>;
}

export interface EscalationsTable {
  id: string;
  reporter_id: string;
  reporter_role: string;
  team_id: string | null;
  category: string;
  summary: string;
  proposal: string;
  call_id: string | null;
  /** 0/1 (SQLite has no boolean). */
  emergency: Generated<number>;
  status: string;
  holder_level: string;
  holder_id: string | null;
  level_since: string;
  timeline: Generated<string>;
  follow_ups: Generated<string>;
  created_at: string;
  updated_at: string;
  acted_offline_at: string | null;
  version: Generated<number>;
}

export interface ReportsTable {
  id: string;
  kind: string;
  team_id: string;
  period: string;
  author_id: string;
  status: string;
  figures: string;
  sections: Generated<string>;
  corrections: Generated<string>;
  rule_ids: Generated<string>;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface MeetingsTable {
  id: string;
  month: string;
  held_on: string;
  figures: string;
  notes: Generated<string>;
  awards: Generated<string>;
  qa_results: string | null;
  rule_ids: Generated<string>;
  recorded_by: string;
  recorded_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface HelpRequestsTable {
  id: string;
  agent_id: string;
  team_id: string | null;
  call_id: string | null;
  note: Generated<string>;
  status: string;
  lead_id: string | null;
  answered_at: string | null;
  closed_note: Generated<string>;
  report_id: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface AuditLogTable {
  id: string;
  /** Position in the chain: commit order on the server (writers are serialised), 1, 2, 3 … */
  seq: number;
  at: string;
  actor_id: string | null;
  /** A method name (swap.decide, policy.update, org.setPassword …) or session.signIn / session.signInFailed. */
  action: string;
  /** What it acted on: the input without secrets, as JSON, capped. */
  subject: string;
  outcome: string;
  client_id: string | null;
  prev_hash: string;
  hash: string;
  version: Generated<number>;
}

/** One person's check-in (and check-out) on their rostered shift of a day; key `att:<user>:<date>`. */
export interface AttendanceTable {
  id: string;
  user_id: string;
  team_id: string | null;
  date: string;
  shift_code: string;
  checked_in_at: string;
  late_minutes: number;
  violation_id: string | null;
  checked_out_at: string | null;
  rule_ids: string;
  version: Generated<number>;
}

/** A lead's release from waiting for the incoming colleague (handover.outgoing-waits), with its reason. */
export interface DutyReleasesTable {
  id: string;
  user_id: string;
  team_id: string | null;
  date: string;
  reason: string;
  released_by: string;
  created_at: string;
  version: Generated<number>;
}

/** A handover log per shift change and team; sections and acknowledgement never change, corrections append. */
export interface HandoverLogsTable {
  id: string;
  team_id: string | null;
  date: string;
  from_shift: string;
  to_shift: string;
  to_date: string;
  written_by: string;
  written_at: string;
  sections: string;
  acked_by: string | null;
  acked_at: string | null;
  corrections: string;
  version: Generated<number>;
}

/** A notice (通告) to be read before taking calls (handover.read-notices). */
export interface NoticesTable {
  id: string;
  kind: string;
  title: string;
  body: string;
  published_by: string;
  published_at: string;
  version: Generated<number>;
}

/** Who read which notice, when; key `read:<notice>:<user>`. */
export interface NoticeReadsTable {
  id: string;
  notice_id: string;
  user_id: string;
  team_id: string | null;
  read_at: string;
  version: Generated<number>;
}

/** Time away from the desk during a shift (duty.no-leaving-post): asked, allowed for a time, back. */
export interface AwayPeriodsTable {
  id: string;
  user_id: string;
  team_id: string | null;
  date: string;
  reason: string;
  requested_at: string;
  approved_by: string | null;
  approved_at: string | null;
  limit_minutes: number;
  back_at: string | null;
  away_minutes: number | null;
  violation_id: string | null;
  version: Generated<number>;
}

/** A unified answer (统一答复口径, meeting.weekly): the current version; earlier ones in `history` (JSON). */
export interface AnswersTable {
  id: string;
  title: string;
  question: string;
  answer: string;
  /** JSON: string[]. */
  keywords: string;
  /** JSON: call categories it fits. */
  categories: string;
  meeting_date: string;
  meeting_week: string;
  revision: number;
  status: string;
  published_by: string;
  published_at: string;
  revised_by: string;
  revised_at: string;
  note: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdraw_reason: string;
  /** JSON: [{ revision, title, question, answer, keywords, categories, meetingDate, meetingWeek, by, at, note }], appended only. */
  history: string;
  version: Generated<number>;
}

/** An agent's acknowledgement of one version of an answer; key `ack:<answer>:<revision>:<user>`. */
export interface AnswerAcksTable {
  id: string;
  answer_id: string;
  revision: number;
  user_id: string;
  team_id: string | null;
  acked_at: string;
  version: Generated<number>;
}

/** Briefing (migration 020): QA's common issues, roll calls and their per-person lines, handover meetings, duty log, monthly summaries. */
export interface QaIssuesTable {
  id: string;
  title: string;
  seen: string;
  say_instead: string;
  criterion: string | null;
  published_by: string;
  published_at: string;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
  version: Generated<number>;
}

export interface RollCallsTable {
  id: string;
  team_id: string;
  date: string;
  shift_code: string;
  remarks: string;
  briefed: string;
  taken_by: string;
  taken_at: string;
  revision: number;
  revised_by: string;
  revised_at: string;
  version: Generated<number>;
}

export interface RollCallEntriesTable {
  id: string;
  roll_call_id: string;
  team_id: string;
  date: string;
  shift_code: string;
  user_id: string;
  mark: string;
  remark: string;
  version: Generated<number>;
}

export interface HandoverMeetingsTable {
  id: string;
  team_id: string;
  date: string;
  from_shift: string;
  to_shift: string;
  to_date: string;
  attendees: string;
  items: string;
  held_by: string;
  held_at: string;
  corrections: string;
  version: Generated<number>;
}

export interface DutyLogTable {
  id: string;
  team_id: string;
  date: string;
  shift_code: string;
  time: string;
  kind: string;
  text: string;
  figure: number | null;
  written_by: string;
  written_at: string;
  version: Generated<number>;
}

export interface DutySummariesTable {
  id: string;
  team_id: string;
  month: string;
  text: string;
  counts: string;
  written_by: string;
  written_at: string;
  revision: number;
  version: Generated<number>;
}

/** Published scorecard template versions (JSON sections); migration 023. */
export interface QaTemplatesTable {
  id: string;
  template_id: string;
  /** The template's own version number (1, 2, …); `version` is the sync version like every synced table's. */
  template_version: number;
  names: string;
  weight_total: number;
  sections: string;
  created_by: string;
  created_at: string;
  version: Generated<number>;
}

/** QA evaluations of calls: answers, comments, disputes and their log as JSON; migration 023. */
export interface QaEvaluationsTable {
  id: string;
  call_id: string;
  agent_id: string;
  team_id: string | null;
  inspector_id: string;
  template_version_id: string;
  month: string;
  call_started_at: string;
  answers: string;
  comments: string;
  details: string;
  score: number;
  critical: string;
  acknowledged_at: string | null;
  disputes: string;
  log: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** QA calibration sessions (participants and who scored as JSON); migration 026. */
export interface QaCalibrationsTable {
  id: string;
  call_id: string;
  template_version_id: string;
  owner_id: string;
  participants: string;
  reference_id: string | null;
  note: string;
  scored: string;
  status: string;
  closed_at: string | null;
  closed_by: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** One inspector's blind calibration score (answers and comments as JSON); migration 026. */
export interface QaCalibrationScoresTable {
  id: string;
  session_id: string;
  inspector_id: string;
  answers: string;
  comments: string;
  details: string;
  score: number;
  critical: string;
  created_at: string;
  version: Generated<number>;
}

/** Published QA weekly summaries: plan, figures and corrections as JSON; migration 027. */
export interface QaWeeklyReportsTable {
  id: string;
  team_id: string;
  week: string;
  published_by: string;
  published_at: string;
  notes: string;
  plan: string;
  figures: string;
  corrections: string;
  version: Generated<number>;
}

export interface Database {
  zb_schema_version: SchemaVersionTable;
  zb_meta: MetaTable;
  teams: TeamsTable;
  users: UsersTable;
  calls: CallsTable;
  customers: CustomersTable;
  customer_reveals: CustomerRevealsTable;
  work_orders: WorkOrdersTable;
  outbox: OutboxTable;
  sync_state: SyncStateTable;
  sync_clients: SyncClientsTable;
  mutation_log: MutationLogTable;
  server_sessions: ServerSessionsTable;
  undo_log: UndoLogTable;
  attention_inbox: AttentionInboxTable;
  desk_credentials: DeskCredentialsTable;
  policy_versions: PolicyVersionsTable;
  shift_types: ShiftTypesTable;
  roster: RosterTable;
  calendar_overrides: CalendarOverridesTable;
  swaps: SwapsTable;
  leave_requests: LeaveRequestsTable;
  violations: ViolationsTable;
  audit_log: AuditLogTable;
  attendance: AttendanceTable;
  duty_releases: DutyReleasesTable;
  handover_logs: HandoverLogsTable;
  notices: NoticesTable;
  notice_reads: NoticeReadsTable;
  away_periods: AwayPeriodsTable;
  escalations: EscalationsTable;
  reports: ReportsTable;
  meetings: MeetingsTable;
  help_requests: HelpRequestsTable;
  answers: AnswersTable;
  answer_acks: AnswerAcksTable;
  qa_issues: QaIssuesTable;
  roll_calls: RollCallsTable;
  roll_call_entries: RollCallEntriesTable;
  handover_meetings: HandoverMeetingsTable;
  duty_log: DutyLogTable;
  duty_summaries: DutySummariesTable;
  qa_templates: QaTemplatesTable;
  qa_evaluations: QaEvaluationsTable;
  qa_weekly_reports: QaWeeklyReportsTable;
  qa_calibrations: QaCalibrationsTable;
  qa_calibration_scores: QaCalibrationScoresTable;
  center_evaluations: CenterEvaluationsTable;
  recordings: RecordingsTable;
  recording_blobs: RecordingBlobsTable;
}

export type DB = Kysely<Database>;
/** A handle that is inside a transaction: what mutations and the outbox must be given. */
export type Tx = Transaction<Database>;
