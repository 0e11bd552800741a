import { defineRules } from '../rules/catalogue';

/**
 * Unified answers (统一答复口径) from the weekly team-lead meeting (会议制度 §2), seeds/001 §Ⅱ. Moved here from
 * reports/rule-texts.ts: the answers domain is the one that decides by it. Line params are what rules.ts emits.
 */
export const answerRuleTexts = defineRules({
  'meeting.weekly': {
    doc: { 'zh-CN': '会议制度', 'zh-TW': '會議制度', en: 'Meeting rules' },
    section: { 'zh-CN': '2', 'zh-TW': '2', en: '§2' },
    statement: { 'zh-CN': '班务会每周一次，客服部主任主持、各班长参加；疑难问题经案例分析总结出统一答复口径，传达到每位业务代表。', 'zh-TW': '班務會每週一次，客服部主任主持、各班長參加；疑難問題經案例分析總結出統一答覆口徑，傳達到每位業務代表。', en: 'Weekly team-lead meeting chaired by the department director; difficult cases are analysed into a unified answer passed on to every agent.' },
    lines: {
      'pass': { 'zh-CN': '{week} 班务会统一口径', 'zh-TW': '{week} 班務會統一口徑', en: 'Unified answer of the {week} team-lead meeting' },
      'fail.future': { 'zh-CN': '班务会日期 {date} 还没到：只能发布已开过的会议定下的口径', 'zh-TW': '班務會日期 {date} 還沒到：只能發布已開過的會議定下的口徑', en: 'The meeting date {date} is still ahead: publish only what a meeting has already agreed' },
      'fail.withdrawn': { 'zh-CN': '这条口径已撤回，不能再修订', 'zh-TW': '這條口徑已撤回，不能再修訂', en: 'This answer was withdrawn: it cannot be revised any more' },
      'fail.notYours': { 'zh-CN': '班长只能修订或撤回自己发布的口径，其他的请找发布人或主任', 'zh-TW': '班長只能修訂或撤回自己發布的口徑，其他的請找發布人或主任', en: 'A team lead revises or withdraws only the answers they published: ask the publisher or a director' },
      'fail.stale': { 'zh-CN': '这条口径已被修订为第 {revision} 版，请看过新版本再修改', 'zh-TW': '這條口徑已被修訂為第 {revision} 版，請看過新版本再修改', en: 'This answer was revised meanwhile (now version {revision}): read the new version before changing it' },
    },
    enforced: 'checked',
  },
});
