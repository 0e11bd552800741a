import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { ANTD_LOCALES } from '../i18n/antd-locales';
import { useI18n, useT } from '../i18n/i18n-store';
import { LoginPage } from '../features/login/LoginPage';
import { useSession } from '../stores/session-store';
import { Shell } from './Shell';

/** CJK-first font stack: the desk is read mostly in Chinese. */
const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", system-ui, sans-serif';

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
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={{ token: { fontFamily: FONT, borderRadius: 4 } }} componentSize="middle">
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}
