import { create } from 'zustand';
import { z } from 'zod';
import { DEFAULT_LOCALE, isLocale, translate, type Locale, type MessageKey, type Params } from './catalogues';

const STORAGE_KEY = 'zhiban.locale';

function initialLocale(): Locale {
  const url = new URLSearchParams(window.location.search).get('lang');
  if (isLocale(url)) return url;
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return isLocale(saved) ? saved : DEFAULT_LOCALE;
}

const ZOD_LOCALES = { 'zh-CN': z.locales.zhCN, 'zh-TW': z.locales.zhTW, en: z.locales.en } as const;

function applyLocale(locale: Locale): void {
  z.config(ZOD_LOCALES[locale]());
  document.documentElement.lang = locale;
}

interface I18nState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useI18n = create<I18nState>((set) => {
  const locale = initialLocale();
  applyLocale(locale);
  return {
    locale,
    setLocale(next) {
      applyLocale(next);
      window.localStorage.setItem(STORAGE_KEY, next);
      set({ locale: next });
    },
  };
});

export type T = (key: MessageKey, params?: Params) => string;

/** The translate function for the current language; components re-render when it changes. */
export function useT(): T {
  const locale = useI18n((s) => s.locale);
  return (key, params) => translate(locale, key, params);
}
