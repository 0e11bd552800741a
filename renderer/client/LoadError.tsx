import { Alert, Button } from 'antd';
import { useT } from '../i18n/i18n-store';

/** A failed load, said in the user's language, with a retry: never an empty screen without a word. */
export function LoadError({ error, onRetry }: { error: string | null; onRetry(): void }) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="load-error"
      title={t('load.failed')}
      description={error}
      action={
        <Button size="small" onClick={onRetry}>
          {t('load.retry')}
        </Button>
      }
      style={{ marginBottom: 12 }}
    />
  );
}
