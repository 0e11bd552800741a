import { defineRules } from '../rules/catalogue';

/** Shift change (交接班制度) and duty (值班制度), seeds/001 §Ⅱ. Line params are what the rule functions emit. */
export const handoverRuleTexts = defineRules({
  'handover.early-arrival': {
    doc: { 'zh-CN': '交接班制度', 'zh-TW': '交接班制度', en: 'Handover rules' },
    section: { 'zh-CN': '1', 'zh-TW': '1', en: '§1' },
    statement: { 'zh-CN': '提前 {earlyArrivalMinutes} 分钟到岗，认真听取班长点名点评。', 'zh-TW': '提前 {earlyArrivalMinutes} 分鐘到崗，認真聽取班長點名點評。', en: "Arrive {earlyArrivalMinutes} minutes before your shift and attend the team lead's roll call and review." },
    lines: {
      'pass': { 'zh-CN': '班前 {ahead}到岗', 'zh-TW': '班前 {ahead}到崗', en: "Arrived {ahead} before the shift" },
      'warn': { 'zh-CN': '未提前 {need}到岗，错过点名', 'zh-TW': '未提前 {need}到崗，錯過點名', en: "Not {need} early: missed the roll call" },
    },
    enforced: 'checked',
  },
  'handover.outgoing-waits': {
    doc: { 'zh-CN': '交接班制度', 'zh-TW': '交接班制度', en: 'Handover rules' },
    section: { 'zh-CN': '4', 'zh-TW': '4', en: '§4' },
    statement: { 'zh-CN': '接班人未到机台，交班人不得离台。', 'zh-TW': '接班人未到機台，交班人不得離台。', en: 'The outgoing agent may not leave the desk until the incoming agent has arrived at it.' },
    lines: {
      'pass': { 'zh-CN': '接班人已到岗', 'zh-TW': '接班人已到崗', en: "The incoming colleague has checked in" },
      'pass.released': { 'zh-CN': '班长已准许离台：{reason}', 'zh-TW': '班長已准許離台：{reason}', en: "The team lead released you: {reason}" },
      'fail.notArrived': { 'zh-CN': '接班人（{names}）尚未到岗，不得离台', 'zh-TW': '接班人（{names}）尚未到崗，不得離台', en: "The incoming colleague ({names}) has not checked in: stay at the desk" },
      'fail.noIncoming': { 'zh-CN': '下一班没有排班人员，须由班长准许离台', 'zh-TW': '下一班沒有排班人員，須由班長准許離台', en: "Nobody is rostered on the next shift: the team lead must release you" },
      'unknown': { 'zh-CN': '本机看不到接班人的签到，由服务器核对', 'zh-TW': '本機看不到接班人的簽到，由伺服器核對', en: "This desk cannot see the incoming check-in: the server checks it" },
    },
    enforced: 'checked',
  },
  'handover.read-notices': {
    doc: { 'zh-CN': '交接班制度', 'zh-TW': '交接班制度', en: 'Handover rules' },
    section: { 'zh-CN': '5', 'zh-TW': '5', en: '§5' },
    statement: { 'zh-CN': '仔细阅读最新通告，及时了解业务变更及优惠政策。', 'zh-TW': '仔細閱讀最新通告，及時了解業務變更及優惠政策。', en: 'Read the latest notices carefully to keep up with business changes and special offers.' },
    // Decided on the desk: the call log the agent asks for waits for unread notices (notice-gate.ts).
    enforced: 'checked',
  },
  'handover.log-contents': {
    doc: { 'zh-CN': '交接班制度', 'zh-TW': '交接班制度', en: 'Handover rules' },
    section: { 'zh-CN': '6', 'zh-TW': '6', en: '§6' },
    statement: { 'zh-CN': '交接日志要把设备情况、疑难问题、人员调班情况记录清楚明了。', 'zh-TW': '交接日誌要把設備情況、疑難問題、人員調班情況記錄清楚明了。', en: 'The handover log must clearly record equipment status, difficult issues and staff shift changes.' },
    lines: {
      'pass': { 'zh-CN': '交接日志各项已填写', 'zh-TW': '交接日誌各項已填寫', en: "Every section of the handover log is filled in" },
      'fail.blank': { 'zh-CN': '必填项不能留空；没有情况请选择“无情况”', 'zh-TW': '必填項不能留空；沒有情況請選擇「無情況」', en: "A required section cannot be blank: choose “nothing to report” if there is none" },
      'fail.acknowledged': { 'zh-CN': '交接日志已由接班人确认，不能修改，只能追加更正', 'zh-TW': '交接日誌已由接班人確認，不能修改，只能追加更正', en: "The log was acknowledged by the incoming colleague: it cannot change, only corrections are appended" },
      'fail.notIncoming': { 'zh-CN': '只有接班人可以确认交接日志', 'zh-TW': '只有接班人可以確認交接日誌', en: "Only the incoming colleague can acknowledge the log" },
      'fail.notOnShift': { 'zh-CN': '你不在这一班，不能写它的交接日志', 'zh-TW': '你不在這一班，不能寫它的交接日誌', en: "You are not on this shift: you cannot write its handover log" },
    },
    enforced: 'checked',
  },
  'handover.meeting': {
    doc: { 'zh-CN': '会议制度', 'zh-TW': '會議制度', en: 'Meeting rules' },
    section: { 'zh-CN': '1', 'zh-TW': '1', en: '§1' },
    statement: { 'zh-CN': '交接时，业务增加变动、上级批示精神、客户建议投诉及流程设备变动，要向下一班交待清楚并记录清楚。', 'zh-TW': '交接時，業務增加變動、上級批示精神、客戶建議投訴及流程設備變動，要向下一班交待清楚並記錄清楚。', en: "At handover, pass business changes, superiors' instructions, customer suggestions and complaints, and process or equipment changes to the next shift, and record them." },
    lines: {
      'pass': { 'zh-CN': '交接事项已记录', 'zh-TW': '交接事項已記錄', en: "The items to pass on are recorded" },
      'fail.blank': { 'zh-CN': '必填项不能留空；没有情况请选择“无情况”', 'zh-TW': '必填項不能留空；沒有情況請選擇「無情況」', en: "A required section cannot be blank: choose “nothing to report” if there is none" },
    },
    enforced: 'checked',
  },
  'duty.no-leaving-post': {
    doc: { 'zh-CN': '值班制度 5；现场规范化标准', 'zh-TW': '值班制度 5；現場規範化標準', en: 'Duty rules §5; Floor standards' },
    section: { 'zh-CN': '7', 'zh-TW': '7', en: '§7' },
    statement: { 'zh-CN': '未经值班长批准不得擅离职守；出入机房不得超过规定时限，特殊情况需请示班长。', 'zh-TW': '未經值班長批准不得擅離職守；出入機房不得超過規定時限，特殊情況需請示班長。', en: "Do not leave your post without the duty team lead's approval; time out of the room is limited, special cases need the team lead's approval." },
    lines: {
      pass: { 'zh-CN': '值班长已准许离开 {limit}', 'zh-TW': '值班長已准許離開 {limit}', en: 'The duty lead allowed {limit} away' },
      'pass.back': { 'zh-CN': '离开 {away}，未超过准许的 {limit}', 'zh-TW': '離開 {away}，未超過准許的 {limit}', en: 'Away {away}, within the {limit} allowed' },
      warn: { 'zh-CN': '等待值班长准许；准许前不得离开座位', 'zh-TW': '等待值班長准許；准許前不得離開座位', en: 'Waiting for the duty lead: stay at the desk until allowed' },
      'fail.overrun': { 'zh-CN': '离开 {away}，超过准许的 {limit}', 'zh-TW': '離開 {away}，超過准許的 {limit}', en: 'Away {away}, past the {limit} allowed' },
      'fail.notOnShift': { 'zh-CN': '你现在不在班上', 'zh-TW': '你現在不在班上', en: 'You are not on a shift now' },
      'fail.open': { 'zh-CN': '上一次离开还没有回来登记', 'zh-TW': '上一次離開還沒有回來登記', en: 'Your last time away is still open' },
      'fail.closed': { 'zh-CN': '这次离开已经结束', 'zh-TW': '這次離開已經結束', en: 'This time away is already over' },
    },
    enforced: 'checked',
  },
  'duty.on-time': {
    doc: { 'zh-CN': '请假制度', 'zh-TW': '請假制度', en: 'Leave rules' },
    section: { 'zh-CN': '一', 'zh-TW': '一', en: '§1' },
    statement: { 'zh-CN': '做到不迟到、不早退、不无故旷工，确保当班时间准点到岗。', 'zh-TW': '做到不遲到、不早退、不無故曠工，確保當班時間准點到崗。', en: 'No arriving late, no leaving early, no unexplained absence: be at your post on time for your shift.' },
    lines: {
      pass: { 'zh-CN': '准点到岗', 'zh-TW': '准點到崗', en: 'On time' },
      'pass.leaving': { 'zh-CN': '班次结束，按时离岗', 'zh-TW': '班次結束，按時離崗', en: 'The shift is over: leaving on time' },
      'pass.released': { 'zh-CN': '班长已准许离岗：{reason}', 'zh-TW': '班長已准許離崗：{reason}', en: 'Released by the team lead: {reason}' },
      warn: { 'zh-CN': '迟到 {late}', 'zh-TW': '遲到 {late}', en: '{late} late' },
      'fail.noShift': { 'zh-CN': '你{date}没有排班，不能签到', 'zh-TW': '你{date}沒有排班，不能簽到', en: 'You have no shift on {date}: nothing to check in for' },
      'fail.twice': { 'zh-CN': '{date}这一班已经签到过', 'zh-TW': '{date}這一班已經簽到過', en: 'Already checked in for the shift on {date}' },
      'fail.tooEarly': { 'zh-CN': '{date}的班次 {start} 开始，班前 {opens}内才能签到', 'zh-TW': '{date}的班次 {start} 開始，班前 {opens}內才能簽到', en: 'The shift on {date} starts at {start}: check in within {opens} before it' },
      'fail.ended': { 'zh-CN': '{date}的班次已经结束，不能再签到', 'zh-TW': '{date}的班次已經結束，不能再簽到', en: 'The shift on {date} is over: too late to check in' },
      'fail.notCheckedIn': { 'zh-CN': '{date}这一班还没有签到，不能签退', 'zh-TW': '{date}這一班還沒有簽到，不能簽退', en: 'Not checked in for the shift on {date}: nothing to check out of' },
      'fail.checkedOut': { 'zh-CN': '{date}这一班已经签退', 'zh-TW': '{date}這一班已經簽退', en: 'Already checked out of the shift on {date}' },
      'fail.early': { 'zh-CN': '班次 {end} 结束，不得早退；须由班长准许', 'zh-TW': '班次 {end} 結束，不得早退；須由班長准許', en: 'The shift ends at {end}: no leaving early unless the team lead releases you' },
    },
    enforced: 'checked',
  },
});
