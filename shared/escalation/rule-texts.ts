import { defineRules } from '../rules/catalogue';

/** Reporting up the chain (請示報告制度), seeds/001 §Ⅱ. Line params are what the rule functions emit. */
export const escalationRuleTexts = defineRules({
  'escalate.must-report': {
    doc: { 'zh-CN': '请示报告制度', 'zh-TW': '請示報告制度', en: 'Reporting rules' },
    section: { 'zh-CN': '1–5', 'zh-TW': '1–5', en: '§1–5' },
    statement: { 'zh-CN': '政治及失泄密问题、重大差错事故或严重违纪、危及设备人身安全、超出本职范围的问题须及时请示报告；用户故意刁难报班长解决。', 'zh-TW': '政治及失泄密問題、重大差錯事故或嚴重違紀、危及設備人身安全、超出本職範圍的問題須及時請示報告；用戶故意刁難報班長解決。', en: 'Report promptly: political or data-leak issues, major errors, accidents or serious breaches, danger to equipment or people, matters beyond your remit; customer harassment: team lead.' },
    enforced: 'checked',
  },
  'escalate.level-by-level': {
    doc: { 'zh-CN': '请示报告制度', 'zh-TW': '請示報告制度', en: 'Reporting rules' },
    section: { 'zh-CN': '6', 'zh-TW': '6', en: '§6' },
    statement: { 'zh-CN': '请示报告应逐级进行，不得越级（紧急情况除外）。', 'zh-TW': '請示報告應逐級進行，不得越級（緊急情況除外）。', en: 'Reports go level by level to the next superior; do not skip levels except in an emergency.' },
    enforced: 'checked',
  },
  'escalate.emergency-skip': {
    doc: { 'zh-CN': '请示报告制度', 'zh-TW': '請示報告制度', en: 'Reporting rules' },
    section: { 'zh-CN': '6', 'zh-TW': '6', en: '§6' },
    statement: { 'zh-CN': '遇有紧急情况可越级请示报告，但事后应向上级汇报。', 'zh-TW': '遇有緊急情況可越級請示報告，但事後應向上級匯報。', en: 'In an emergency you may skip levels, but must report to the skipped superiors afterwards.' },
    enforced: 'checked',
  },
  'escalate.proposal': {
    doc: { 'zh-CN': '请示报告制度', 'zh-TW': '請示報告制度', en: 'Reporting rules' },
    section: { 'zh-CN': '7', 'zh-TW': '7', en: '§7' },
    statement: { 'zh-CN': '请示报告要及时、准确，并根据情况提出处理意见。', 'zh-TW': '請示報告要及時、準確，並根據情況提出處理意見。', en: 'Reports must be timely and accurate and include your proposed handling.' },
    enforced: 'checked',
  },
  'escalate.instructions': {
    doc: { 'zh-CN': '请示报告制度', 'zh-TW': '請示報告制度', en: 'Reporting rules' },
    section: { 'zh-CN': '7', 'zh-TW': '7', en: '§7' },
    statement: { 'zh-CN': '上级指示要详细记载、认真执行；有不同意见可提出建议，上级坚持原意时应先执行，再按组织原则向上反映。', 'zh-TW': '上級指示要詳細記載、認真執行；有不同意見可提出建議，上級堅持原意時應先執行，再按組織原則向上反映。', en: "Record superiors' instructions in detail and carry them out; you may object, but if they insist, comply first, then raise it upward." },
    enforced: 'checked',
  },
});
