import { defineRules } from '../rules/catalogue';

/** Quality monitoring (質檢員的職責), seeds/001 §Ⅱ. Line params are what the rule functions emit. */
export const qaRuleTexts = defineRules({
  'qa.quota': {
    doc: { 'zh-CN': '质检员的职责', 'zh-TW': '質檢員的職責', en: 'QA inspector duties' },
    section: { 'zh-CN': '3', 'zh-TW': '3', en: '§3' },
    statement: { 'zh-CN': '质检员每月对每人监听不少于 {qaMonthlyQuota} 次。', 'zh-TW': '質檢員每月對每人監聽不少於 {qaMonthlyQuota} 次。', en: 'QA monitors each agent at least {qaMonthlyQuota} times a month.' },
    enforced: 'shown',
  },
  'qa.criteria': {
    doc: { 'zh-CN': '质检员的职责', 'zh-TW': '質檢員的職責', en: 'QA inspector duties' },
    section: { 'zh-CN': '3', 'zh-TW': '3', en: '§3' },
    statement: { 'zh-CN': '监听内容包括服务用语、服务态度、语气语调、客户需求的归纳能力、接待客户应变能力等。', 'zh-TW': '監聽內容包括服務用語、服務態度、語氣語調、客戶需求的歸納能力、接待客戶應變能力等。', en: "Each check covers service wording, attitude, tone, summarizing the customer's needs, and adaptability in handling customers." },
    enforced: 'checked',
  },
  'qa.form': {
    doc: { 'zh-CN': '质检员的职责', 'zh-TW': '質檢員的職責', en: 'QA inspector duties' },
    section: { 'zh-CN': '4', 'zh-TW': '4', en: '§4' },
    statement: { 'zh-CN': '每人每次检查情况须详细填写在服务质量综合考评表上，每月汇总上交考核。', 'zh-TW': '每人每次檢查情況須詳細填寫在服務質量綜合考評表上，每月匯總上交考核。', en: 'Every check is written up in detail on the service-quality evaluation form and summarized monthly for assessment.' },
    enforced: 'checked',
  },
  'qa.dispute': {
    doc: { 'zh-CN': '值班台质检规则', 'zh-TW': '值班台質檢規則', en: 'Zhiban QA' },
    section: { 'zh-CN': '', 'zh-TW': '', en: 'rule' },
    statement: { 'zh-CN': '业务代表对考评有异议的，可在考评后 {qaDisputeDays} 天内对单项提出申诉并说明理由，由客服部主任裁定。', 'zh-TW': '業務代表對考評有異議的，可在考評後 {qaDisputeDays} 天內對單項提出申訴並說明理由，由客服部主任裁定。', en: 'An agent may dispute one criterion of an evaluation, with a reason, within {qaDisputeDays} days of it; a director rules.' },
    lines: {
      fail: { 'zh-CN': '申诉期已过（截止 {deadline}）', 'zh-TW': '申訴期已過（截止 {deadline}）', en: 'The dispute period has ended (deadline {deadline})' },
    },
    enforced: 'checked',
  },
  'qa.weekly': {
    doc: { 'zh-CN': '质检员的职责', 'zh-TW': '質檢員的職責', en: 'QA inspector duties' },
    section: { 'zh-CN': '5', 'zh-TW': '5', en: '§5' },
    statement: { 'zh-CN': '每周小结一次，据检查结果制定全员或单独培训计划，连同质检分析报告交客服部主任。', 'zh-TW': '每週小結一次，據檢查結果制定全員或單獨培訓計劃，連同質檢分析報告交客服部主任。', en: 'Summarize weekly, draw up a whole-team or individual training plan, and submit it with a QA analysis report to the department director.' },
    enforced: 'checked',
  },
  'qa.rollcall': {
    doc: { 'zh-CN': '质检员的职责', 'zh-TW': '質檢員的職責', en: 'QA inspector duties' },
    section: { 'zh-CN': '6', 'zh-TW': '6', en: '§6' },
    statement: { 'zh-CN': '点名点评时，将检查中发现的带有普遍性的服务质量问题向业务代表详细讲评。', 'zh-TW': '點名點評時，將檢查中發現的帶有普遍性的服務質量問題向業務代表詳細講評。', en: 'At roll call, common service-quality problems found in checks are reviewed in detail with the agents.' },
    enforced: 'checked',
  },
  'qa.calibration': {
    doc: { 'zh-CN': '值班台质检规则', 'zh-TW': '值班台質檢規則', en: 'Zhiban QA' },
    section: { 'zh-CN': '', 'zh-TW': '', en: 'rule' },
    statement: {
      'zh-CN': '校准会上，几位质检员各自独立（互不可见）为同一通来电打分，至少两人；结束后显示每人与参照分的偏差和一致性系数。',
      'zh-TW': '校準會上，幾位質檢員各自獨立（互不可見）為同一通來電打分，至少兩人；結束後顯示每人與參照分的偏差和一致性係數。',
      en: 'In a calibration session at least two QA inspectors score the same call blind; once it closes, each one\'s deviation from the reference score and the agreement statistic are shown.',
    },
    enforced: 'checked',
  },
});
