import { defineRules } from '../rules/catalogue';

/** Shift swaps (換班制度), seeds/001 §Ⅱ. Line params are what the rule functions emit. */
export const swapRuleTexts = defineRules({
  'swap.allowed': {
    doc: { 'zh-CN': '换班制度', 'zh-TW': '換班制度', en: 'Shift swap rules' },
    section: { 'zh-CN': '一', 'zh-TW': '一', en: '§1' },
    statement: { 'zh-CN': '员工因本人或其他需要，须在工作时间内亲自处理事情的，可允许换班。', 'zh-TW': '員工因本人或其他需要，須在工作時間內親自處理事情的，可允許換班。', en: 'An agent who needs to handle a matter in person during working hours may swap a shift.' },
    lines: {
      'pass@requester': { 'zh-CN': '你给出{give}，换来{partner}的{take}', 'zh-TW': '你給出{give}，換來{partner}的{take}', en: "You give your {give} and take {partner}'s {take}" },
      'pass@partner': { 'zh-CN': '你来上{requester}的{give}，{requester}来上你的{take}', 'zh-TW': '你來上{requester}的{give}，{requester}來上你的{take}', en: "You work {requester}'s {give}; {requester} works your {take}" },
      pass: { 'zh-CN': '{requester}的{give}换{partner}的{take}', 'zh-TW': '{requester}的{give}換{partner}的{take}', en: "{requester}'s {give} for {partner}'s {take}" },
      unknown: { 'zh-CN': '{date} 对方的班次在同步时由服务器核对', 'zh-TW': '{date} 對方的班次在同步時由伺服器核對', en: 'Their shift on {date} is checked by the server when you sync' },
      'fail.self': { 'zh-CN': '不能和自己换班', 'zh-TW': '不能和自己換班', en: 'You cannot swap with yourself' },
      'fail.noGiveShift': { 'zh-CN': '你在 {date} 没有班可换', 'zh-TW': '你在 {date} 沒有班可換', en: 'You have no shift on {date} to give' },
      'fail.noTakeShift': { 'zh-CN': '{name} 在 {date} 没有班', 'zh-TW': '{name} 在 {date} 沒有班', en: '{name} has no shift on {date}' },
      'fail.past': { 'zh-CN': '班次已经开始或已过去', 'zh-TW': '班次已經開始或已過去', en: 'That shift has already started or passed' },
      fail: { 'zh-CN': '这个换班不成立', 'zh-TW': '這個換班不成立', en: 'This swap is not possible' },
      'fail.partnerBusy': { 'zh-CN': '{name} 在 {date} 已有班次，不能再接这个班', 'zh-TW': '{name} 在 {date} 已有班次，不能再接這個班', en: '{name} already works on {date}' },
      'fail.requesterBusy': { 'zh-CN': '你在 {date} 已有班次，不能还这个班', 'zh-TW': '你在 {date} 已有班次，不能還這個班', en: 'You already work on {date}, the pay-back day' },
    },
    enforced: 'checked',
  },
  'swap.both-leads': {
    doc: { 'zh-CN': '换班制度', 'zh-TW': '換班制度', en: 'Shift swap rules' },
    section: { 'zh-CN': '二', 'zh-TW': '二', en: '§2' },
    statement: { 'zh-CN': '换班必须经双方班长同意，并填写换班登记表。', 'zh-TW': '換班必須經雙方班長同意，並填寫換班登記表。', en: "A swap needs the consent of both agents' team leads and a completed swap registration form." },
    lines: {
      fail: { 'zh-CN': '换班须由双方班长各批准一次', 'zh-TW': '換班須由雙方班長各批准一次', en: "Each side's team lead approves a swap once" },
    },
    enforced: 'checked',
  },
  'swap.monthly-limit': {
    doc: { 'zh-CN': '换班制度', 'zh-TW': '換班制度', en: 'Shift swap rules' },
    section: { 'zh-CN': '三', 'zh-TW': '三', en: '§3' },
    statement: { 'zh-CN': '每人每月换班不得超过 {maxSwapsPerMonth} 次。', 'zh-TW': '每人每月換班不得超過 {maxSwapsPerMonth} 次。', en: 'No more than {maxSwapsPerMonth} shift swaps per person per month.' },
    lines: {
      pass: { 'zh-CN': '{name} {month} 已换班 {used} / {max} 次', 'zh-TW': '{name} {month} 已換班 {used} / {max} 次', en: '{name}: {used} of {max} swaps used in {month}' },
      fail: { 'zh-CN': '{name} {month} 已换班 {used} / {max} 次，已到上限', 'zh-TW': '{name} {month} 已換班 {used} / {max} 次，已達上限', en: '{name}: {used} of {max} swaps used in {month}, none left' },
      unknown: { 'zh-CN': '你 {month} 已换班 {used} / {max} 次；{name} 的次数在同步时由服务器核对', 'zh-TW': '你 {month} 已換班 {used} / {max} 次；{name} 的次數在同步時由伺服器核對', en: "You: {used} of {max} swaps in {month}; {name}'s count is checked by the server when you sync" },
    },
    enforced: 'checked',
  },
  'swap.no-consecutive': {
    doc: { 'zh-CN': '换班制度', 'zh-TW': '換班制度', en: 'Shift swap rules' },
    section: { 'zh-CN': '三', 'zh-TW': '三', en: '§3' },
    statement: { 'zh-CN': '不允许连续换班。', 'zh-TW': '不允許連續換班。', en: 'Consecutive swaps are not allowed.' },
    lines: {
      pass: { 'zh-CN': '前后一天都没有其他换班', 'zh-TW': '前後一天都沒有其他換班', en: 'No other swap on the day before or after' },
      fail: { 'zh-CN': '{name} 在 {date} 已有换班，不能连续换班', 'zh-TW': '{name} 在 {date} 已有換班，不能連續換班', en: '{name} already has a swap on {date}: no consecutive swaps' },
      unknown: { 'zh-CN': '{name} 的其他换班在同步时由服务器核对', 'zh-TW': '{name} 的其他換班在同步時由伺服器核對', en: "{name}'s other swaps are checked by the server when you sync" },
    },
    enforced: 'checked',
  },
  'swap.no-back-to-back': {
    doc: { 'zh-CN': '换班制度', 'zh-TW': '換班制度', en: 'Shift swap rules' },
    section: { 'zh-CN': '三', 'zh-TW': '三', en: '§3' },
    statement: { 'zh-CN': '换班者、还班者均不允许连班。', 'zh-TW': '換班者、還班者均不允許連班。', en: 'Neither the swapper nor the one paying the shift back may end up working back-to-back shifts.' },
    lines: {
      pass: { 'zh-CN': '换班后双方班次之间都有休息', 'zh-TW': '換班後雙方班次之間都有休息', en: 'After the swap both of you rest between shifts' },
      unknown: { 'zh-CN': '{name} 的班表在同步时由服务器核对', 'zh-TW': '{name} 的班表在同步時由伺服器核對', en: "{name}'s roster is checked by the server when you sync" },
      fail: { 'zh-CN': '{name}{date}的班会与{otherDate}的{otherShift}连在一起，中间没有休息', 'zh-TW': '{name}{date}的班會與{otherDate}的{otherShift}連在一起，中間沒有休息', en: '{name} would work {date} right next to their {otherShift} shift on {otherDate}' },
    },
    enforced: 'checked',
  },
  'swap.same-role-skill': {
    doc: { 'zh-CN': '换班制度', 'zh-TW': '換班制度', en: 'Shift swap rules' },
    section: { 'zh-CN': '四', 'zh-TW': '四', en: '§4' },
    statement: { 'zh-CN': '换班必须坚持同工种、技术业务水平相当的原则（技能等级相差不超过 {swapSkillTolerance} 级）。', 'zh-TW': '換班必須堅持同工種、技術業務水平相當的原則（技能等級相差不超過 {swapSkillTolerance} 級）。', en: 'Swaps must be between the same job type and a comparable skill level (at most {swapSkillTolerance} level(s) apart).' },
    lines: {
      pass: { 'zh-CN': '同为{requesterJob}，技能相差 {diff} 级（允许 {tolerance} 级）', 'zh-TW': '同為{requesterJob}，技能相差 {diff} 級（允許 {tolerance} 級）', en: 'Both {requesterJob}, skill {diff} level(s) apart (up to {tolerance} allowed)' },
      fail: { 'zh-CN': '工种 {requesterJob} / {partnerJob}，技能相差 {diff} 级（最多 {tolerance} 级）', 'zh-TW': '工種 {requesterJob} / {partnerJob}，技能相差 {diff} 級（最多 {tolerance} 級）', en: 'Job types {requesterJob} / {partnerJob}, skill {diff} level(s) apart (at most {tolerance})' },
    },
    enforced: 'checked',
  },
  'swap.handover': {
    doc: { 'zh-CN': '换班制度', 'zh-TW': '換班制度', en: 'Shift swap rules' },
    section: { 'zh-CN': '五', 'zh-TW': '五', en: '§5' },
    statement: { 'zh-CN': '换班双方必须交待清楚；交代不清造成误班、空班的按旷工处理，并按责任大小考核双方当事人。', 'zh-TW': '換班雙方必須交待清楚；交代不清造成誤班、空班的按曠工處理，並按責任大小考核雙方當事人。', en: 'Both parties must hand over clearly; a missed or empty shift from an unclear swap is absenteeism, and both are assessed by responsibility.' },
    enforced: 'shown',
  },
  'swap.no-leave': {
    doc: { 'zh-CN': '换班制度', 'zh-TW': '換班制度', en: 'Shift swap rules' },
    section: { 'zh-CN': '六', 'zh-TW': '六', en: '§6' },
    statement: { 'zh-CN': '换班和还班均不得请假，否则按旷工处理。', 'zh-TW': '換班和還班均不得請假，否則按曠工處理。', en: 'No leave on a swapped or paid-back shift; otherwise it counts as absenteeism.' },
    lines: {
      pass: { 'zh-CN': '请假日期没有换班或还班', 'zh-TW': '請假日期沒有換班或還班', en: 'No swapped or pay-back shift in these days' },
      fail: { 'zh-CN': '{date} 是换班或还班的班次，不能请假', 'zh-TW': '{date} 是換班或還班的班次，不能請假', en: '{date} is a swapped or pay-back shift: no leave' },
      'pass.swap': { 'zh-CN': '接班的日子双方都没有请假', 'zh-TW': '接班的日子雙方都沒有請假', en: 'Neither of you is on leave on the day you take' },
      unknown: { 'zh-CN': '{name} 的请假在同步时由服务器核对', 'zh-TW': '{name} 的請假在同步時由伺服器核對', en: "{name}'s leave is checked by the server when you sync" },
      'fail.onLeave': { 'zh-CN': '{name} 在 {date} 有请假，不能接这个班', 'zh-TW': '{name} 在 {date} 有請假，不能接這個班', en: '{name} is on leave on {date} and cannot take this shift' },
    },
    enforced: 'checked',
  },
  'swap.staffing': {
    doc: { 'zh-CN': '换班制度', 'zh-TW': '換班制度', en: 'Shift swap rules' },
    section: { 'zh-CN': '七', 'zh-TW': '七', en: '§7' },
    statement: { 'zh-CN': '班长必须掌握人员情况，不得随意批准换班。', 'zh-TW': '班長必須掌握人員情況，不得隨意批准換班。', en: 'Team leads must know their staffing situation and may not approve swaps casually.' },
    lines: {
      pass: { 'zh-CN': '换班后各班人数不低于最低要求', 'zh-TW': '換班後各班人數不低於最低要求', en: 'Every shift keeps its minimum staffing' },
      unknown: { 'zh-CN': '对方班组 {date} 的人数在同步时由服务器核对', 'zh-TW': '對方班組 {date} 的人數在同步時由伺服器核對', en: "The other team's staffing on {date} is checked by the server when you sync" },
      fail: { 'zh-CN': '换班后{team}{date}{shift}只剩 {after} 人，最低 {min} 人', 'zh-TW': '換班後{team}{date}{shift}只剩 {after} 人，最低 {min} 人', en: '{team} {shift} on {date} would drop to {after} (minimum {min})' },
      'pass.numbers': { 'zh-CN': '换班后{team}{date}{shift}还有 {after} 人（最低 {min} 人）', 'zh-TW': '換班後{team}{date}{shift}還有 {after} 人（最低 {min} 人）', en: 'After the swap {team} keeps {after} on {shift} on {date} (minimum {min})' },
    },
    enforced: 'checked',
  },
  'swap.holiday': {
    doc: { 'zh-CN': '换班制度', 'zh-TW': '換班制度', en: 'Shift swap rules' },
    section: { 'zh-CN': '九', 'zh-TW': '九', en: '§9' },
    statement: { 'zh-CN': '节假日当班人员不允许换班或请假。', 'zh-TW': '節假日當班人員不允許換班或請假。', en: 'Staff on duty on public holidays may neither swap nor take leave.' },
    lines: {
      pass: { 'zh-CN': '两天都不是节假日', 'zh-TW': '兩天都不是節假日', en: 'Neither day is a public holiday' },
      fail: { 'zh-CN': '{date} 是节假日（{holiday}），当班人员不能换班', 'zh-TW': '{date} 是節假日（{holiday}），當班人員不能換班', en: '{date} is a public holiday ({holiday}): no swaps for staff on duty' },
    },
    enforced: 'checked',
  },
});
