import { en } from './locales/en';
import { zhCN, type BaseKey } from './locales/zh-CN';
import { zhTW } from './locales/zh-TW';
import { DOMAIN_MESSAGES } from './domain-messages';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Every key a screen may ask for: the shared words and each domain's. */
export type MessageKey = BaseKey | KeysOfEach<(typeof DOMAIN_MESSAGES)[number]['zh-CN']>;
/** The keys of every member of a union (plain `keyof` of a union keeps only the keys they share). */
type KeysOfEach<T> = T extends unknown ? keyof T : never;
export type Messages = Record<MessageKey, string>;

const BASE = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;
export const CATALOGUES = Object.fromEntries(LOCALES.map((l) => [l, Object.assign({}, BASE[l], ...DOMAIN_MESSAGES.map((d) => d[l]))])) as Record<Locale, Messages>;

/** Each language names itself, whatever the current UI language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = CATALOGUES[locale][key] ?? CATALOGUES[DEFAULT_LOCALE][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(CATALOGUES[DEFAULT_LOCALE], key);
}

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

