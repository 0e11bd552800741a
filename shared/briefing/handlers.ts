import { correctMeeting, holdMeeting, listMeetings, meetingSheet } from './meeting-handlers';
import { listDutyLog, logDuty, saveSummary, summaryDraft } from './duty-log-handlers';
import { listIssues, listRollCalls, publishIssue, rollCallSheet, saveRollCall, withdrawIssue } from './roll-call-handlers';

export const briefingHandlers = {
  'briefing.publishIssue': publishIssue,
  'briefing.withdrawIssue': withdrawIssue,
  'briefing.issues': listIssues,
  'briefing.rollCallSheet': rollCallSheet,
  'briefing.saveRollCall': saveRollCall,
  'briefing.rollCalls': listRollCalls,
  'briefing.meetingSheet': meetingSheet,
  'briefing.holdMeeting': holdMeeting,
  'briefing.correctMeeting': correctMeeting,
  'briefing.meetings': listMeetings,
  'briefing.logDuty': logDuty,
  'briefing.dutyLog': listDutyLog,
  'briefing.summaryDraft': summaryDraft,
  'briefing.saveSummary': saveSummary,
};
