import { defineRules } from '../rules/catalogue';

/** The center evaluation (客户服务评价体系), seeds/000 四(五). Line params are what the rule functions emit. */
export const evaluationRuleTexts = defineRules({
  'eval.satisfaction': {
    doc: { 'zh-CN': '客户服务评价体系', 'zh-TW': '客戶服務評價體系', en: 'Service evaluation system' },
    section: { 'zh-CN': '1（1）', 'zh-TW': '1（1）', en: '§1(1)' },
    statement: { 'zh-CN': '客户服务调查满意率：统计分析客户对服务调查问卷（{surveyScalePoints} 级量表）的反馈意见，反映客户满意程度。', 'zh-TW': '客戶服務調查滿意率：統計分析客戶對服務調查問卷（{surveyScalePoints} 級量表）的反饋意見，反映客戶滿意程度。', en: 'Customer satisfaction rate: from survey feedback on a {surveyScalePoints}-point scale, how satisfied customers are with the service.' },
    enforced: 'shown',
  },
  'eval.resolution': {
    doc: { 'zh-CN': '客户服务评价体系', 'zh-TW': '客戶服務評價體系', en: 'Service evaluation system' },
    section: { 'zh-CN': '1（2）', 'zh-TW': '1（2）', en: '§1(2)' },
    statement: { 'zh-CN': '客户投诉、建议办结率：统计各单位对服务投诉、建议的整改情况，反映服务机制的完善程度和反应速度。', 'zh-TW': '客戶投訴、建議辦結率：統計各單位對服務投訴、建議的整改情況，反映服務機制的完善程度和反應速度。', en: "Complaint and suggestion resolution rate: how each unit has acted on service complaints and suggestions, showing its mechanism's completeness and speed." },
    enforced: 'shown',
  },
  'eval.plan-satisfaction': {
    doc: { 'zh-CN': '客户服务评价体系', 'zh-TW': '客戶服務評價體系', en: 'Service evaluation system' },
    section: { 'zh-CN': '1（3）', 'zh-TW': '1（3）', en: '§1(3)' },
    statement: { 'zh-CN': '服务方案满意率：统计分析客户对所提交服务方案的采纳情况及运行效果的满意程度。', 'zh-TW': '服務方案滿意率：統計分析客戶對所提交服務方案的採納情況及運行效果的滿意程度。', en: 'Service-plan satisfaction rate: adoption of the service plans submitted and customer satisfaction with their results.' },
    enforced: 'shown',
  },
  'eval.complaint-deduction': {
    doc: { 'zh-CN': '客户服务评价体系', 'zh-TW': '客戶服務評價體系', en: 'Service evaluation system' },
    section: { 'zh-CN': '1（4）', 'zh-TW': '1（4）', en: '§1(4)' },
    statement: { 'zh-CN': '考核期内每发生一起客户投诉，当期该单位客户服务满意率扣减 {complaintDeductionPercent}%。', 'zh-TW': '考核期內每發生一起客戶投訴，當期該單位客戶服務滿意率扣減 {complaintDeductionPercent}%。', en: "Each customer complaint in the assessment period deducts {complaintDeductionPercent}% from the unit's satisfaction rate for that period." },
    enforced: 'shown',
  },
  'eval.major-incident-zero': {
    doc: { 'zh-CN': '客户服务评价体系', 'zh-TW': '客戶服務評價體系', en: 'Service evaluation system' },
    section: { 'zh-CN': '1（5）', 'zh-TW': '1（5）', en: '§1(5)' },
    statement: { 'zh-CN': '发生客户举报、有价票证重大安全事件、重大业务差错事故或重大违规违纪的单位，考核期内客户服务满意率为零。', 'zh-TW': '發生客戶舉報、有價票證重大安全事件、重大業務差錯事故或重大違規違紀的單位，考核期內客戶服務滿意率為零。', en: "A customer report, a major security incident with valuable instruments, a major business error or a major violation sets the unit's satisfaction rate to zero." },
    enforced: 'shown',
  },
  'eval.weights': {
    doc: { 'zh-CN': '客户服务评价体系', 'zh-TW': '客戶服務評價體系', en: 'Service evaluation system' },
    section: { 'zh-CN': '2', 'zh-TW': '2', en: '§2' },
    statement: { 'zh-CN': '综合得分按权重计算：满意率 {weightSatisfaction}%，办结率 {weightResolution}%，方案满意率 {weightPlanSatisfaction}%。', 'zh-TW': '綜合得分按權重計算：滿意率 {weightSatisfaction}%，辦結率 {weightResolution}%，方案滿意率 {weightPlanSatisfaction}%。', en: 'The composite score weights satisfaction {weightSatisfaction}%, resolution {weightResolution}% and plan satisfaction {weightPlanSatisfaction}%.' },
    enforced: 'shown',
  },
});
