import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/table';
import type { SyncedTable } from '../../../shared/sync/registry';

type Row = Record<string, unknown>;

/**
 * For each synced table, the list method a person reads it with, asked as widely as it allows, and how to
 * key its answer and a pulled row alike. The scope-equivalence suite checks, for every role, that the rows a
 * pull delivers are exactly the rows this method returns: a table added to the registry without a reader
 * fails the typecheck here.
 */
export interface Reader<M extends MethodName> {
  method: M;
  input: MethodInput<M>;
  keys(out: MethodOutput<M>): string[];
  /** The same key for a pulled row; null for rows no screen lists (a rest day is an empty cell). */
  rowKey(row: Row): string | null;
}

const reader = <M extends MethodName>(r: Reader<M>) => r;
const FROM = '2000-01-01';

/** A month list wide enough for the suites' data (the fixed clock's months around it). */
export const READER_MONTHS = ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

/** Any reader, for the table below: `keys` takes its own method's output. */
export interface AnyReader {
  method: MethodName;
  input: unknown;
  keys(out: never): string[];
  rowKey(row: Row): string | null;
}

export const TABLE_READERS = {
  teams: reader({ method: 'org.teams', input: {}, keys: (o) => o.map((t) => t.id), rowKey: (r) => String(r.id) }),
  users: reader({ method: 'org.directory', input: {}, keys: (o) => o.map((p) => p.userId), rowKey: (r) => String(r.id) }),
  customers: reader({ method: 'customers.tags', input: {}, keys: (o) => o.map((t) => t.key), rowKey: (r) => String(r.id) }),
  customer_reveals: reader({ method: 'customers.reveals', input: {}, keys: (o) => o.map((r) => r.id), rowKey: (r) => String(r.id) }),
  work_orders: reader({ method: 'workorders.list', input: { view: 'all', limit: 1000 }, keys: (o) => o.map((w) => w.id), rowKey: (r) => String(r.id) }),
  calls: reader({ method: 'calls.list', input: { from: `${FROM}T00:00:00.000Z`, to: '2100-01-01T00:00:00.000Z', limit: 500 }, keys: (o) => o.map((c) => c.id), rowKey: (r) => String(r.id) }),
  policy_versions: reader({ method: 'policy.history', input: {}, keys: (o) => o.map((v) => v.id), rowKey: (r) => String(r.id) }),
  shift_types: reader({ method: 'roster.shiftTypes', input: {}, keys: (o) => o.map((s) => s.code), rowKey: (r) => String(r.code) }),
  roster: {
    months: READER_MONTHS.map((month) =>
      reader({
        method: 'roster.month',
        input: { month },
        keys: (o) => o.people.flatMap((p) => p.shifts.flatMap((code, i) => (code ? [`${p.userId}|${o.days[i]!.date}`] : []))),
        rowKey: (r) => (r.shift_code && String(r.date).startsWith(month) ? `${String(r.user_id)}|${String(r.date)}` : null),
      }),
    ),
  },
  calendar_overrides: reader({ method: 'calendar.overrides', input: {}, keys: (o) => o.map((d) => d.date), rowKey: (r) => String(r.date) }),
  // Lists show every open request, then one month's history: read month by month.
  swaps: {
    months: READER_MONTHS.map((month) =>
      reader({
        method: 'swap.list',
        input: { month, checks: false },
        keys: (o) => o.swaps.map((s) => s.id),
        rowKey: (r) => (['requested', 'accepted'].includes(String(r.status)) || String(r.give_date).startsWith(month) || String(r.take_date).startsWith(month) ? String(r.id) : null),
      }),
    ),
  },
  leave_requests: {
    months: READER_MONTHS.map((month) =>
      reader({
        method: 'leave.list',
        input: { month, checks: false },
        keys: (o) => o.map((l) => l.id),
        rowKey: (r) => (r.status === 'requested' || (String(r.from_date) <= `${month}-31` && String(r.to_date) >= `${month}-01`) ? String(r.id) : null),
      }),
    ),
  },
  audit_log: reader({ method: 'audit.list', input: { limit: 500 }, keys: (o) => o.map((e) => e.id), rowKey: (r) => String(r.id) }),
  escalations: reader({ method: 'escalation.list', input: {}, keys: (o) => o.map((e) => e.id), rowKey: (r) => String(r.id) }),
  help_requests: reader({ method: 'help.list', input: {}, keys: (o) => o.map((h) => h.id), rowKey: (r) => String(r.id) }),
  violations: reader({ method: 'discipline.list', input: { from: FROM }, keys: (o) => o.map((v) => v.id), rowKey: (r) => String(r.id) }),
  attendance: reader({ method: 'duty.list', input: { from: FROM }, keys: (o) => o.attendance.map((a) => a.id), rowKey: (r) => String(r.id) }),
  duty_releases: reader({ method: 'duty.list', input: { from: FROM }, keys: (o) => o.releases.map((a) => a.id), rowKey: (r) => String(r.id) }),
  away_periods: reader({ method: 'duty.list', input: { from: FROM }, keys: (o) => o.away.map((a) => a.id), rowKey: (r) => String(r.id) }),
  notices: reader({ method: 'notice.list', input: { from: FROM }, keys: (o) => o.notices.map((n) => n.id), rowKey: (r) => String(r.id) }),
  notice_reads: reader({ method: 'notice.list', input: { from: FROM }, keys: (o) => o.reads.map((r) => r.id), rowKey: (r) => String(r.id) }),
  answers: reader({ method: 'answer.list', input: {}, keys: (o) => o.answers.map((a) => a.id), rowKey: (r) => String(r.id) }),
  answer_acks: reader({ method: 'answer.list', input: {}, keys: (o) => o.acks.map((k) => k.id), rowKey: (r) => String(r.id) }),
  reports: reader({ method: 'reports.list', input: {}, keys: (o) => o.map((r) => r.id), rowKey: (r) => String(r.id) }),
  meetings: reader({ method: 'meetings.list', input: {}, keys: (o) => o.map((m) => m.id), rowKey: (r) => String(r.id) }),
  // The built-in default template is code, not a row: only published versions are pulled.
  qa_templates: reader({ method: 'qa.templates', input: {}, keys: (o) => o.filter((t) => !t.builtin).map((t) => t.id), rowKey: (r) => String(r.id) }),
  qa_evaluations: reader({ method: 'qa.list', input: {}, keys: (o) => o.map((e) => e.id), rowKey: (r) => String(r.id) }),
  qa_calibrations: reader({ method: 'qa.calibrations', input: {}, keys: (o) => o.map((c) => c.id), rowKey: (r) => String(r.id) }),
  // Blind scores: a desk holds its own inspector's only; others' reach a closed session's results from the server.
  qa_calibration_scores: reader({ method: 'qa.calibrations', input: {}, keys: (o) => o.flatMap((c) => (c.myScore ? [c.myScore.id] : [])), rowKey: (r) => String(r.id) }),
  qa_weekly_reports: reader({ method: 'qa.weeklyReports', input: {}, keys: (o) => o.map((r) => r.id), rowKey: (r) => String(r.id) }),
  handover_logs: reader({ method: 'handover.list', input: { from: FROM }, keys: (o) => o.map((l) => l.id), rowKey: (r) => String(r.id) }),
  qa_issues: reader({ method: 'briefing.issues', input: {}, keys: (o) => o.map((i) => i.id), rowKey: (r) => String(r.id) }),
  roll_calls: reader({ method: 'briefing.rollCalls', input: { from: FROM }, keys: (o) => o.rollCalls.map((c) => c.id), rowKey: (r) => String(r.id) }),
  roll_call_entries: reader({ method: 'briefing.rollCalls', input: { from: FROM }, keys: (o) => o.entries.map((e) => e.id), rowKey: (r) => String(r.id) }),
  handover_meetings: reader({ method: 'briefing.meetings', input: { from: FROM }, keys: (o) => o.map((m) => m.id), rowKey: (r) => String(r.id) }),
  duty_log: reader({ method: 'briefing.dutyLog', input: { from: FROM }, keys: (o) => o.entries.map((e) => e.id), rowKey: (r) => String(r.id) }),
  duty_summaries: reader({ method: 'briefing.dutyLog', input: { from: FROM }, keys: (o) => o.summaries.map((s) => s.id), rowKey: (r) => String(r.id) }),
  center_evaluations: reader({ method: 'evaluation.list', input: { from: '2000-01', to: '2100-12' }, keys: (o) => o.map((e) => e.id), rowKey: (r) => String(r.id) }),
  recordings: reader({ method: 'recordings.list', input: { limit: 1000 }, keys: (o) => o.map((r) => r.id), rowKey: (r) => String(r.id) }),
} satisfies Record<SyncedTable, AnyReader | { months: AnyReader[] }>;

/** The readers of one table as a list (the roster is read month by month). */
export const readersOf = (t: SyncedTable): AnyReader[] => {
  const r = TABLE_READERS[t] as AnyReader | { months: AnyReader[] };
  return 'months' in r ? r.months : [r];
};
