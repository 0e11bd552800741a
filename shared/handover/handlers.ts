import { checkIn, checkOut, listDuty, myShift, release } from './duty-handlers';
import { floor } from './floor';
import { noticeHandlers } from './notice-handlers';
import { awayHandlers } from './away-handlers';
import { ackLog, correctLog, listLogs, staffChanges, writeLog } from './log-handlers';

export const handoverHandlers = {
  'duty.mine': myShift,
  'duty.checkIn': checkIn,
  'duty.checkOut': checkOut,
  'duty.release': release,
  'duty.floor': floor,
  'duty.list': listDuty,
  'handover.write': writeLog,
  'handover.ack': ackLog,
  'handover.correct': correctLog,
  'handover.list': listLogs,
  'handover.staffChanges': staffChanges,
  ...noticeHandlers,
  ...awayHandlers,
};
