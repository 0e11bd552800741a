import type { Actor } from '../../../shared/auth/roles';
import { defineUi, inboxLines, type Notice } from '../../app/ui-domain';
import { useI18n, useT } from '../../i18n/i18n-store';
import { DutyLogPage, summaryReminderText } from './DutyLogPage';
import { useSummaryReminder } from './summary-reminder';
import { lazyPage } from '../../app/lazy-page';

const IssuesPage = lazyPage(() => import('./IssuesPage').then((m) => m.IssuesPage));
const MeetingPage = lazyPage(() => import('./MeetingPage').then((m) => m.MeetingPage));
const RollCallPage = lazyPage(() => import('./RollCallPage').then((m) => m.RollCallPage));

/** The duty lead's monthly summary, as the bell lists it from a week before it is due until it is saved. */
function useBriefingNotices(actor: Actor): Notice[] {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const r = useSummaryReminder(actor);
  return r ? [{ key: `duty-summary:${r.month}:${r.daysLeft < 0 ? 'late' : 'due'}`, text: summaryReminderText(t, locale, r), area: 'dutylog' }] : [];
}

export const briefingUi = defineUi({
  areas: [
    { key: 'rollcall', group: 'floor', label: 'nav.rollcall', method: 'briefing.rollCallSheet', render: ({ actor }) => <RollCallPage actor={actor} /> },
    { key: 'handover-meeting', group: 'floor', label: 'nav.handoverMeeting', method: 'briefing.meetingSheet', render: ({ actor }) => <MeetingPage actor={actor} /> },
    { key: 'dutylog', group: 'floor', label: 'nav.dutylog', method: 'briefing.dutyLog', render: ({ actor }) => <DutyLogPage actor={actor} /> },
    { key: 'issues', group: 'quality', label: 'nav.issues', method: 'briefing.issues', render: ({ actor }) => <IssuesPage actor={actor} /> },
  ],
  useBadges: (actor) => ({ dutylog: useBriefingNotices(actor).length }),
  useNotifications: useBriefingNotices,
  inbox: inboxLines({
    'briefing.publishIssue': { area: 'issues', what: ({ t }, a) => `${t('method.briefing.publishIssue')} · ${a.title}` },
    'briefing.withdrawIssue': { area: 'issues', what: ({ t }) => t('method.briefing.withdrawIssue') },
    'briefing.saveRollCall': { area: 'rollcall', what: ({ t, day, shift }, a) => `${t('method.briefing.saveRollCall')} · ${day(a.date)} · ${shift(a.shiftCode)}` },
    'briefing.holdMeeting': { area: 'handover-meeting', what: ({ t, day, shift }, a) => `${t('method.briefing.holdMeeting')} · ${day(a.date)} · ${shift(a.fromShift)}` },
    'briefing.correctMeeting': { area: 'handover-meeting', what: ({ t }) => t('method.briefing.correctMeeting') },
    'briefing.logDuty': { area: 'dutylog', what: ({ t, day, shift }, a) => `${t('method.briefing.logDuty')} · ${day(a.date)} · ${shift(a.shiftCode)} · ${a.time}` },
    'briefing.saveSummary': { area: 'dutylog', what: ({ t }, a) => `${t('method.briefing.saveSummary')} · ${a.month}` },
  }),
});
