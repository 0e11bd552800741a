import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { ANTD_LOCALES } from '../i18n/antd-locales';
import type { Locale } from '../i18n/catalogues';
import { useI18n, useT } from '../i18n/i18n-store';
import { LoginPage } from '../features/login/LoginPage';
import { useSession } from '../stores/session-store';
import { lazy, Suspense, useEffect } from 'react';
import { prefetchPages } from './lazy-page';
import './app.css';

// The shell and every screen behind it are chunks of their own: the login page needs none of them, so the desk
// paints it from the first chunk alone. While the login page stands idle the shell and then every screen are
// fetched and parsed ahead (prefetchPages), so signing in does not wait for a chunk.
const loadShell = () => import('./Shell');
const Shell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));

function usePreloadShell(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
    // A failure shows on sign-in, through Suspense (the import is tried again there).
    idle(() => void loadShell().then(prefetchPages, () => undefined));
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
