import { describe, expect, it } from 'vitest';
import { CATALOGUES, LOCALES, translate } from '../../renderer/i18n/catalogues';
import { CALL_CATEGORIES } from '../../shared/calls/schemas';
import { ROLES } from '../../shared/auth/roles';
import { DOMAIN_MESSAGES } from '../../renderer/i18n/domain-messages';
import { zhCN } from '../../renderer/i18n/locales/zh-CN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  const keys = Object.keys(CATALOGUES['zh-CN']);

  it.each(LOCALES)('%s has every key, none empty, with the same placeholders as zh-CN', (locale) => {
    const cat = CATALOGUES[locale] as Record<string, string>;
    expect(Object.keys(cat).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect(cat[k]!.trim(), k).not.toBe('');
      expect(placeholders(cat[k]!), k).toEqual(placeholders((CATALOGUES['zh-CN'] as Record<string, string>)[k]!));
    }
  });

  it('no key is claimed twice: by two domains, or by a domain and the shared words', () => {
    const owners = new Map<string, number>();
    for (const k of Object.keys(zhCN)) owners.set(k, (owners.get(k) ?? 0) + 1);
    for (const d of DOMAIN_MESSAGES) for (const k of Object.keys(d['zh-CN'])) owners.set(k, (owners.get(k) ?? 0) + 1);
    expect([...owners].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
  });

  it('names every role and call category in every language', () => {
    for (const locale of LOCALES) {
      for (const r of ROLES) expect(translate(locale, `role.${r}`)).not.toBe(`role.${r}`);
      for (const c of CALL_CATEGORIES) expect(translate(locale, `category.${c}`)).not.toBe(`category.${c}`);
    }
  });

  it('zh-TW is really Traditional: it differs from zh-CN where the scripts differ', () => {
    expect(translate('zh-TW', 'calls.list.title')).toBe('今日來電');
    expect(translate('zh-CN', 'calls.list.title')).toBe('今日来电');
  });

  it('fills placeholders', () => {
    expect(translate('en', 'calls.list.count', { count: 3 })).toBe('3 calls');
  });
});
