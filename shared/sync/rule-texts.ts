import { defineRules, same } from '../rules/catalogue';

/** The desk's own sync rules (not in the originals). Line params are what the rule functions emit. */
export const syncRuleTexts = defineRules({
  'sync.clock-drift': {
    doc: { 'zh-CN': '值班台同步规则', 'zh-TW': '值班台同步規則', en: 'Zhiban sync' },
    section: { 'zh-CN': '', 'zh-TW': '', en: 'rule' },
    statement: { 'zh-CN': '本机时钟最多可比服务器快 {clockDriftMinutes} 分钟。', 'zh-TW': '本機時鐘最多可比伺服器快 {clockDriftMinutes} 分鐘。', en: "A desk's clock may run at most {clockDriftMinutes} minutes ahead of the server's." },
    lines: {
      fail: { 'zh-CN': '本机时钟比服务器快 {aheadMinutes} 分钟，超过允许的 {limitMinutes} 分钟', 'zh-TW': '本機時鐘比伺服器快 {aheadMinutes} 分鐘，超過允許的 {limitMinutes} 分鐘', en: "This desk's clock was {aheadMinutes} min ahead of the server's (limit {limitMinutes} min)" },
    },
    enforced: 'checked',
  },
  'sync.max-offline-age': {
    doc: { 'zh-CN': '值班台同步规则', 'zh-TW': '值班台同步規則', en: 'Zhiban sync' },
    section: { 'zh-CN': '', 'zh-TW': '', en: 'rule' },
    statement: { 'zh-CN': '离线完成的操作须在 {maxOfflineDays} 天内同步到服务器。', 'zh-TW': '離線完成的操作須在 {maxOfflineDays} 天內同步到伺服器。', en: 'Work done offline must reach the server within {maxOfflineDays} days.' },
    lines: {
      fail: { 'zh-CN': '离线时间过长：操作发生在 {ageDays} 天前，超过 {limitDays} 天上限', 'zh-TW': '離線時間過長：操作發生在 {ageDays} 天前，超過 {limitDays} 天上限', en: 'Offline too long: done {ageDays} days ago, over the {limitDays}-day limit' },
    },
    enforced: 'checked',
  },
  'sync.current-role': {
    doc: { 'zh-CN': '值班台同步规则', 'zh-TW': '值班台同步規則', en: 'Zhiban sync rule' },
    section: same(''),
    statement: { 'zh-CN': '离线完成的操作按服务器上您当前的岗位核对权限。', 'zh-TW': '離線完成的操作按伺服器上您目前的崗位核對權限。', en: 'Work done offline is checked against the role the server has for you now.' },
    lines: {
      fail: { 'zh-CN': '您当前的岗位（{role}）无权执行此操作', 'zh-TW': '您目前的崗位（{role}）無權執行此操作', en: 'Your current role ({role}) may not do this' },
    },
    enforced: 'checked',
  },
});
