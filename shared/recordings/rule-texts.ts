import { defineRules, same } from '../rules/catalogue';

const DOC = { 'zh-CN': '值班台录音规则', 'zh-TW': '值班台錄音規則', en: 'Zhiban recordings' } as const;

/** Call recordings (issue #13: attach a recording for QA, stored once). Our own rules, not the originals'. */
export const recordingRuleTexts = defineRules({
  'recording.rights': {
    doc: DOC,
    section: same(''),
    statement: {
      'zh-CN': '来电录音由接听的座席、该班组班长或主任附上；质检员可以收听，但不能附上或替换录音。',
      'zh-TW': '來電錄音由接聽的座席、該班組班長或主任附上；質檢員可以收聽，但不能附上或替換錄音。',
      en: "A call's recording is attached by the agent who took the call, a lead of that team or a director; QA inspectors listen but do not attach or replace.",
    },
    lines: { fail: { 'zh-CN': '这通来电由 {agent} 接听，你不能给它附录音', 'zh-TW': '這通來電由 {agent} 接聽，你不能給它附錄音', en: 'This call was taken by {agent}; you cannot attach its recording' } },
    enforced: 'checked',
  },
  'recording.audio-only': {
    doc: DOC,
    section: same(''),
    statement: {
      'zh-CN': '只收通话音频（WAV、MP3、Ogg/Opus、M4A/AAC），按文件内容识别而非扩展名；每个文件不超过 50 MB（中心可设得更低）。',
      'zh-TW': '只收通話音訊（WAV、MP3、Ogg/Opus、M4A/AAC），按檔案內容識別而非副檔名；每個檔案不超過 50 MB（中心可設得更低）。',
      en: 'Only call audio is kept (WAV, MP3, Ogg/Opus, M4A/AAC), recognised by its content, not its name; at most 50 MB a file (a center may set less).',
    },
    lines: {
      'fail.type': { 'zh-CN': '这个文件不是可播放的音频', 'zh-TW': '這個檔案不是可播放的音訊', en: 'This file is not audio the desk can play' },
      'fail.empty': { 'zh-CN': '这个文件是空的', 'zh-TW': '這個檔案是空的', en: 'This file is empty' },
      'fail.size': { 'zh-CN': '文件有 {sizeMegabytes} MB，超过 {maxMegabytes} MB 上限', 'zh-TW': '檔案有 {sizeMegabytes} MB，超過 {maxMegabytes} MB 上限', en: 'The file is {sizeMegabytes} MB, over the {maxMegabytes} MB limit' },
    },
    enforced: 'checked',
  },
  'recording.one-per-call': {
    doc: DOC,
    section: same(''),
    statement: {
      'zh-CN': '每通来电只有一份当前录音；新录音须明确替换旧录音，旧录音留在历史里仍可收听。',
      'zh-TW': '每通來電只有一份當前錄音；新錄音須明確替換舊錄音，舊錄音留在歷史裡仍可收聽。',
      en: 'A call has one current recording; a new one must say it replaces it, and the old one stays in the history, still playable.',
    },
    lines: { fail: { 'zh-CN': '这通来电已有录音；要换成新录音请选择“替换”', 'zh-TW': '這通來電已有錄音；要換成新錄音請選擇「替換」', en: 'This call already has a recording; choose Replace to put a new one in its place' } },
    enforced: 'checked',
  },
});
