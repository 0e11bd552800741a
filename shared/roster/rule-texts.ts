import { defineRules, same } from '../rules/catalogue';

/** The desk's own roster rules (not in the originals). Line params are what the rule functions emit. */
export const rosterRuleTexts = defineRules({
  'roster.team-scope': {
    doc: { 'zh-CN': '值班台排班规则', 'zh-TW': '值班台排班規則', en: 'Zhiban roster rule' },
    section: same(''),
    statement: { 'zh-CN': '班长只为本班组排班；主任为全中心排班。', 'zh-TW': '班長只為本班組排班；主任為全中心排班。', en: 'A team lead rosters their own team; directors roster the whole center.' },
    lines: {
      fail: { 'zh-CN': '班长只能为本班组排班', 'zh-TW': '班長只能為本班組排班', en: 'A team lead rosters their own team only' },
    },
    enforced: 'checked',
  },
  'roster.no-overlap': {
    doc: { 'zh-CN': '值班台排班规则', 'zh-TW': '值班台排班規則', en: 'Zhiban roster rule' },
    section: same(''),
    statement: { 'zh-CN': '一人每天只上一个班，班次时间不得与前后一天的班重叠。', 'zh-TW': '一人每天只上一個班，班次時間不得與前後一天的班重疊。', en: 'One shift per person per day, never overlapping a shift on the day before or after.' },
    lines: {
      fail: { 'zh-CN': '与相邻日期的班次时间重叠', 'zh-TW': '與相鄰日期的班次時間重疊', en: 'Overlaps a shift on a neighbouring day' },
    },
    enforced: 'checked',
  },
  'roster.known-shift': {
    doc: { 'zh-CN': '值班台排班规则', 'zh-TW': '值班台排班規則', en: 'Zhiban roster rule' },
    section: same(''),
    statement: { 'zh-CN': '只能排中心已设置的班次类型。', 'zh-TW': '只能排中心已設定的班次類型。', en: 'Only the shift types the center has set up can be rostered.' },
    lines: {
      fail: { 'zh-CN': '没有这个班次类型', 'zh-TW': '沒有這個班次類型', en: 'No such shift type' },
    },
    enforced: 'checked',
  },
  'roster.later-edit-wins': {
    doc: { 'zh-CN': '值班台排班规则', 'zh-TW': '值班台排班規則', en: 'Zhiban roster rule' },
    section: { 'zh-CN': '', 'zh-TW': '', en: '' },
    statement: { 'zh-CN': '同一格排班被两处修改时，以较晚的操作为准；较早的一方会在“需要处理”中看到。', 'zh-TW': '同一格排班被兩處修改時，以較晚的操作為準；較早的一方會在「需要處理」中看到。', en: 'When two desks change the same roster cell, the later change stands; the earlier one is told under Needs attention.' },
    lines: {
      fail: { 'zh-CN': '{name}{date}这一格已由{by}在{at}改过（晚于你的修改），以该修改为准', 'zh-TW': '{name}{date}這一格已由{by}在{at}改過（晚於你的修改），以該修改為準', en: "{by} changed {name}'s cell on {date} at {at}, later than you: that change stands" },
    },
    enforced: 'checked',
  },
});
