import { defineRules } from '../rules/catalogue';

const SERVICE = { 'zh-CN': '服务承诺', 'zh-TW': '服務承諾', en: 'Service commitment' } as const;
const ZERO = { 'zh-CN': '金融服务质量判定标准 · 零投诉', 'zh-TW': '金融服務質量判定標準 · 零投訴', en: 'Service quality criteria · zero complaints' } as const;
const s2 = { 'zh-CN': 'Ⅲ.2', 'zh-TW': 'Ⅲ.2', en: '§III.2' } as const;

/** Work orders (服务承诺, seeds/001) and the complaint steps (零投诉, seeds/001 Ⅲ.2). */
export const workOrderRuleTexts = defineRules({
  'workorder.due': {
    doc: SERVICE,
    section: { 'zh-CN': '服务承诺制', 'zh-TW': '服務承諾制', en: 'commitment' },
    statement: {
      'zh-CN': '工单按服务承诺的时限办结：一般工单 {workOrderDueHours} 小时，投诉 {complaintDueHours} 小时，回访 {callbackDueHours} 小时，从登记时起算。',
      'zh-TW': '工單按服務承諾的時限辦結：一般工單 {workOrderDueHours} 小時，投訴 {complaintDueHours} 小時，回訪 {callbackDueHours} 小時，從登記時起算。',
      en: 'A work order is done within the service commitment: {workOrderDueHours} h for most, {complaintDueHours} h for a complaint, {callbackDueHours} h for a callback, from when it is created.',
    },
    lines: { pass: { 'zh-CN': '须在 {due} 前办结（{hours} 小时）', 'zh-TW': '須在 {due} 前辦結（{hours} 小時）', en: 'Due by {due} ({hours} h)' } },
    enforced: 'checked',
  },
  'workorder.pre-breach': {
    doc: SERVICE,
    section: { 'zh-CN': '服务承诺制', 'zh-TW': '服務承諾制', en: 'commitment' },
    statement: {
      'zh-CN': '工单到期前 {workOrderWarnHours} 小时提醒处理人和班长；超时未办结的列入超时清单，班长可督办。',
      'zh-TW': '工單到期前 {workOrderWarnHours} 小時提醒處理人和班長；逾時未辦結的列入逾時清單，班長可督辦。',
      en: 'The owner and the team lead are warned {workOrderWarnHours} h before a work order is due; overdue ones are listed for the lead to supervise.',
    },
    enforced: 'checked',
  },
  'workorder.close-rights': {
    doc: { 'zh-CN': '班长责任制', 'zh-TW': '班長責任制', en: 'Team lead responsibilities' },
    section: { 'zh-CN': '（本系统的理解）', 'zh-TW': '（本系統的理解）', en: '(our reading)' },
    statement: {
      'zh-CN': '工单由处理人办理；本班组班长和客服部主任也可推进或办结，其他人不能改动别人的工单。',
      'zh-TW': '工單由處理人辦理；本班組班長和客服部主任也可推進或辦結，其他人不能改動別人的工單。',
      en: "A work order is worked by its owner; the team's lead and the department director may also move or close it; nobody else may change someone else's work order.",
    },
    lines: { fail: { 'zh-CN': '这张工单属于 {owner}，你不能改动', 'zh-TW': '這張工單屬於 {owner}，你不能改動', en: 'This work order is {owner}’s; you cannot change it' } },
    enforced: 'checked',
  },
  'complaint.order': {
    doc: ZERO,
    section: s2,
    statement: {
      'zh-CN': '投诉按顺序处理：道歉并记录客户意见 → 立即解决问题 → 给予补偿（应当补偿时）→ 介绍适合的产品 → 留下联系方式长期保持联系；不能跳步。',
      'zh-TW': '投訴按順序處理：道歉並記錄客戶意見 → 立即解決問題 → 給予補償（應當補償時）→ 介紹適合的產品 → 留下聯繫方式長期保持聯繫；不能跳步。',
      en: 'A complaint goes step by step: apologise and record the view → resolve at once → compensate (when due) → recommend a suitable product → keep in touch; no step is skipped.',
    },
    lines: {
      fail: { 'zh-CN': '下一步应是“{next}”，不能先做“{step}”', 'zh-TW': '下一步應是「{next}」，不能先做「{step}」', en: 'The next step is “{next}”, not “{step}”' },
      'fail.notComplaint': { 'zh-CN': '这张工单不是投诉', 'zh-TW': '這張工單不是投訴', en: 'This work order is not a complaint' },
      'fail.dueMissing': { 'zh-CN': '补偿一步须说明是否应当补偿', 'zh-TW': '補償一步須說明是否應當補償', en: 'The compensate step must say whether compensation is due' },
    },
    enforced: 'checked',
  },
  'complaint.apologise': { doc: ZERO, section: s2, statement: { 'zh-CN': '道歉并把客户的意见记下来。', 'zh-TW': '道歉並把客戶的意見記下來。', en: "Apologise and write down the customer's view." }, enforced: 'checked' },
  'complaint.resolve': { doc: ZERO, section: s2, statement: { 'zh-CN': '立刻解决问题；解决这一步完成即计为投诉已办结（办结率）。', 'zh-TW': '立刻解決問題；解決這一步完成即計為投訴已辦結（辦結率）。', en: 'Resolve the problem at once; with this step done the complaint counts as resolved (resolution rate).' }, enforced: 'checked' },
  'complaint.compensate': { doc: ZERO, section: s2, statement: { 'zh-CN': '给客户一定的补偿（应当补偿时；不应补偿的也要记明）。', 'zh-TW': '給客戶一定的補償（應當補償時；不應補償的也要記明）。', en: 'Give the customer some compensation (when due; when not, say so on record).' }, enforced: 'checked' },
  'complaint.recommend': { doc: ZERO, section: s2, statement: { 'zh-CN': '介绍适合的产品给客户。', 'zh-TW': '介紹適合的產品給客戶。', en: 'Recommend a suitable product to the customer.' }, enforced: 'checked' },
  'complaint.follow-up': { doc: ZERO, section: s2, statement: { 'zh-CN': '留下客户的联系方式并与他长期保持联系（回访）。', 'zh-TW': '留下客戶的聯繫方式並與他長期保持聯繫（回訪）。', en: "Keep the customer's contact details and stay in touch (callback)." }, enforced: 'checked' },
});
