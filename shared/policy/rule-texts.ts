/**
 * Every rule the desk decides by: its citation in the original documents and a one-line statement, in
 * zh-CN, zh-TW and en. `{placeholders}` are policy keys, filled from the version in force.
 * Sources: seeds/001 §Ⅱ 客服部管理制度與崗位職責 (= seeds/004 §3) and seeds/000 四(五) 客户服务评价体系.
 * zh-TW uses correct Traditional forms where the seed's machine conversion did not (分鐘, 標準, 規範, 準確, 週).
 */
export type RuleLocale = 'zh-CN' | 'zh-TW' | 'en';
type Localized = Readonly<Record<RuleLocale, string>>;

export const RULE_TEXTS: Readonly<Record<string, { source: Localized; text: Localized }>> = {
  'escalate.must-report': {
    source: { 'zh-CN': '请示报告制度 1–5', 'zh-TW': '請示報告制度 1–5', en: 'Reporting rules §1–5' },
    text: {
      'zh-CN': '政治及失泄密问题、重大差错事故或严重违纪、危及设备人身安全、超出本职范围的问题须及时请示报告；用户故意刁难报班长解决。',
      'zh-TW': '政治及失泄密問題、重大差錯事故或嚴重違紀、危及設備人身安全、超出本職範圍的問題須及時請示報告；用戶故意刁難報班長解決。',
      en: 'Report promptly: political or data-leak issues, major errors, accidents or serious breaches, danger to equipment or people, matters beyond your remit; customer harassment: team lead.',
    },
  },
  'escalate.level-by-level': {
    source: { 'zh-CN': '请示报告制度 6', 'zh-TW': '請示報告制度 6', en: 'Reporting rules §6' },
    text: { 'zh-CN': '请示报告应逐级进行，不得越级（紧急情况除外）。', 'zh-TW': '請示報告應逐級進行，不得越級（緊急情況除外）。', en: 'Reports go level by level to the next superior; do not skip levels except in an emergency.' },
  },
  'escalate.emergency-skip': {
    source: { 'zh-CN': '请示报告制度 6', 'zh-TW': '請示報告制度 6', en: 'Reporting rules §6' },
    text: { 'zh-CN': '遇有紧急情况可越级请示报告，但事后应向上级汇报。', 'zh-TW': '遇有緊急情況可越級請示報告，但事後應向上級匯報。', en: 'In an emergency you may skip levels, but must report to the skipped superiors afterwards.' },
  },
  'escalate.proposal': {
    source: { 'zh-CN': '请示报告制度 7', 'zh-TW': '請示報告制度 7', en: 'Reporting rules §7' },
    text: { 'zh-CN': '请示报告要及时、准确，并根据情况提出处理意见。', 'zh-TW': '請示報告要及時、準確，並根據情況提出處理意見。', en: 'Reports must be timely and accurate and include your proposed handling.' },
  },
  'escalate.instructions': {
    source: { 'zh-CN': '请示报告制度 7', 'zh-TW': '請示報告制度 7', en: 'Reporting rules §7' },
    text: {
      'zh-CN': '上级指示要详细记载、认真执行；有不同意见可提出建议，上级坚持原意时应先执行，再按组织原则向上反映。',
      'zh-TW': '上級指示要詳細記載、認真執行；有不同意見可提出建議，上級堅持原意時應先執行，再按組織原則向上反映。',
      en: "Record superiors' instructions in detail and carry them out; you may object, but if they insist, comply first, then raise it upward.",
    },
  },
  'handover.early-arrival': {
    source: { 'zh-CN': '交接班制度 1', 'zh-TW': '交接班制度 1', en: 'Handover rules §1' },
    text: {
      'zh-CN': '提前 {earlyArrivalMinutes} 分钟到岗，认真听取班长点名点评。',
      'zh-TW': '提前 {earlyArrivalMinutes} 分鐘到崗，認真聽取班長點名點評。',
      en: "Arrive {earlyArrivalMinutes} minutes before your shift and attend the team lead's roll call and review.",
    },
  },
  'handover.outgoing-waits': {
    source: { 'zh-CN': '交接班制度 4', 'zh-TW': '交接班制度 4', en: 'Handover rules §4' },
    text: { 'zh-CN': '接班人未到机台，交班人不得离台。', 'zh-TW': '接班人未到機台，交班人不得離台。', en: 'The outgoing agent may not leave the desk until the incoming agent has arrived at it.' },
  },
  'handover.read-notices': {
    source: { 'zh-CN': '交接班制度 5', 'zh-TW': '交接班制度 5', en: 'Handover rules §5' },
    text: { 'zh-CN': '仔细阅读最新通告，及时了解业务变更及优惠政策。', 'zh-TW': '仔細閱讀最新通告，及時了解業務變更及優惠政策。', en: 'Read the latest notices carefully to keep up with business changes and special offers.' },
  },
  'handover.log-contents': {
    source: { 'zh-CN': '交接班制度 6', 'zh-TW': '交接班制度 6', en: 'Handover rules §6' },
    text: { 'zh-CN': '交接日志要把设备情况、疑难问题、人员调班情况记录清楚明了。', 'zh-TW': '交接日誌要把設備情況、疑難問題、人員調班情況記錄清楚明了。', en: 'The handover log must clearly record equipment status, difficult issues and staff shift changes.' },
  },
  'handover.meeting': {
    source: { 'zh-CN': '会议制度 1', 'zh-TW': '會議制度 1', en: 'Meeting rules §1' },
    text: {
      'zh-CN': '交接时，业务增加变动、上级批示精神、客户建议投诉及流程设备变动，要向下一班交待清楚并记录清楚。',
      'zh-TW': '交接時，業務增加變動、上級批示精神、客戶建議投訴及流程設備變動，要向下一班交待清楚並記錄清楚。',
      en: "At handover, pass business changes, superiors' instructions, customer suggestions and complaints, and process or equipment changes to the next shift, and record them.",
    },
  },
  'duty.no-leaving-post': {
    source: { 'zh-CN': '值班制度 5；现场规范化标准 7', 'zh-TW': '值班制度 5；現場規範化標準 7', en: 'Duty rules §5; Floor standards §7' },
    text: {
      'zh-CN': '未经值班长批准不得擅离职守；出入机房不得超过规定时限，特殊情况需请示班长。',
      'zh-TW': '未經值班長批准不得擅離職守；出入機房不得超過規定時限，特殊情況需請示班長。',
      en: "Do not leave your post without the duty team lead's approval; time out of the room is limited, special cases need the team lead's approval.",
    },
  },
  'leave.advance': {
    source: { 'zh-CN': '请假制度 二', 'zh-TW': '請假制度 二', en: 'Leave rules §2' },
    text: {
      'zh-CN': '病事假须提前请假：一般事假提前 {ordinaryLeaveNoticeDays} 天提出，特殊事假在班前 {specialLeaveNoticeHours} 小时提出。',
      'zh-TW': '病事假須提前請假：一般事假提前 {ordinaryLeaveNoticeDays} 天提出，特殊事假在班前 {specialLeaveNoticeHours} 小時提出。',
      en: 'Request sick or personal leave in advance: ordinary personal leave {ordinaryLeaveNoticeDays} day(s) ahead, special personal leave {specialLeaveNoticeHours} hour(s) before the shift.',
    },
  },
  'leave.late-request': {
    source: { 'zh-CN': '请假制度 二', 'zh-TW': '請假制度 二', en: 'Leave rules §2' },
    text: { 'zh-CN': '不能提前请假的，须经管理人员批准后方可生效，否则按旷工处理。', 'zh-TW': '不能提前請假的，須經管理人員批准後方可生效，否則按曠工處理。', en: 'Leave not requested in time is valid only once a manager approves it; otherwise the absence counts as absenteeism.' },
  },
  'leave.chain': {
    source: { 'zh-CN': '请假制度 三', 'zh-TW': '請假制度 三', en: 'Leave rules §3' },
    text: { 'zh-CN': '请假要逐级办理，不允许越级请假和交叉请假。', 'zh-TW': '請假要逐級辦理，不允許越級請假和交叉請假。', en: "Leave requests go level by level: no skipping levels and no requesting from another team's lead." },
  },
  'leave.authority': {
    source: { 'zh-CN': '请假制度 三', 'zh-TW': '請假制度 三', en: 'Leave rules §3' },
    text: {
      'zh-CN': '假期 {leaveDeptDirectorMaxDays} 天由客服部主任批准；{leaveDeptDirectorMaxDays} 天以上由客服中心主任批准。',
      'zh-TW': '假期 {leaveDeptDirectorMaxDays} 天由客服部主任批准；{leaveDeptDirectorMaxDays} 天以上由客服中心主任批准。',
      en: 'Leave of up to {leaveDeptDirectorMaxDays} day(s) is approved by the department director; longer leave by the center director.',
    },
  },
  'leave.in-person': {
    source: { 'zh-CN': '请假制度 四', 'zh-TW': '請假制度 四', en: 'Leave rules §4' },
    text: { 'zh-CN': '事假必须由本人出面办理，不得由他人代请；病假除外。', 'zh-TW': '事假必須由本人出面辦理，不得由他人代請；病假除外。', en: 'Personal leave must be requested in person, not by someone else; sick leave may be requested on your behalf.' },
  },
  'leave.sick-certificate': {
    source: { 'zh-CN': '请假制度 五', 'zh-TW': '請假制度 五', en: 'Leave rules §5' },
    text: {
      'zh-CN': '病假满 {sickCertificateFromDays} 天须持医疗单位证明方可生效（急诊除外）；证明时间须连续，假条于病假到期后第一天交班长。',
      'zh-TW': '病假滿 {sickCertificateFromDays} 天須持醫療單位證明方可生效（急診除外）；證明時間須連續，假條於病假到期後第一天交班長。',
      en: 'Sick leave of {sickCertificateFromDays}+ day(s) needs a continuous medical certificate (emergencies excepted), given to the team lead the first day after it ends.',
    },
  },
  'leave.sick-emergency': {
    source: { 'zh-CN': '请假制度 五', 'zh-TW': '請假制度 五', en: 'Leave rules §5' },
    text: { 'zh-CN': '急诊必须在班前电话通知班长（可委托他人）。', 'zh-TW': '急診必須在班前電話通知班長（可委託他人）。', en: 'For an emergency, phone the team lead before the shift (someone may call on your behalf).' },
  },
  'leave.night-shift': {
    source: { 'zh-CN': '请假制度 六', 'zh-TW': '請假制度 六', en: 'Leave rules §6' },
    text: {
      'zh-CN': '原则上夜班不允许请假；特殊情况须在当日 {nightLeaveRequestDeadline} 之前提出，经管理人员批准后方可生效。',
      'zh-TW': '原則上夜班不允許請假；特殊情況須在當日 {nightLeaveRequestDeadline} 之前提出，經管理人員批准後方可生效。',
      en: "No leave for night shifts in principle; a special case must be requested before {nightLeaveRequestDeadline} that day and needs a manager's approval.",
    },
  },
  'leave.holiday': {
    source: { 'zh-CN': '请假制度 七', 'zh-TW': '請假制度 七', en: 'Leave rules §7' },
    text: {
      'zh-CN': '节假日不允许请假；极特殊情况须提前 {holidayLeaveNoticeDays} 天提出，经管理人员批准后方可生效。',
      'zh-TW': '節假日不允許請假；極特殊情況須提前 {holidayLeaveNoticeDays} 天提出，經管理人員批准後方可生效。',
      en: "No leave on public holidays; a very special case must be requested {holidayLeaveNoticeDays} days ahead and needs a manager's approval.",
    },
  },
  'leave.discipline': {
    source: { 'zh-CN': '请假制度 八', 'zh-TW': '請假制度 八', en: 'Leave rules §8' },
    text: {
      'zh-CN': '班前未请假，迟到 {lateThresholdMinutes} 分钟及以上，或擅离值守脱岗 {awayThresholdMinutes} 分钟及以上者，按违纪处理。',
      'zh-TW': '班前未請假，遲到 {lateThresholdMinutes} 分鐘及以上，或擅離值守脫崗 {awayThresholdMinutes} 分鐘及以上者，按違紀處理。',
      en: 'Without leave requested before the shift, arriving {lateThresholdMinutes}+ minutes late or leaving your post for {awayThresholdMinutes}+ minutes is a disciplinary violation.',
    },
  },
  'leave.business': {
    source: { 'zh-CN': '请假制度 九', 'zh-TW': '請假制度 九', en: 'Leave rules §9' },
    text: { 'zh-CN': '因公事及外出学习，需经客服中心主任批准。', 'zh-TW': '因公事及外出學習，需經客服中心主任批准。', en: "Official business and external study need the center director's approval." },
  },
  'swap.allowed': {
    source: { 'zh-CN': '换班制度 一', 'zh-TW': '換班制度 一', en: 'Shift swap rules §1' },
    text: { 'zh-CN': '员工因本人或其他需要，须在工作时间内亲自处理事情的，可允许换班。', 'zh-TW': '員工因本人或其他需要，須在工作時間內親自處理事情的，可允許換班。', en: 'An agent who needs to handle a matter in person during working hours may swap a shift.' },
  },
  'swap.both-leads': {
    source: { 'zh-CN': '换班制度 二', 'zh-TW': '換班制度 二', en: 'Shift swap rules §2' },
    text: { 'zh-CN': '换班必须经双方班长同意，并填写换班登记表。', 'zh-TW': '換班必須經雙方班長同意，並填寫換班登記表。', en: "A swap needs the consent of both agents' team leads and a completed swap registration form." },
  },
  'swap.monthly-limit': {
    source: { 'zh-CN': '换班制度 三', 'zh-TW': '換班制度 三', en: 'Shift swap rules §3' },
    text: { 'zh-CN': '每人每月换班不得超过 {maxSwapsPerMonth} 次。', 'zh-TW': '每人每月換班不得超過 {maxSwapsPerMonth} 次。', en: 'No more than {maxSwapsPerMonth} shift swaps per person per month.' },
  },
  'swap.no-consecutive': {
    source: { 'zh-CN': '换班制度 三', 'zh-TW': '換班制度 三', en: 'Shift swap rules §3' },
    text: { 'zh-CN': '不允许连续换班。', 'zh-TW': '不允許連續換班。', en: 'Consecutive swaps are not allowed.' },
  },
  'swap.no-back-to-back': {
    source: { 'zh-CN': '换班制度 三', 'zh-TW': '換班制度 三', en: 'Shift swap rules §3' },
    text: { 'zh-CN': '换班者、还班者均不允许连班。', 'zh-TW': '換班者、還班者均不允許連班。', en: 'Neither the swapper nor the one paying the shift back may end up working back-to-back shifts.' },
  },
  'swap.same-role-skill': {
    source: { 'zh-CN': '换班制度 四', 'zh-TW': '換班制度 四', en: 'Shift swap rules §4' },
    text: {
      'zh-CN': '换班必须坚持同工种、技术业务水平相当的原则（技能等级相差不超过 {swapSkillTolerance} 级）。',
      'zh-TW': '換班必須堅持同工種、技術業務水平相當的原則（技能等級相差不超過 {swapSkillTolerance} 級）。',
      en: 'Swaps must be between the same job type and a comparable skill level (at most {swapSkillTolerance} level(s) apart).',
    },
  },
  'swap.handover': {
    source: { 'zh-CN': '换班制度 五', 'zh-TW': '換班制度 五', en: 'Shift swap rules §5' },
    text: {
      'zh-CN': '换班双方必须交待清楚；交代不清造成误班、空班的按旷工处理，并按责任大小考核双方当事人。',
      'zh-TW': '換班雙方必須交待清楚；交代不清造成誤班、空班的按曠工處理，並按責任大小考核雙方當事人。',
      en: 'Both parties must hand over clearly; a missed or empty shift from an unclear swap is absenteeism, and both are assessed by responsibility.',
    },
  },
  'swap.no-leave': {
    source: { 'zh-CN': '换班制度 六', 'zh-TW': '換班制度 六', en: 'Shift swap rules §6' },
    text: { 'zh-CN': '换班和还班均不得请假，否则按旷工处理。', 'zh-TW': '換班和還班均不得請假，否則按曠工處理。', en: 'No leave on a swapped or paid-back shift; otherwise it counts as absenteeism.' },
  },
  'swap.staffing': {
    source: { 'zh-CN': '换班制度 七', 'zh-TW': '換班制度 七', en: 'Shift swap rules §7' },
    text: { 'zh-CN': '班长必须掌握人员情况，不得随意批准换班。', 'zh-TW': '班長必須掌握人員情況，不得隨意批准換班。', en: 'Team leads must know their staffing situation and may not approve swaps casually.' },
  },
  'swap.holiday': {
    source: { 'zh-CN': '换班制度 九', 'zh-TW': '換班制度 九', en: 'Shift swap rules §9' },
    text: { 'zh-CN': '节假日当班人员不允许换班或请假。', 'zh-TW': '節假日當班人員不允許換班或請假。', en: 'Staff on duty on public holidays may neither swap nor take leave.' },
  },
  'qa.quota': {
    source: { 'zh-CN': '质检员的职责 3', 'zh-TW': '質檢員的職責 3', en: 'QA inspector duties §3' },
    text: { 'zh-CN': '质检员每月对每人监听不少于 {qaMonthlyQuota} 次。', 'zh-TW': '質檢員每月對每人監聽不少於 {qaMonthlyQuota} 次。', en: 'QA monitors each agent at least {qaMonthlyQuota} times a month.' },
  },
  'qa.criteria': {
    source: { 'zh-CN': '质检员的职责 3', 'zh-TW': '質檢員的職責 3', en: 'QA inspector duties §3' },
    text: {
      'zh-CN': '监听内容包括服务用语、服务态度、语气语调、客户需求的归纳能力、接待客户应变能力等。',
      'zh-TW': '監聽內容包括服務用語、服務態度、語氣語調、客戶需求的歸納能力、接待客戶應變能力等。',
      en: "Each check covers service wording, attitude, tone, summarizing the customer's needs, and adaptability in handling customers.",
    },
  },
  'qa.form': {
    source: { 'zh-CN': '质检员的职责 4', 'zh-TW': '質檢員的職責 4', en: 'QA inspector duties §4' },
    text: { 'zh-CN': '每人每次检查情况须详细填写在服务质量综合考评表上，每月汇总上交考核。', 'zh-TW': '每人每次檢查情況須詳細填寫在服務質量綜合考評表上，每月匯總上交考核。', en: 'Every check is written up in detail on the service-quality evaluation form and summarized monthly for assessment.' },
  },
  'qa.weekly': {
    source: { 'zh-CN': '质检员的职责 5', 'zh-TW': '質檢員的職責 5', en: 'QA inspector duties §5' },
    text: {
      'zh-CN': '每周小结一次，据检查结果制定全员或单独培训计划，连同质检分析报告交客服部主任。',
      'zh-TW': '每週小結一次，據檢查結果制定全員或單獨培訓計劃，連同質檢分析報告交客服部主任。',
      en: 'Summarize weekly, draw up a whole-team or individual training plan, and submit it with a QA analysis report to the department director.',
    },
  },
  'qa.rollcall': {
    source: { 'zh-CN': '质检员的职责 6', 'zh-TW': '質檢員的職責 6', en: 'QA inspector duties §6' },
    text: { 'zh-CN': '点名点评时，将检查中发现的带有普遍性的服务质量问题向业务代表详细讲评。', 'zh-TW': '點名點評時，將檢查中發現的帶有普遍性的服務質量問題向業務代表詳細講評。', en: 'At roll call, common service-quality problems found in checks are reviewed in detail with the agents.' },
  },
  'report.daily': {
    source: { 'zh-CN': '班长责任制 4', 'zh-TW': '班長責任制 4', en: 'Team lead responsibilities §4' },
    text: {
      'zh-CN': '日班值班长每天统计当天工作情况（系统问题、疑难汇总，咨询、查询、主动服务工作量日报、周报）交客服部主任。',
      'zh-TW': '日班值班長每天統計當天工作情況（系統問題、疑難匯總，諮詢、查詢、主動服務工作量日報、週報）交客服部主任。',
      en: "The day-shift lead reports each day's work (system problems, difficult issues, consultation/query/proactive-service workload, daily and weekly) to the department director.",
    },
  },
  'report.monthly-quality': {
    source: { 'zh-CN': '班长责任制 3', 'zh-TW': '班長責任制 3', en: 'Team lead responsibilities §3' },
    text: {
      'zh-CN': '班长认真填写值班日志，每月汇总形成服务质量分析报告，{monthlyQualityReportDueDay} 日前交客服部主任。',
      'zh-TW': '班長認真填寫值班日誌，每月匯總形成服務質量分析報告，{monthlyQualityReportDueDay} 日前交客服部主任。',
      en: 'Team leads keep the duty log and submit a monthly service-quality analysis report to the department director by day {monthlyQualityReportDueDay}.',
    },
  },
  'report.weekly-followups': {
    source: { 'zh-CN': '客服部主任工作职责 6', 'zh-TW': '客服部主任工作職責 6', en: 'Department director duties §6' },
    text: { 'zh-CN': '客服部主任每周汇总统计受理督办、反馈、回访情况，并将结果及时上报。', 'zh-TW': '客服部主任每週匯總統計受理督辦、反饋、回訪情況，並將結果及時上報。', en: 'The department director compiles weekly statistics of supervised items, feedback and callbacks, and reports the results promptly.' },
  },
  'meeting.weekly': {
    source: { 'zh-CN': '会议制度 2', 'zh-TW': '會議制度 2', en: 'Meeting rules §2' },
    text: {
      'zh-CN': '班务会每周一次，客服部主任主持、各班长参加；疑难问题经案例分析总结出统一答复口径，传达到每位业务代表。',
      'zh-TW': '班務會每週一次，客服部主任主持、各班長參加；疑難問題經案例分析總結出統一答覆口徑，傳達到每位業務代表。',
      en: 'Weekly team-lead meeting chaired by the department director; difficult cases are analysed into a unified answer passed on to every agent.',
    },
  },
  'meeting.monthly': {
    source: { 'zh-CN': '会议制度 3', 'zh-TW': '會議制度 3', en: 'Meeting rules §3' },
    text: {
      'zh-CN': '业务代表会议每月 {monthlyMeetingBeforeDay} 日前周五召开，通报月工作任务完成情况，根据质检检查情况奖优罚劣。',
      'zh-TW': '業務代表會議每月 {monthlyMeetingBeforeDay} 日前週五召開，通報月工作任務完成情況，根據質檢檢查情況獎優罰劣。',
      en: 'All-agent meeting on the Friday before day {monthlyMeetingBeforeDay} each month: monthly results, with rewards and penalties based on QA findings.',
    },
  },
  'eval.satisfaction': {
    source: { 'zh-CN': '客户服务评价体系 1（1）', 'zh-TW': '客戶服務評價體系 1（1）', en: 'Service evaluation system §1(1)' },
    text: {
      'zh-CN': '客户服务调查满意率：统计分析客户对服务调查问卷（{surveyScalePoints} 级量表）的反馈意见，反映客户满意程度。',
      'zh-TW': '客戶服務調查滿意率：統計分析客戶對服務調查問卷（{surveyScalePoints} 級量表）的反饋意見，反映客戶滿意程度。',
      en: 'Customer satisfaction rate: from survey feedback on a {surveyScalePoints}-point scale, how satisfied customers are with the service.',
    },
  },
  'eval.resolution': {
    source: { 'zh-CN': '客户服务评价体系 1（2）', 'zh-TW': '客戶服務評價體系 1（2）', en: 'Service evaluation system §1(2)' },
    text: {
      'zh-CN': '客户投诉、建议办结率：统计各单位对服务投诉、建议的整改情况，反映服务机制的完善程度和反应速度。',
      'zh-TW': '客戶投訴、建議辦結率：統計各單位對服務投訴、建議的整改情況，反映服務機制的完善程度和反應速度。',
      en: "Complaint and suggestion resolution rate: how each unit has acted on service complaints and suggestions, showing its mechanism's completeness and speed.",
    },
  },
  'eval.plan-satisfaction': {
    source: { 'zh-CN': '客户服务评价体系 1（3）', 'zh-TW': '客戶服務評價體系 1（3）', en: 'Service evaluation system §1(3)' },
    text: {
      'zh-CN': '服务方案满意率：统计分析客户对所提交服务方案的采纳情况及运行效果的满意程度。',
      'zh-TW': '服務方案滿意率：統計分析客戶對所提交服務方案的採納情況及運行效果的滿意程度。',
      en: 'Service-plan satisfaction rate: adoption of the service plans submitted and customer satisfaction with their results.',
    },
  },
  'eval.complaint-deduction': {
    source: { 'zh-CN': '客户服务评价体系 1（4）', 'zh-TW': '客戶服務評價體系 1（4）', en: 'Service evaluation system §1(4)' },
    text: {
      'zh-CN': '考核期内每发生一起客户投诉，当期该单位客户服务满意率扣减 {complaintDeductionPercent}%。',
      'zh-TW': '考核期內每發生一起客戶投訴，當期該單位客戶服務滿意率扣減 {complaintDeductionPercent}%。',
      en: "Each customer complaint in the assessment period deducts {complaintDeductionPercent}% from the unit's satisfaction rate for that period.",
    },
  },
  'eval.major-incident-zero': {
    source: { 'zh-CN': '客户服务评价体系 1（5）', 'zh-TW': '客戶服務評價體系 1（5）', en: 'Service evaluation system §1(5)' },
    text: {
      'zh-CN': '发生客户举报、有价票证重大安全事件、重大业务差错事故或重大违规违纪的单位，考核期内客户服务满意率为零。',
      'zh-TW': '發生客戶舉報、有價票證重大安全事件、重大業務差錯事故或重大違規違紀的單位，考核期內客戶服務滿意率為零。',
      en: "A customer report, a major security incident with valuable instruments, a major business error or a major violation sets the unit's satisfaction rate to zero.",
    },
  },
  'eval.weights': {
    source: { 'zh-CN': '客户服务评价体系 2', 'zh-TW': '客戶服務評價體系 2', en: 'Service evaluation system §2' },
    text: {
      'zh-CN': '综合得分按权重计算：满意率 {weightSatisfaction}%，办结率 {weightResolution}%，方案满意率 {weightPlanSatisfaction}%。',
      'zh-TW': '綜合得分按權重計算：滿意率 {weightSatisfaction}%，辦結率 {weightResolution}%，方案滿意率 {weightPlanSatisfaction}%。',
      en: 'The composite score weights satisfaction {weightSatisfaction}%, resolution {weightResolution}% and plan satisfaction {weightPlanSatisfaction}%.',
    },
  },
  'sync.clock-drift': {
    source: { 'zh-CN': '值班台同步规则', 'zh-TW': '值班台同步規則', en: 'Zhiban sync rule' },
    text: {
      'zh-CN': '本机时钟最多可比服务器快 {clockDriftMinutes} 分钟。',
      'zh-TW': '本機時鐘最多可比伺服器快 {clockDriftMinutes} 分鐘。',
      en: "A desk's clock may run at most {clockDriftMinutes} minutes ahead of the server's.",
    },
  },
  'sync.max-offline-age': {
    source: { 'zh-CN': '值班台同步规则', 'zh-TW': '值班台同步規則', en: 'Zhiban sync rule' },
    text: {
      'zh-CN': '离线完成的操作须在 {maxOfflineDays} 天内同步到服务器。',
      'zh-TW': '離線完成的操作須在 {maxOfflineDays} 天內同步到伺服器。',
      en: 'Work done offline must reach the server within {maxOfflineDays} days.',
    },
  },
};

/** `swap.monthly-limit (換班制度 三)`: how a decision names a rule to the person reading it. */
export function ruleCitation(locale: RuleLocale, ruleId: string): string {
  const r = RULE_TEXTS[ruleId];
  return r ? `${ruleId} (${r.source[locale]})` : ruleId;
}

/** The rule's statement with the policy's numbers in it. */
export function ruleStatement(locale: RuleLocale, ruleId: string, values: Readonly<Record<string, unknown>>): string | null {
  const r = RULE_TEXTS[ruleId];
  return r ? r.text[locale].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m)) : null;
}
