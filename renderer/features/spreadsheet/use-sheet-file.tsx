import { App, Button, Dropdown, Progress, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-store';
import { readTableFile, type TableFormat } from './read-table-file';
import { readWithProgress } from './read-with-progress';
import { XlsxError } from './xlsx-read';
import { saveTable } from './save-file';

export interface Loaded {
  rows: string[][];
  format: TableFormat;
}

/**
 * The "Import" and "Export ▾" buttons of a page that trades spreadsheets, with a progress bar while a
 * file is read and checked. `onRows` checks the rows (reporting its own progress) and opens the preview.
 */
export function useSheetFile(o: { onRows(l: Loaded, progress: (fraction: number) => void): Promise<void>; exportRows(): string[][]; exportName: string; testId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ label: string; percent: number } | null>(null);

  const onFile = async (file: File) => {
    setProgress({ label: t('sheet.reading'), percent: 0 });
    try {
      const bytes = await readWithProgress(file, (f) => setProgress({ label: t('sheet.reading'), percent: Math.round(f * 50) }));
      let loaded: Loaded;
      try {
        loaded = readTableFile(bytes);
      } catch (err) {
        void message.error(err instanceof XlsxError && err.message === 'legacy .xls' ? t('sheet.legacyXls') : t('sheet.unreadable'));
        return;
      }
      const total = Math.max(loaded.rows.length - 1, 0);
      await o.onRows(loaded, (f) => setProgress({ label: t('sheet.checking', { done: Math.round(f * total), total }), percent: 50 + Math.round(f * 50) }));
    } finally {
      setProgress(null);
    }
  };

  const controls = (
    <>
      {/* antd's Upload with our button and words (not the browser's file input); the file is read here, on the desk. */}
      <Upload
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        maxCount={1}
        disabled={progress !== null}
        beforeUpload={(f) => {
          void onFile(f);
          return false;
        }}
        data-testid={o.testId}
      >
        <Button loading={progress !== null}>{t('sheet.import')}</Button>
      </Upload>
      <Dropdown
        menu={{
          items: [
            { key: 'xlsx', label: t('sheet.exportXlsx') },
            { key: 'csv', label: t('sheet.exportCsv') },
          ],
          onClick: ({ key }) => saveTable(o.exportName, o.exportRows(), key as 'csv' | 'xlsx'),
        }}
      >
        <Button data-testid={`${o.testId}-export`}>{t('sheet.export')} ▾</Button>
      </Dropdown>
      {progress && <Progress percent={progress.percent} size="small" style={{ width: 200 }} format={() => progress.label} data-testid="sheet-progress" />}
    </>
  );
  return { controls };
}
