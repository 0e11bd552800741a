import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { ANTD_LOCALES } from '../i18n/antd-locales';
import type { Locale } from '../i18n/catalogues';
import { useI18n, useT } from '../i18n/i18n-store';
import { LoginPage } from '../features/login/LoginPage';
import { useSession } from '../stores/session-store';
import { Shell } from './Shell';
import './app.css';

/**
 * A font stack per UI language: Simplified or Traditional Chinese glyphs first for zh-CN and zh-TW (the same
 * character looks different in each), Latin first for English so its punctuation is not drawn full-width.
 */
const FONTS: Record<Locale, string> = {
  'zh-CN': '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", system-ui, sans-serif',
  'zh-TW': '"PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", system-ui, sans-serif',
  en: '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
};

function Root() {
  const t = useT();
  const { client, actor, restoring } = useSession();
  if (!client) return <Result status="warning" title={t('app.noBridge')} />;
  if (restoring) return <Spin tip={t('app.loading')} fullscreen />;
  return actor ? <Shell actor={actor} /> : <LoginPage />;
}

export function App() {
  const locale = useI18n((s) => s.locale);
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={{ token: { fontFamily: FONTS[locale], borderRadius: 4 } }} componentSize="middle">
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}
