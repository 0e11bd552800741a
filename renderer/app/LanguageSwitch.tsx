import { Select } from 'antd';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../i18n/catalogues';
import { useI18n, useT } from '../i18n/i18n-store';

export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useI18n();
  return (
    <Select<Locale>
      aria-label={t('lang.label')}
      data-testid="language-switch"
      value={locale}
      onChange={setLocale}
      style={{ width: 120 }}
      options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
    />
  );
}
