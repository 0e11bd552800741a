import { defineRules } from '../rules/catalogue';

const DOC = { 'zh-CN': '客户服务评价体系', 'zh-TW': '客戶服務評價體系', en: 'Service evaluation system' } as const;

/** The center evaluation (客户服务评价体系), seeds/000 四(五). Line params are what shared/evaluation/rules.ts emits. */
export const evaluationRuleTexts = defineRules({
  'eval.satisfaction': {
    doc: DOC,
    section: { 'zh-CN': '1（1）', 'zh-TW': '1（1）', en: '§1(1)' },
    statement: {
      'zh-CN': '客户服务调查满意率：统计分析客户对服务调查问卷（5、7 或 10 级量表，默认 {surveyScalePoints} 级）的反馈意见，反映客户满意程度；答最高两级的算满意（本系统的理解）。',
      'zh-TW': '客戶服務調查滿意率：統計分析客戶對服務調查問卷（5、7 或 10 級量表，預設 {surveyScalePoints} 級）的反饋意見，反映客戶滿意程度；答最高兩級的算滿意（本系統的理解）。',
      en: 'Customer satisfaction rate: from survey feedback (a 5, 7 or 10-point scale, {surveyScalePoints} by default), how satisfied customers are; an answer on the top two points counts as satisfied (our reading).',
    },
    lines: {
      pass: { 'zh-CN': '{surveyed} 份问卷中 {satisfied} 份满意（{scale} 级量表 {from} 分及以上），满意率 {rate}%', 'zh-TW': '{surveyed} 份問卷中 {satisfied} 份滿意（{scale} 級量表 {from} 分及以上），滿意率 {rate}%', en: '{satisfied} of {surveyed} answers satisfied ({from} or more on the {scale}-point scale): {rate}%' },
      'pass.none': { 'zh-CN': '本期没有问卷，满意率不计入综合得分', 'zh-TW': '本期沒有問卷，滿意率不計入綜合得分', en: 'No survey answers this period: the satisfaction rate is left out of the composite' },
    },
    enforced: 'checked',
  },
  'eval.resolution': {
    doc: DOC,
    section: { 'zh-CN': '1（2）', 'zh-TW': '1（2）', en: '§1(2)' },
    statement: {
      'zh-CN': '客户投诉、建议办结率：统计各单位对服务投诉、建议的整改情况，反映服务机制的完善程度和反应速度；本期没有投诉和建议的按 100% 计。',
      'zh-TW': '客戶投訴、建議辦結率：統計各單位對服務投訴、建議的整改情況，反映服務機制的完善程度和反應速度；本期沒有投訴和建議的按 100% 計。',
      en: "Complaint and suggestion resolution rate: how each unit has acted on service complaints and suggestions, showing its mechanism's completeness and speed; a period with none counts as 100%.",
    },
    lines: {
      pass: { 'zh-CN': '{received} 件投诉和建议中办结 {resolved} 件，办结率 {rate}%', 'zh-TW': '{received} 件投訴和建議中辦結 {resolved} 件，辦結率 {rate}%', en: '{resolved} of {received} complaints and suggestions resolved: {rate}%' },
      'pass.none': { 'zh-CN': '本期没有投诉和建议，办结率按 100% 计', 'zh-TW': '本期沒有投訴和建議，辦結率按 100% 計', en: 'No complaints or suggestions this period: resolution counts as 100%' },
    },
    enforced: 'checked',
  },
  'eval.plan-satisfaction': {
    doc: DOC,
    section: { 'zh-CN': '1（3）', 'zh-TW': '1（3）', en: '§1(3)' },
    statement: { 'zh-CN': '服务方案满意率：统计分析客户对所提交服务方案的采纳情况及运行效果的满意程度。', 'zh-TW': '服務方案滿意率：統計分析客戶對所提交服務方案的採納情況及運行效果的滿意程度。', en: 'Service-plan satisfaction rate: adoption of the service plans submitted and customer satisfaction with their results.' },
    lines: {
      pass: { 'zh-CN': '{rated} 个方案中客户满意 {satisfied} 个，方案满意率 {rate}%', 'zh-TW': '{rated} 個方案中客戶滿意 {satisfied} 個，方案滿意率 {rate}%', en: 'Customers satisfied with {satisfied} of {rated} plans: {rate}%' },
      'pass.none': { 'zh-CN': '本期没有评价的方案，不计入综合得分', 'zh-TW': '本期沒有評價的方案，不計入綜合得分', en: 'No plans rated this period: left out of the composite' },
    },
    enforced: 'checked',
  },
  'eval.complaint-deduction': {
    doc: DOC,
    section: { 'zh-CN': '1（4）', 'zh-TW': '1（4）', en: '§1(4)' },
    statement: {
      'zh-CN': '考核期内每发生一起客户投诉，当期该单位客户服务满意率扣减 {complaintDeductionPercent} 个百分点（不低于零）。',
      'zh-TW': '考核期內每發生一起客戶投訴，當期該單位客戶服務滿意率扣減 {complaintDeductionPercent} 個百分點（不低於零）。',
      en: "Each customer complaint in the assessment period takes {complaintDeductionPercent} percentage points off the unit's satisfaction rate for that period (not below zero).",
    },
    lines: {
      fail: { 'zh-CN': '{complaints} 起投诉，满意率扣减 {points} 个百分点，为 {rate}%', 'zh-TW': '{complaints} 起投訴，滿意率扣減 {points} 個百分點，為 {rate}%', en: '{complaints} complaints take {points} points off: satisfaction {rate}%' },
      'pass.none': { 'zh-CN': '本期没有投诉，不扣减（{complaints} 起）', 'zh-TW': '本期沒有投訴，不扣減（{complaints} 起）', en: 'No complaints this period ({complaints}): nothing taken off' },
      'pass.noSurvey': { 'zh-CN': '{complaints} 起投诉，但本期没有问卷满意率可扣减', 'zh-TW': '{complaints} 起投訴，但本期沒有問卷滿意率可扣減', en: '{complaints} complaints, but no survey rate this period to take them from' },
    },
    enforced: 'checked',
  },
  'eval.major-incident-zero': {
    doc: DOC,
    section: { 'zh-CN': '1（5）', 'zh-TW': '1（5）', en: '§1(5)' },
    statement: { 'zh-CN': '发生客户举报、有价票证重大安全事件、重大业务差错事故或重大违规违纪的单位，考核期内客户服务满意率为零。', 'zh-TW': '發生客戶舉報、有價票證重大安全事件、重大業務差錯事故或重大違規違紀的單位，考核期內客戶服務滿意率為零。', en: "A customer report, a major security incident with valuable instruments, a major business error or a major violation sets the unit's satisfaction rate to zero." },
    lines: {
      fail: { 'zh-CN': '本期发生 {incidents} 起重大安全事件，满意率为零', 'zh-TW': '本期發生 {incidents} 起重大安全事件，滿意率為零', en: '{incidents} major incident(s) this period: satisfaction is zero' },
      pass: { 'zh-CN': '本期没有重大安全事件', 'zh-TW': '本期沒有重大安全事件', en: 'No major incident this period' },
    },
    enforced: 'checked',
  },
  'eval.weights': {
    doc: DOC,
    section: { 'zh-CN': '2', 'zh-TW': '2', en: '§2' },
    statement: {
      'zh-CN': '综合得分按权重计算：满意率 {weightSatisfaction}%，办结率 {weightResolution}%，方案满意率 {weightPlanSatisfaction}%；三项之和须为 100%，本期无法计算的指标，其权重按比例分给其余指标。',
      'zh-TW': '綜合得分按權重計算：滿意率 {weightSatisfaction}%，辦結率 {weightResolution}%，方案滿意率 {weightPlanSatisfaction}%；三項之和須為 100%，本期無法計算的指標，其權重按比例分給其餘指標。',
      en: 'The composite score weights satisfaction {weightSatisfaction}%, resolution {weightResolution}% and plan satisfaction {weightPlanSatisfaction}%; the three add up to 100%, and an indicator with nothing to measure gives its weight to the others in proportion.',
    },
    lines: {
      pass: { 'zh-CN': '综合得分 {composite}（满意率 {satisfaction}%、办结率 {resolution}%、方案满意率 {plan}% 加权）', 'zh-TW': '綜合得分 {composite}（滿意率 {satisfaction}%、辦結率 {resolution}%、方案滿意率 {plan}% 加權）', en: 'Composite {composite} (weights: satisfaction {satisfaction}%, resolution {resolution}%, plans {plan}%)' },
      'pass.rescaled': { 'zh-CN': '综合得分 {composite}（满意率 {satisfaction}%、办结率 {resolution}%、方案满意率 {plan}%，缺项权重按比例分配）', 'zh-TW': '綜合得分 {composite}（滿意率 {satisfaction}%、辦結率 {resolution}%、方案滿意率 {plan}%，缺項權重按比例分配）', en: 'Composite {composite} (weights: satisfaction {satisfaction}%, resolution {resolution}%, plans {plan}%; a missing indicator’s weight spread over the rest)' },
    },
    enforced: 'checked',
  },
});
