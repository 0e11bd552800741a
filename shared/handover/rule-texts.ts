import { defineRules } from '../rules/catalogue';

/** Shift change (交接班制度) and duty (值班制度), seeds/001 §Ⅱ. Line params are what the rule functions emit. */
export const handoverRuleTexts = defineRules({
  'handover.early-arrival': {
    doc: { 'zh-CN': '交接班制度', 'zh-TW': '交接班制度', en: 'Handover rules' },
    section: { 'zh-CN': '1', 'zh-TW': '1', en: '§1' },
    statement: { 'zh-CN': '提前 {earlyArrivalMinutes} 分钟到岗，认真听取班长点名点评。', 'zh-TW': '提前 {earlyArrivalMinutes} 分鐘到崗，認真聽取班長點名點評。', en: "Arrive {earlyArrivalMinutes} minutes before your shift and attend the team lead's roll call and review." },
    enforced: 'shown',
  },
  'handover.outgoing-waits': {
    doc: { 'zh-CN': '交接班制度', 'zh-TW': '交接班制度', en: 'Handover rules' },
    section: { 'zh-CN': '4', 'zh-TW': '4', en: '§4' },
    statement: { 'zh-CN': '接班人未到机台，交班人不得离台。', 'zh-TW': '接班人未到機台，交班人不得離台。', en: 'The outgoing agent may not leave the desk until the incoming agent has arrived at it.' },
    enforced: 'shown',
  },
  'handover.read-notices': {
    doc: { 'zh-CN': '交接班制度', 'zh-TW': '交接班制度', en: 'Handover rules' },
    section: { 'zh-CN': '5', 'zh-TW': '5', en: '§5' },
    statement: { 'zh-CN': '仔细阅读最新通告，及时了解业务变更及优惠政策。', 'zh-TW': '仔細閱讀最新通告，及時了解業務變更及優惠政策。', en: 'Read the latest notices carefully to keep up with business changes and special offers.' },
    enforced: 'shown',
  },
  'handover.log-contents': {
    doc: { 'zh-CN': '交接班制度', 'zh-TW': '交接班制度', en: 'Handover rules' },
    section: { 'zh-CN': '6', 'zh-TW': '6', en: '§6' },
    statement: { 'zh-CN': '交接日志要把设备情况、疑难问题、人员调班情况记录清楚明了。', 'zh-TW': '交接日誌要把設備情況、疑難問題、人員調班情況記錄清楚明了。', en: 'The handover log must clearly record equipment status, difficult issues and staff shift changes.' },
    enforced: 'shown',
  },
  'handover.meeting': {
    doc: { 'zh-CN': '会议制度', 'zh-TW': '會議制度', en: 'Meeting rules' },
    section: { 'zh-CN': '1', 'zh-TW': '1', en: '§1' },
    statement: { 'zh-CN': '交接时，业务增加变动、上级批示精神、客户建议投诉及流程设备变动，要向下一班交待清楚并记录清楚。', 'zh-TW': '交接時，業務增加變動、上級批示精神、客戶建議投訴及流程設備變動，要向下一班交待清楚並記錄清楚。', en: "At handover, pass business changes, superiors' instructions, customer suggestions and complaints, and process or equipment changes to the next shift, and record them." },
    enforced: 'shown',
  },
  'duty.no-leaving-post': {
    doc: { 'zh-CN': '值班制度 5；现场规范化标准', 'zh-TW': '值班制度 5；現場規範化標準', en: 'Duty rules §5; Floor standards' },
    section: { 'zh-CN': '7', 'zh-TW': '7', en: '§7' },
    statement: { 'zh-CN': '未经值班长批准不得擅离职守；出入机房不得超过规定时限，特殊情况需请示班长。', 'zh-TW': '未經值班長批准不得擅離職守；出入機房不得超過規定時限，特殊情況需請示班長。', en: "Do not leave your post without the duty team lead's approval; time out of the room is limited, special cases need the team lead's approval." },
    enforced: 'shown',
  },
});
