import { defineUi, inboxLines } from '../../app/ui-domain';
import { lazyPage } from '../../app/lazy-page';

const MyShiftsPage = lazyPage(() => import('./MyShiftsPage').then((m) => m.MyShiftsPage));
const RosterGrid = lazyPage(() => import('./RosterGrid').then((m) => m.RosterGrid));
const ShiftTypesPage = lazyPage(() => import('./ShiftTypesPage').then((m) => m.ShiftTypesPage));

export const rosterUi = defineUi({
  areas: [
    { key: 'myShifts', group: 'mine', label: 'nav.myShifts', method: 'roster.mine', render: () => <MyShiftsPage /> },
    { key: 'roster', group: 'roster', label: 'nav.roster', method: 'roster.month', render: () => <RosterGrid /> },
    { key: 'shiftTypes', group: 'roster', label: 'nav.shiftTypes', method: 'roster.saveShiftType', render: () => <ShiftTypesPage /> },
  ],
  inbox: inboxLines({
    'roster.assign': {
      area: 'roster',
      what: ({ t, person, shift, day }, a) => `${t('method.roster.assign')} · ${person(a.userId)} · ${day(a.date)} · ${a.shiftCode ? shift(a.shiftCode) : t('roster.rest')}`,
    },
    'roster.saveShiftType': { area: 'shiftTypes', what: ({ t, shift }, a) => `${t('method.roster.saveShiftType')} · ${shift(a.code)}` },
    'roster.import': { area: 'roster', what: ({ t }, a) => `${t('method.roster.import')} · ${a.month}` },
  }),
});
