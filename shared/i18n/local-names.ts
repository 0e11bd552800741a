import { z } from 'zod';
import { Text } from '../api/fields';

/** The UI languages (zh-CN first: the floor reads Chinese). Data that people read names itself in each. */
export const UI_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** A name in each UI language; any may be missing, and then the stored name or code stands in. */
export const LocalNamesSchema = z.object({ 'zh-CN': Text(32).optional(), 'zh-TW': Text(32).optional(), en: Text(32).optional() });
export type LocalNames = z.infer<typeof LocalNamesSchema>;

/** The name in this language, else zh-CN's (the center's own), else the fallback. */
export function localName(names: LocalNames | undefined, locale: UiLocale, fallback: string): string {
  return names?.[locale] || names?.['zh-CN'] || fallback;
}
