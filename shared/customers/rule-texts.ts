import { defineRules } from '../rules/catalogue';

/** Customer data (安全保密制度, seeds/001 §Ⅱ) and customer value tiers (seeds/003 §一.1). */
export const customerRuleTexts = defineRules({
  'customer.confidential': {
    doc: { 'zh-CN': '安全保密制度', 'zh-TW': '安全保密制度', en: 'Security and confidentiality rules' },
    section: { 'zh-CN': '1', 'zh-TW': '1', en: '§1' },
    statement: {
      'zh-CN': '严守通信机密，在任何情况下不泄露客户的任何资料：客户电话和姓名只对接听、回访客户的业务代表和班长完整显示，其他角色看到的是遮蔽后的号码，查看完整号码须说明理由并留痕。',
      'zh-TW': '嚴守通信機密，在任何情況下不洩露客戶的任何資料：客戶電話和姓名只對接聽、回訪客戶的業務代表和班長完整顯示，其他角色看到的是遮蔽後的號碼，查看完整號碼須說明理由並留痕。',
      en: 'Keep communications confidential and never leak any customer data: phone numbers and names are shown in full only to the agents and team leads who answer and call back customers; other roles see them masked, and revealing one needs a reason and is recorded.',
    },
    lines: {
      pass: { 'zh-CN': '已记录查看理由：{reason}', 'zh-TW': '已記錄查看理由：{reason}', en: 'Reason recorded: {reason}' },
      'fail.unknownCall': { 'zh-CN': '没有这条来电记录（或无权查看）', 'zh-TW': '沒有這筆來電紀錄（或無權查看）', en: 'No such call (or not yours to see)' },
    },
    enforced: 'checked',
  },
  'customer.value-tiers': {
    doc: { 'zh-CN': '客户关系维护创新', 'zh-TW': '客戶關係維護創新', en: 'Customer relationship innovation' },
    section: { 'zh-CN': '一.1', 'zh-TW': '一.1', en: '§1.1' },
    statement: {
      'zh-CN': '按价值对客户分类：最有价值的客户（MVC）加强保持关系，最具增长性的客户（MGC）采取发展策略，其他客户照常服务；坐席接听时看到客户的分类。',
      'zh-TW': '按價值對客戶分類：最有價值的客戶（MVC）加強保持關係，最具增長性的客戶（MGC）採取發展策略，其他客戶照常服務；座席接聽時看到客戶的分類。',
      en: 'Customers are tiered by value: keep the relationship with the most valuable (MVC), develop the most growable (MGC), serve the others as usual; agents see the tier when they take the call.',
    },
    lines: {
      'fail.unknownCustomer': { 'zh-CN': '你能看到的来电里没有号码 {phone}', 'zh-TW': '你能看到的來電裡沒有號碼 {phone}', en: 'No call you can see came from {phone}' },
    },
    enforced: 'checked',
  },
});
