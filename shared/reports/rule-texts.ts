import { defineRules } from '../rules/catalogue';

/** Reports (班長責任制, 客服部主任工作職責) and meetings (會議制度), seeds/001 §Ⅱ. Line params are what the rule functions emit. */
export const reportRuleTexts = defineRules({
  'report.daily': {
    doc: { 'zh-CN': '班长责任制', 'zh-TW': '班長責任制', en: 'Team lead responsibilities' },
    section: { 'zh-CN': '4', 'zh-TW': '4', en: '§4' },
    statement: { 'zh-CN': '日班值班长每天统计当天工作情况（系统问题、疑难汇总，咨询、查询、主动服务工作量日报、周报）交客服部主任。', 'zh-TW': '日班值班長每天統計當天工作情況（系統問題、疑難匯總，諮詢、查詢、主動服務工作量日報、週報）交客服部主任。', en: "The day-shift lead reports each day's work (system problems, difficult issues, consultation/query/proactive-service workload, daily and weekly) to the department director." },
    enforced: 'checked',
  },
  'report.monthly-quality': {
    doc: { 'zh-CN': '班长责任制', 'zh-TW': '班長責任制', en: 'Team lead responsibilities' },
    section: { 'zh-CN': '3', 'zh-TW': '3', en: '§3' },
    statement: { 'zh-CN': '班长认真填写值班日志，每月汇总形成服务质量分析报告，{monthlyQualityReportDueDay} 日前交客服部主任。', 'zh-TW': '班長認真填寫值班日誌，每月匯總形成服務質量分析報告，{monthlyQualityReportDueDay} 日前交客服部主任。', en: 'Team leads keep the duty log and submit a monthly service-quality analysis report to the department director by day {monthlyQualityReportDueDay}.' },
    enforced: 'checked',
  },
  'report.weekly-followups': {
    doc: { 'zh-CN': '客服部主任工作职责', 'zh-TW': '客服部主任工作職責', en: 'Department director duties' },
    section: { 'zh-CN': '6', 'zh-TW': '6', en: '§6' },
    statement: { 'zh-CN': '客服部主任每周汇总统计受理督办、反馈、回访情况，并将结果及时上报。', 'zh-TW': '客服部主任每週匯總統計受理督辦、反饋、回訪情況，並將結果及時上報。', en: 'The department director compiles weekly statistics of supervised items, feedback and callbacks, and reports the results promptly.' },
    enforced: 'checked',
  },
  'meeting.monthly': {
    doc: { 'zh-CN': '会议制度', 'zh-TW': '會議制度', en: 'Meeting rules' },
    section: { 'zh-CN': '3', 'zh-TW': '3', en: '§3' },
    statement: { 'zh-CN': '业务代表会议每月 {monthlyMeetingBeforeDay} 日前周五召开，通报月工作任务完成情况，根据质检检查情况奖优罚劣。', 'zh-TW': '業務代表會議每月 {monthlyMeetingBeforeDay} 日前週五召開，通報月工作任務完成情況，根據質檢檢查情況獎優罰劣。', en: 'All-agent meeting on the Friday before day {monthlyMeetingBeforeDay} each month: monthly results, with rewards and penalties based on QA findings.' },
    enforced: 'checked',
  },
});
