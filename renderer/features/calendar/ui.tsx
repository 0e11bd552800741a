import { defineUi, inboxLines } from '../../app/ui-domain';
import { lazyPage } from '../../app/lazy-page';

const CalendarPage = lazyPage(() => import('./CalendarPage').then((m) => m.CalendarPage));

export const calendarUi = defineUi({
  areas: [{ key: 'calendar', group: 'roster', label: 'nav.calendar', method: 'calendar.import', render: () => <CalendarPage /> }],
  inbox: inboxLines({ 'calendar.import': { area: 'calendar', what: ({ t }) => t('method.calendar.import') } }),
});
