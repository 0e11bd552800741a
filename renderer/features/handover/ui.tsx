import { defineUi, inboxLines } from '../../app/ui-domain';
import { FloorPage } from './FloorPage';
import { ShiftPage } from './ShiftPage';

export const handoverUi = defineUi({
  areas: [
    { key: 'shift', group: 'mine', label: 'nav.shift', method: 'duty.mine', render: () => <ShiftPage /> },
    { key: 'floor', group: 'floor', label: 'nav.floor', method: 'duty.floor', render: () => <FloorPage /> },
  ],
  inbox: inboxLines({
    'duty.checkIn': { area: 'shift', what: ({ t, day }, a) => `${t('method.duty.checkIn')} · ${day(a.date)}` },
    'duty.checkOut': { area: 'shift', what: ({ t, day }, a) => `${t('method.duty.checkOut')} · ${day(a.date)}` },
    'duty.release': { area: 'floor', what: ({ t, person, day }, a) => `${t('method.duty.release')} · ${person(a.userId)} · ${day(a.date)}` },
    'duty.awayRequest': { area: 'shift', what: ({ t, day }, a) => `${t('method.duty.awayRequest')} · ${day(a.date)}` },
    'duty.awayApprove': { area: 'floor', what: ({ t }) => t('method.duty.awayApprove') },
    'duty.awayBack': { area: 'shift', what: ({ t }) => t('method.duty.awayBack') },
    'handover.write': { area: 'shift', what: ({ t, day, shift }, a) => `${t('method.handover.write')} · ${day(a.date)} · ${shift(a.fromShift)}` },
    'handover.ack': { area: 'shift', what: ({ t }) => t('method.handover.ack') },
    'handover.correct': { area: 'shift', what: ({ t }) => t('method.handover.correct') },
    'notice.publish': { area: 'floor', what: ({ t }, a) => `${t('method.notice.publish')} · ${a.title}` },
    'notice.read': { area: 'shift', what: ({ t }) => t('method.notice.read') },
  }),
});
