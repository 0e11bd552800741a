import type { Actor } from '../../../shared/auth/roles';
import { monthlyMeetingDate, qualityReportDue, REPORT_REMINDER_DAYS } from '../../../shared/reports/deadlines';
import { calendarDay } from '../../../shared/rules/units';
import { defineUi, inboxLines, type Notice } from '../../app/ui-domain';
import { useCenterToday, usePolicy } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { lazyPage } from '../../app/lazy-page';

const FollowupsPage = lazyPage(() => import('./FollowupsPage').then((m) => m.FollowupsPage));
const MeetingPage = lazyPage(() => import('./MeetingPage').then((m) => m.MeetingPage));
const TeamReportsPage = lazyPage(() => import('./TeamReportsPage').then((m) => m.TeamReportsPage));

const daysTo = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** report.monthly-quality: a lead is reminded from a week before the due day until the month's report is submitted. */
function useQualityNotice(actor: Actor): Notice[] {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { today } = useCenterToday();
  const { values } = usePolicy();
  const lead = actor.role === 'team_lead';
  const sent = useQuery('reports.list', lead ? { kind: 'monthly' } : null, { tables: ['reports'] }).data ?? [];
  if (!lead) return [];
  const due = qualityReportDue(today, values.monthlyQualityReportDueDay);
  const month = today.slice(0, 7);
  if (due.daysLeft < 0 || due.daysLeft > REPORT_REMINDER_DAYS || sent.some((r) => r.period === month && r.status === 'submitted')) return [];
  return [{ key: `report:monthly:${month}`, text: t('rep.notify.monthly', { date: calendarDay(locale, due.due), days: due.daysLeft }), area: 'team-reports' }];
}

/** meeting.monthly: everyone on the floor is reminded in the week before the meeting. */
function useMeetingNotice(actor: Actor): Notice[] {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { today } = useCenterToday();
  const { values } = usePolicy();
  if (actor.role === 'admin') return [];
  const date = monthlyMeetingDate(today.slice(0, 7), values.monthlyMeetingBeforeDay);
  const days = daysTo(today, date);
  if (days < 0 || days > REPORT_REMINDER_DAYS) return [];
  return [{ key: `meeting:${date}`, text: t('meet.notify', { date: calendarDay(locale, date), days }), area: 'meeting' }];
}

function useReportNotices(actor: Actor): Notice[] {
  return [...useQualityNotice(actor), ...useMeetingNotice(actor)];
}

export const reportsUi = defineUi({
  areas: [
    { key: 'team-reports', group: 'reports', label: 'nav.teamReports', method: 'reports.get', render: () => <TeamReportsPage /> },
    { key: 'followups', group: 'reports', label: 'nav.followups', method: 'reports.followups', render: () => <FollowupsPage /> },
    { key: 'meeting', group: 'reports', label: 'nav.meeting', method: 'meetings.get', render: () => <MeetingPage /> },
  ],
  // The badges count what the bell lists: the month's report to send, the meeting coming up.
  useBadges: (actor) => {
    const n = useReportNotices(actor);
    return { 'team-reports': n.filter((x) => x.area === 'team-reports').length, meeting: n.filter((x) => x.area === 'meeting').length };
  },
  useNotifications: useReportNotices,
  inbox: inboxLines({
    'reports.save': { area: 'team-reports', what: ({ t, day }, a) => `${t('method.reports.save')}${a.submit ? ` · ${t('rep.submit')}` : ''} · ${t(`rep.kind.${a.kind}`)} · ${a.kind === 'daily' ? day(a.period) : a.period}` },
    'reports.correct': { area: 'team-reports', what: ({ t }, a) => `${t('method.reports.correct')} · ${a.text}` },
    'meetings.record': { area: 'meeting', what: ({ t }, a) => `${t('method.meetings.record')} · ${a.month}` },
  }),
});
