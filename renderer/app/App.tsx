import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { ANTD_LOCALES } from '../i18n/antd-locales';
import type { Locale } from '../i18n/catalogues';
import { useI18n, useT } from '../i18n/i18n-store';
import { LoginPage } from '../features/login/LoginPage';
import { useSession } from '../stores/session-store';
import { lazy, Suspense, useEffect } from 'react';
import './app.css';

// The shell and every screen behind it load only once someone signs in: the login page needs none of them,
// so the desk paints it from a small first chunk. While the login page stands idle the shell is fetched and
// parsed ahead, so signing in does not wait for it.
const loadShell = () => import('./Shell');
const Shell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));

function usePreloadShell(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
    idle(() => void loadShell().catch(() => undefined)); // a failure shows on sign-in, through Suspense
  }, [active]);
}

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
  usePreloadShell(Boolean(client) && !actor);
  if (!client) return <Result status="warning" title={t('app.noBridge')} />;
  const loading = <Spin tip={t('app.loading')} fullscreen />;
  if (restoring) return loading;
  return actor ? (
    <Suspense fallback={loading}>
      <Shell actor={actor} />
    </Suspense>
  ) : (
    <LoginPage />
  );
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
