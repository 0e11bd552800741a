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
});
