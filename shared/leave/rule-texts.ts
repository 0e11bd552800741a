import { defineRules } from '../rules/catalogue';

/** Leave (請假制度), seeds/001 §Ⅱ. Line params are what the rule functions emit. */
export const leaveRuleTexts = defineRules({
  'leave.advance': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '二', 'zh-TW': '二', en: '§2' },
    statement: { 'zh-CN': '病事假须提前请假：一般事假提前 {ordinaryLeaveNoticeDays} 天提出，特殊事假在班前 {specialLeaveNoticeHours} 小时提出。', 'zh-TW': '病事假須提前請假：一般事假提前 {ordinaryLeaveNoticeDays} 天提出，特殊事假在班前 {specialLeaveNoticeHours} 小時提出。', en: 'Request sick or personal leave in advance: ordinary personal leave {ordinaryLeaveNoticeDays} day(s) ahead, special personal leave {specialLeaveNoticeHours} hour(s) before the shift.' },
    lines: {
      pass: { 'zh-CN': '提前 {ahead}申请（须提前 {need}）', 'zh-TW': '提前 {ahead}申請（須提前 {need}）', en: 'Asked {ahead} ahead ({need} needed)' },
      'pass.noNotice': { 'zh-CN': '班前 {ahead}申请', 'zh-TW': '班前 {ahead}申請', en: 'Asked {ahead} before the shift' },
      unknown: { 'zh-CN': '班表在同步时由服务器核对', 'zh-TW': '班表在同步時由伺服器核對', en: 'The roster is checked by the server when you sync' },
      'fail.noShifts': { 'zh-CN': '{from} 至 {to} 没有需要请假的班次', 'zh-TW': '{from} 至 {to} 沒有需要請假的班次', en: 'No shifts to take off between {from} and {to}' },
      'fail.started': { 'zh-CN': '{date} 的班次已经开始', 'zh-TW': '{date} 的班次已經開始', en: 'The shift on {date} has already started' },
      fail: { 'zh-CN': '没有提前请假', 'zh-TW': '沒有提前請假', en: 'Not requested in advance' },
    },
    enforced: 'checked',
  },
  'leave.late-request': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '二', 'zh-TW': '二', en: '§2' },
    statement: { 'zh-CN': '不能提前请假的，须经管理人员批准后方可生效，否则按旷工处理。', 'zh-TW': '不能提前請假的，須經管理人員批准後方可生效，否則按曠工處理。', en: 'Leave not requested in time is valid only once a manager approves it; otherwise the absence counts as absenteeism.' },
    lines: {
      warn: { 'zh-CN': '只提前 {ahead}（须提前 {need}）：须经管理人员批准，否则按旷工处理', 'zh-TW': '只提前 {ahead}（須提前 {need}）：須經管理人員批准，否則按曠工處理', en: "Only {ahead} ahead ({need} needed): valid only with a manager's approval" },
    },
    enforced: 'checked',
  },
  'leave.chain': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '三', 'zh-TW': '三', en: '§3' },
    statement: { 'zh-CN': '请假要逐级办理，不允许越级请假和交叉请假。', 'zh-TW': '請假要逐級辦理，不允許越級請假和交叉請假。', en: "Leave requests go level by level: no skipping levels and no requesting from another team's lead." },
    lines: {
      fail: { 'zh-CN': '请假须逐级审批，不能越级或交叉请假', 'zh-TW': '請假須逐級審批，不能越級或交叉請假', en: "Leave goes level by level: no skipping, no other team's lead" },
    },
    enforced: 'checked',
  },
  'leave.authority': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '三', 'zh-TW': '三', en: '§3' },
    statement: { 'zh-CN': '假期 {leaveDeptDirectorMaxDays} 天由客服部主任批准；{leaveDeptDirectorMaxDays} 天以上由客服中心主任批准。', 'zh-TW': '假期 {leaveDeptDirectorMaxDays} 天由客服部主任批准；{leaveDeptDirectorMaxDays} 天以上由客服中心主任批准。', en: 'Leave of up to {leaveDeptDirectorMaxDays} day(s) is approved by the department director; longer leave by the center director.' },
    lines: {
      pass: { 'zh-CN': '共 {days} 天，由{approver}最终批准', 'zh-TW': '共 {days} 天，由{approver}最終批准', en: '{days} day(s): the {approver} decides' },
      fail: { 'zh-CN': '这一级无权批准这个请假', 'zh-TW': '這一級無權批准這個請假', en: 'This level may not grant this leave' },
    },
    enforced: 'checked',
  },
  'leave.in-person': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '四', 'zh-TW': '四', en: '§4' },
    statement: { 'zh-CN': '事假必须由本人出面办理，不得由他人代请；病假除外。', 'zh-TW': '事假必須由本人出面辦理，不得由他人代請；病假除外。', en: 'Personal leave must be requested in person, not by someone else; sick leave may be requested on your behalf.' },
    lines: {
      pass: { 'zh-CN': '本人申请', 'zh-TW': '本人申請', en: 'Requested in person' },
      'pass.proxy': { 'zh-CN': '病假由他人代请，已记录代请人', 'zh-TW': '病假由他人代請，已記錄代請人', en: 'Sick leave filed on your behalf; the filer is recorded' },
      fail: { 'zh-CN': '事假必须由本人申请，不得代请', 'zh-TW': '事假必須由本人申請，不得代請', en: 'Personal leave must be requested in person' },
    },
    enforced: 'checked',
  },
  'leave.sick-certificate': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '五', 'zh-TW': '五', en: '§5' },
    statement: { 'zh-CN': '病假满 {sickCertificateFromDays} 天须持医疗单位证明方可生效（急诊除外）；证明时间须连续，假条于病假到期后第一天交班长。', 'zh-TW': '病假滿 {sickCertificateFromDays} 天須持醫療單位證明方可生效（急診除外）；證明時間須連續，假條於病假到期後第一天交班長。', en: 'Sick leave of {sickCertificateFromDays}+ day(s) needs a continuous medical certificate (emergencies excepted), given to the team lead the first day after it ends.' },
    lines: {
      pass: { 'zh-CN': '不需要医疗证明', 'zh-TW': '不需要醫療證明', en: 'No certificate needed' },
      'pass.due': { 'zh-CN': '病假 {days} 天须交医疗证明，最迟 {due} 交班长', 'zh-TW': '病假 {days} 天須交醫療證明，最遲 {due} 交班長', en: '{days} sick day(s): a certificate is due to your team lead by {due}' },
    },
    enforced: 'checked',
  },
  'leave.sick-emergency': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '五', 'zh-TW': '五', en: '§5' },
    statement: { 'zh-CN': '急诊必须在班前电话通知班长（可委托他人）。', 'zh-TW': '急診必須在班前電話通知班長（可委託他人）。', en: 'For an emergency, phone the team lead before the shift (someone may call on your behalf).' },
    lines: {
      pass: { 'zh-CN': '已在班前告知班长', 'zh-TW': '已在班前告知班長', en: 'Reported to the team lead before the shift' },
      fail: { 'zh-CN': '急诊须在班前电话告知班长', 'zh-TW': '急診須在班前電話告知班長', en: 'An emergency must be phoned in before the shift' },
    },
    enforced: 'checked',
  },
  'leave.night-shift': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '六', 'zh-TW': '六', en: '§6' },
    statement: { 'zh-CN': '原则上夜班不允许请假；特殊情况须在当日 {nightLeaveRequestDeadline} 之前提出，经管理人员批准后方可生效。', 'zh-TW': '原則上夜班不允許請假；特殊情況須在當日 {nightLeaveRequestDeadline} 之前提出，經管理人員批准後方可生效。', en: "No leave for night shifts in principle; a special case must be requested before {nightLeaveRequestDeadline} that day and needs a manager's approval." },
    lines: {
      warn: { 'zh-CN': '{date}为夜班：特殊情况须在{deadlineDay} {deadline} 前提出，经管理人员批准', 'zh-TW': '{date}為夜班：特殊情況須在{deadlineDay} {deadline} 前提出，經管理人員批准', en: '{date} is a night shift: a special case asked before {deadline} on {deadlineDay}, a manager decides' },
      fail: { 'zh-CN': '{date}为夜班：须在{deadlineDay} {deadline} 前提出，已过时间', 'zh-TW': '{date}為夜班：須在{deadlineDay} {deadline} 前提出，已過時間', en: '{date} is a night shift: it had to be asked before {deadline} on {deadlineDay}' },
    },
    enforced: 'checked',
  },
  'leave.holiday': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '七', 'zh-TW': '七', en: '§7' },
    statement: { 'zh-CN': '节假日不允许请假；极特殊情况须提前 {holidayLeaveNoticeDays} 天提出，经管理人员批准后方可生效。', 'zh-TW': '節假日不允許請假；極特殊情況須提前 {holidayLeaveNoticeDays} 天提出，經管理人員批准後方可生效。', en: "No leave on public holidays; a very special case must be requested {holidayLeaveNoticeDays} days ahead and needs a manager's approval." },
    lines: {
      fail: { 'zh-CN': '{date} 是节假日（{holiday}）：须提前 {days} 天提出，经管理人员批准', 'zh-TW': '{date} 是節假日（{holiday}）：須提前 {days} 天提出，經管理人員批准', en: '{date} is a public holiday ({holiday}): ask {days} days ahead, a manager decides' },
    },
    enforced: 'checked',
  },
  'leave.discipline': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '八', 'zh-TW': '八', en: '§8' },
    statement: { 'zh-CN': '班前未请假，迟到 {lateThresholdMinutes} 分钟及以上，或擅离值守脱岗 {awayThresholdMinutes} 分钟及以上者，按违纪处理。', 'zh-TW': '班前未請假，遲到 {lateThresholdMinutes} 分鐘及以上，或擅離值守脫崗 {awayThresholdMinutes} 分鐘及以上者，按違紀處理。', en: 'Without leave requested before the shift, arriving {lateThresholdMinutes}+ minutes late or leaving your post for {awayThresholdMinutes}+ minutes is a disciplinary violation.' },
    lines: {
      'fail.belowThreshold': { 'zh-CN': '{minutes} 分钟未达到 {threshold} 分钟的违纪标准', 'zh-TW': '{minutes} 分鐘未達到 {threshold} 分鐘的違紀標準', en: '{minutes} min is under the {threshold}-minute threshold' },
      'fail.onLeave': { 'zh-CN': '当天有已批准的请假，不算违纪', 'zh-TW': '當天有已批准的請假，不算違紀', en: 'Approved leave that day: not a violation' },
    },
    enforced: 'checked',
  },
  'leave.business': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '九', 'zh-TW': '九', en: '§9' },
    statement: { 'zh-CN': '因公事及外出学习，需经客服中心主任批准。', 'zh-TW': '因公事及外出學習，需經客服中心主任批准。', en: "Official business and external study need the center director's approval." },
    lines: {
      pass: { 'zh-CN': '公事或外出学习由客服中心主任批准', 'zh-TW': '公事或外出學習由客服中心主任批准', en: 'Business trips and study go to the center director' },
    },
    enforced: 'checked',
  },
});
