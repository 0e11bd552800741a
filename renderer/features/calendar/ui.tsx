import { defineUi, inboxLines } from '../../app/ui-domain';
import { CalendarPage } from './CalendarPage';

export const calendarUi = defineUi({
  areas: [{ key: 'calendar', group: 'roster', label: 'nav.calendar', method: 'calendar.import', render: () => <CalendarPage /> }],
  inbox: inboxLines({ 'calendar.import': { area: 'calendar', what: ({ t }) => t('method.calendar.import') } }),
});
