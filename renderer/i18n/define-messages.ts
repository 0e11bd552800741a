/**
 * A domain's UI words: zh-CN is the source, and zh-TW and en must have exactly its keys (the compiler says
 * which is missing or extra). The catalogues merge every domain's words (domain-messages.ts).
 */
export function defineMessages<const Z extends Record<string, string>>(m: { 'zh-CN': Z; 'zh-TW': { [K in keyof Z]: string }; en: { [K in keyof Z]: string } }) {
  return m;
}
